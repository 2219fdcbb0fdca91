/**
 * describe namespace, resourcequota, limitrange (describe.go describeNamespace,
 * DescribeResourceQuotas, DescribeLimitRanges, describeQuota, describeLimitRange).
 */
import type { KubeObject } from '../../../engine/api/types.js';
import type { DescribeContext } from './context.js';
import { compareStrings, printAnnotationsMultiline, printLabelsMultiline, quantityString, rfc1123z, sortedKeys } from './format.js';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './tabbed.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- specs are loose JSON */
type Json = Record<string, any>;

const SCOPE_HELP: Record<string, string> = {
  Terminating: 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating: 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort: 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort: 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
};

const quotaValue = (list: Json | undefined, name: string): string => quantityString(list?.[name] ?? '0');

function describeLimitRangeSpec(spec: Json | undefined, prefix: string, w: PrefixWriter): void {
  for (const item of (spec?.limits ?? []) as Json[]) {
    const names = new Set<string>();
    for (const field of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']) for (const k of Object.keys(item[field] ?? {})) names.add(k);
    // Go iterates a map here; sorting keeps the output stable.
    for (const k of [...names].sort(compareStrings)) {
      const cell = (field: string): string => (item[field]?.[k] !== undefined ? quantityString(item[field][k]) : '-');
      w.write(LEVEL_0, `${prefix}${item.type}\t${k}\t${cell('min')}\t${cell('max')}\t${cell('defaultRequest')}\t${cell('default')}\t${cell('maxLimitRequestRatio')}\n`);
    }
  }
}

function describeResourceQuotas(quotas: readonly KubeObject[], w: PrefixWriter): void {
  if (quotas.length === 0) {
    w.write(LEVEL_0, 'No resource quota.\n');
    return;
  }
  w.write(LEVEL_0, 'Resource Quotas\n');
  for (const q of [...quotas].sort((a, b) => compareStrings(a.metadata.name ?? '', b.metadata.name ?? ''))) {
    w.write(LEVEL_1, `Name:\t${q.metadata.name}\n`);
    const scopes = [...((q.spec?.scopes ?? []) as string[])].sort(compareStrings);
    if (scopes.length > 0) {
      w.write(LEVEL_1, `Scopes:\t${scopes.join(', ')}\n`);
      for (const s of scopes) if (SCOPE_HELP[s]) w.write(LEVEL_1, `* ${SCOPE_HELP[s]}\n`);
    }
    w.write(LEVEL_1, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_1, '--------\t---\t---\n');
    for (const r of sortedKeys(q.status?.hard)) w.write(LEVEL_1, `${r}\t${quotaValue(q.status?.used, r)}\t${quotaValue(q.status?.hard, r)}\n`);
  }
}

function describeLimitRanges(ranges: readonly KubeObject[], w: PrefixWriter): void {
  if (ranges.length === 0) {
    w.write(LEVEL_0, 'No LimitRange resource.\n');
    return;
  }
  w.write(LEVEL_0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(LEVEL_0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const lr of ranges) describeLimitRangeSpec(lr.spec, ' ', w);
}

/** describe namespace: status, conditions, then its quotas and limit ranges. */
export function describeNamespace(ns: KubeObject, ctx: DescribeContext): string {
  const name = ns.metadata.name ?? '';
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${name}\n`);
    printLabelsMultiline(w, 'Labels', ns.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations);
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
    const conditions: Json[] = ns.status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
      for (const c of conditions) w.write(LEVEL_1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
    }
    w.write(LEVEL_0, '\n');
    describeResourceQuotas(ctx.list('resourcequotas', name), w);
    w.write(LEVEL_0, '\n');
    describeLimitRanges(ctx.list('limitranges', name), w);
  });
}

/** describe resourcequota. */
export function describeResourceQuota(q: KubeObject): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${q.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${q.metadata.namespace ?? ''}\n`);
    const scopes = [...((q.spec?.scopes ?? []) as string[])].sort(compareStrings);
    if (scopes.length > 0) {
      w.write(LEVEL_0, `Scopes:\t${scopes.join(', ')}\n`);
      for (const s of scopes) if (SCOPE_HELP[s]) w.write(LEVEL_0, ` * ${SCOPE_HELP[s]}\n`);
    }
    w.write(LEVEL_0, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_0, '--------\t----\t----\n');
    for (const r of sortedKeys(q.status?.hard)) w.write(LEVEL_0, `${r}\t${quotaValue(q.status?.used, r)}\t${quotaValue(q.status?.hard, r)}\n`);
  });
}

/** describe limitrange. */
export function describeLimitRange(lr: KubeObject): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${lr.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${lr.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
    w.write(LEVEL_0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
    describeLimitRangeSpec(lr.spec, '', w);
  });
}
