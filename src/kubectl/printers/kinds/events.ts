/**
 * `kubectl get events`: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE; wide adds SUBOBJECT and
 * SOURCE before MESSAGE and FIRST SEEN, COUNT, NAME after it (printEvent).
 */
import type { KubeObject } from '../../../engine/api/types.js';
import { age } from '../duration.js';
import { col, wide, type Column, type PrinterTable } from '../printer-table.js';

const columns: Column[] = [
  col('LAST SEEN'), col('TYPE'), col('REASON'), col('OBJECT'), wide('SUBOBJECT'), wide('SOURCE'), col('MESSAGE'),
  wide('FIRST SEEN'), wide('COUNT'), { header: 'NAME', wide: true, isName: true },
];

/** formatEventSource: `component, host`, falling back to reportingController/Instance. */
export function eventSource(ev: KubeObject): string {
  const component = ev.source?.component || ev.reportingController || '';
  const instance = ev.source?.host || ev.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

/** printEvent. */
export const events: PrinterTable = {
  columns,
  row: (ev, { now }) => {
    const first = ev.firstTimestamp ? age(ev.firstTimestamp, now) : age(ev.eventTime, now);
    let last = ev.lastTimestamp ? age(ev.lastTimestamp, now) : first;
    let count: number = typeof ev.count === 'number' ? ev.count : 0;
    if (ev.series) {
      last = age(ev.series.lastObservedTime, now);
      count = ev.series.count ?? 0;
    } else if (count === 0) {
      // Singleton events of the events.k8s.io API carry no count.
      count = 1;
    }
    const involved = ev.involvedObject ?? {};
    const target = involved.name ? `${String(involved.kind ?? '').toLowerCase()}/${involved.name}` : String(involved.kind ?? '').toLowerCase();
    return [
      last, ev.type ?? '', ev.reason ?? '', target, involved.fieldPath ?? '', eventSource(ev), String(ev.message ?? '').trim(),
      first, String(count), ev.metadata.name ?? '',
    ];
  },
};
