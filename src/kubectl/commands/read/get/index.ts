/**
 * `kubectl get` (kubectl/pkg/cmd/get/get.go): tables with -o wide, -A, -L, --show-labels,
 * --sort-by and --no-headers; json/yaml/name/jsonpath/go-template/custom-columns; several
 * kinds at once; NotFound per missing name while found objects still print; `-w`.
 */
import type { ParsedFlags } from '../../../args/flags.js';
import {
  GET_FORMATS,
  clientFor,
  errorsText,
  printError,
  printObjects,
  printOptionsFrom,
  readPrintFormat,
  resolveNamespace,
  type CommandError,
  type PrintFormat,
} from '../../../common.js';
import { noResourcesMessage, printTables, sortTables, type TableGroup } from '../../../printers/table.js';
import type { CommandModule, KubectlEnv, Output } from '../../../types.js';
import { GET_SPEC } from '../specs.js';
import { fetchObjects, type Fetched } from './fetch.js';
import { watchObjects } from './watch.js';

const MISSING_TYPE = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples
`;

/** The `get` verb. */
export const GET: CommandModule = { path: ['get'], spec: GET_SPEC, run: runGet };

function runGet(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  const format = readPrintFormat(flags, env, GET_FORMATS);
  if (!format.ok) {
    io.err(format.stderr);
    return 1;
  }
  const raw = flags.string('raw');
  if (raw) return getRaw(raw, io);
  const filenames = flags.list('filename');
  if (flags.args.length === 0 && filenames.length === 0) {
    io.err(MISSING_TYPE);
    return 1;
  }
  const client = clientFor(flags, env);
  if (!client.ok) return printError(io, client.error);
  const scope = resolveNamespace(flags, env);
  const fetched = fetchObjects(client.value, env, {
    args: flags.args,
    filenames,
    recursive: flags.bool('recursive'),
    namespace: scope.namespace,
    allNamespaces: scope.allNamespaces,
    labelSelector: flags.string('selector'),
    fieldSelector: flags.string('field-selector'),
  });
  if (!fetched.ok) return printError(io, fetched.error);
  const result = flags.bool('ignore-not-found') ? dropNotFound(fetched.value) : fetched.value;

  const watching = flags.bool('watch') || flags.bool('watch-only');
  if (watching) return watchObjects(client.value, env, io, flags, format.format, result, scope);

  const code = format.format.kind === 'table' ? printTable(flags, env, io, result, scope, format.format.wide) : printOther(flags, io, result, format.format);
  return code;
}

function dropNotFound(f: Fetched): Fetched {
  return { ...f, errors: f.errors.filter((e) => typeof e === 'string' || e.reason !== 'NotFound') };
}

/** The human-readable path of get.go Run: one table per type, then errors, or "No resources found". */
function printTable(flags: ParsedFlags, env: KubectlEnv, io: Output, f: Fetched, scope: ReturnType<typeof resolveNamespace>, wide: boolean): number {
  let groups: TableGroup[] = f.groups.map((g) => ({ resource: g.type.resource, objects: g.objects }));
  const sortBy = flags.string('sort-by');
  if (sortBy) {
    // Sorted once here; printTables then prints them in this order.
    const sorted = sortTables(groups, sortBy);
    if (!sorted.ok) {
      io.err(sorted.error);
      return 1;
    }
    groups = sorted.groups;
  }
  const text = printTables(groups, {
    now: env.now(),
    wide,
    allNamespaces: scope.allNamespaces,
    showLabels: flags.bool('show-labels'),
    labelColumns: flags.list('label-columns'),
    noHeaders: flags.bool('no-headers'),
    kindPrefix: flags.bool('show-kind') || withKind(f),
  });
  io.out(text);
  if (f.errors.length > 0) return reportErrors(io, f.errors);
  if (text === '' && !flags.bool('ignore-not-found')) {
    io.err(noResourcesMessage({ namespace: scope.namespace, allNamespaces: scope.allNamespaces, resources: f.groups.map((g) => g.type.resource) }));
  }
  return 0;
}

/** multipleGVKsRequested over the builder's infos: a listed type counts even when empty. */
function withKind(f: Fetched): boolean {
  const types = new Set(f.groups.filter((g) => g.listed || g.objects.length > 0).map((g) => g.type.resource));
  return types.size > 1;
}

/** get.go printGeneric: one object when a single item was implied, else a List. */
function printOther(flags: ParsedFlags, io: Output, f: Fetched, format: PrintFormat): number {
  const objects = f.groups.flatMap((g) => g.objects);
  // A single implied item that failed is returned as the error alone.
  if (f.singleItemImplied && f.errors.length > 0) return reportErrors(io, f.errors);
  const printed = printObjects(format, objects, f.singleItemImplied, printOptionsFrom(flags));
  if (!printed.ok) {
    io.err(printed.stderr);
    return 1;
  }
  io.out(printed.text);
  return f.errors.length > 0 ? reportErrors(io, f.errors) : 0;
}

/** The aggregate of errors get returns: each as `Error from server (...)` on its own line. */
export function reportErrors(io: Output, errors: readonly CommandError[]): number {
  io.err(errorsText(errors, { aggregateOne: true }));
  return 1;
}

/**
 * `kubectl get --raw PATH` for the health endpoints learners probe: `ok` for /healthz,
 * /livez and /readyz; anything else is the API server's 404.
 */
function getRaw(path: string, io: Output): number {
  if (['/healthz', '/livez', '/readyz'].includes(path.split('?')[0]!)) {
    io.out('ok');
    return 0;
  }
  io.err('Error from server (NotFound): the server could not find the requested resource\n');
  return 1;
}
