/**
 * `kubectl get -w`: print the current objects, then one line per change as the watch
 * delivers it. The tutor cannot block on a terminal, so the watch follows the cluster
 * for a bounded stretch of virtual time — `--request-timeout`, or 30s — advancing in
 * one-second steps and printing each event's row (no new header, widths remembered).
 */
import type { ApiClient } from '../../../../engine/api/client.js';
import type { KubeObject } from '../../../../engine/api/types.js';
import { parseRequestTimeout } from '../../../args/global-flags.js';
import type { ParsedFlags } from '../../../args/flags.js';
import { printError, printObjects, printOptionsFrom, type NamespaceScope, type PrintFormat } from '../../../common.js';
import { printTables } from '../../../printers/table.js';
import type { KubectlEnv, Output } from '../../../types.js';
import type { Fetched } from './fetch.js';

/** How long a watch follows the cluster when no --request-timeout is given. */
export const DEFAULT_WATCH_MS = 30_000;
/** Virtual time between two looks at the watch. */
const STEP_MS = 1_000;

/** Runs the watch part of get; the initial objects are already fetched. */
export function watchObjects(client: ApiClient, env: KubectlEnv, io: Output, flags: ParsedFlags, format: PrintFormat, f: Fetched, scope: NamespaceScope): number {
  if (f.groups.length > 1) return printError(io, 'you may only specify a single resource type');
  if (f.errors.length > 0) return printError(io, f.errors[0]!);
  const timeout = parseRequestTimeout(flags.string('request-timeout'));
  if (!timeout.ok) return printError(io, timeout.error);
  const group = f.groups[0];
  if (!group) return 0;
  const names = group.listed ? undefined : new Set(group.objects.map((o) => o.metadata.name));
  if (names && names.size > 1) {
    return printError(io, `watch is only supported on individual resources and resource collections, but ${names.size} resources were found`);
  }

  const resource = group.type.resource;
  const table = format.kind === 'table';
  const tableOpts = {
    wide: format.kind === 'table' && format.wide,
    allNamespaces: scope.allNamespaces,
    showLabels: flags.bool('show-labels'),
    labelColumns: flags.list('label-columns'),
  };
  // Rows printed so far: a later row is laid out with them, as the tabwriter remembers widths.
  const shown: KubeObject[] = flags.bool('watch-only') ? [] : [...group.objects];
  let printed = 0;
  const print = (objects: readonly KubeObject[]) => {
    if (objects.length === 0) return;
    if (!table) {
      for (const o of objects) {
        const r = printObjects(format, [o], true, printOptionsFrom(flags));
        const text = r.ok ? r.text : r.stderr;
        io.out(format.kind === 'yaml' && printed > 0 ? `---\n${text}` : text);
        printed++;
      }
      return;
    }
    const before = shown.length;
    shown.push(...objects);
    const headers = !flags.bool('no-headers');
    const lines = printTables([{ resource, objects: shown }], { now: env.now(), noHeaders: !headers, ...tableOpts }).split('\n');
    // The header prints once: with the first rows, whether initial or from the watch.
    const skip = (headers ? 1 : 0) + before;
    io.out(lines.slice(before === 0 ? 0 : skip, -1).map((l) => `${l}\n`).join(''));
  };
  if (!flags.bool('watch-only')) {
    const initial = shown.splice(0);
    print(initial);
  }

  const pending: KubeObject[] = [];
  const watched = client.watch(resource, { namespace: group.type.namespaced && !scope.allNamespaces ? scope.namespace : undefined, labelSelector: flags.string('selector') || undefined }, (e) => {
    if (names && !names.has(e.object.metadata.name)) return;
    pending.push(e.object);
  });
  if (!watched.ok) return printError(io, watched.error);
  const limit = timeout.value > 0 ? timeout.value : DEFAULT_WATCH_MS;
  try {
    for (let elapsed = 0; elapsed < limit; elapsed += STEP_MS) {
      env.advance(Math.min(STEP_MS, limit - elapsed));
      print(pending.splice(0));
    }
  } finally {
    watched.value();
  }
  return 0;
}
