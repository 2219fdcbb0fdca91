/**
 * Pieces the write verbs share on top of src/kubectl/common.ts: printing a mutated object
 * per `-o` (or the name printer's `created`), the last-applied annotation, usage errors,
 * and the generator context from the invocation.
 */
import type { ApiClient } from '../../../engine/api/client.js';
import { typeForKind } from '../../../engine/api/discovery.js';
import type { KubeObject, Result } from '../../../engine/api/types.js';
import type { ParsedFlags } from '../../args/flags.js';
import {
  clientFor,
  dryRunSuffix,
  OBJECT_FORMATS,
  printError,
  printObjects,
  printOptionsFrom,
  readDryRun,
  readPrintFormat,
  resolveNamespace,
  type DryRunStrategy,
  type PrintFormat,
} from '../../common.js';
import { goJson } from '../../printers/go-format.js';
import { toJson } from '../../printers/json.js';
import { forOutput } from '../../printers/yaml.js';
import { nameLine } from '../../printers/name.js';
import { recorded } from './record.js';
import { typedOrder } from './typed-order.js';
import type { KubectlEnv, Output } from '../../types.js';
import type { GenContext, GenResult } from './generators/types.js';

/** The annotation `kubectl apply` keeps its last configuration in. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** JSON with sorted keys, compact (encoding/json over an unstructured map). */
export function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/**
 * runtime.Encode of an unstructured object: compact JSON with sorted keys, `<`, `>` and
 * `&` escaped, and json.Encoder's trailing newline — the text kubectl stores in the annotation.
 */
export function encodeJson(obj: unknown): string {
  return `${goJson(obj)}\n`;
}

/**
 * GetModifiedConfiguration(annotate=true): the object with its own serialization (without
 * the annotation) stored in the annotation. An unstructured object (apply, replace) keeps
 * an empty `annotations: {}` and sorted keys; a typed one (`create --save-config`) drops
 * the empty map (omitempty) and keeps its struct order.
 */
export function withLastApplied(obj: KubeObject, opts: { typed?: boolean } = {}): KubeObject {
  const annotations = { ...(obj.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  if (opts.typed) {
    const { annotations: _own, ...rest } = obj.metadata;
    const bare = { ...obj, metadata: Object.keys(annotations).length > 0 ? { ...rest, annotations } : rest };
    return typedOrder({ ...obj, metadata: { ...obj.metadata, annotations: { ...annotations, [LAST_APPLIED]: `${goJson(typedOrder(bare), undefined, true)}\n` } } });
  }
  const bare = { ...obj, metadata: { ...obj.metadata, annotations } };
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...annotations, [LAST_APPLIED]: encodeJson(bare) } } };
}

/** The last applied configuration of a live object, if it has a readable one. */
export function lastAppliedOf(obj: KubeObject): KubeObject | undefined {
  const text = obj.metadata.annotations?.[LAST_APPLIED];
  if (!text) return undefined;
  try {
    return JSON.parse(text) as KubeObject;
  } catch {
    return undefined;
  }
}

/** cmdutil.UsageErrorf: the message and `See 'kubectl <cmd> -h' for help and examples`. */
export function usageError(io: Output, command: string, message: string): number {
  io.err(`error: ${message}\nSee 'kubectl ${command} -h' for help and examples\n`);
  return 1;
}

/** `error: required flag(s) "image" not set` (cobra's required flags, through checkErr). */
export function requiredFlags(io: Output, names: readonly string[]): number {
  io.err(`error: required flag(s) ${names.map((n) => `"${n}"`).join(', ')} not set\n`);
  return 1;
}

/** Everything a mutating verb reads before it acts. */
export interface WriteContext {
  readonly client: ApiClient;
  readonly namespace: string;
  readonly explicitNamespace: boolean;
  readonly dryRun: DryRunStrategy;
  readonly format: PrintFormat;
}

/**
 * Reads the client, namespace, `--dry-run` and `-o` (for verbs that declare them), printing
 * the error and returning undefined when one is bad.
 */
export function writeContext(flags: ParsedFlags, env: KubectlEnv, io: Output): WriteContext | undefined {
  const client = clientFor(flags, env);
  if (!client.ok) {
    printError(io, client.error);
    return undefined;
  }
  let dryRun: DryRunStrategy = 'none';
  if (flags.values.has('dry-run')) {
    const d = readDryRun(flags, io, env.now());
    if (!d.ok) {
      printError(io, d.error);
      return undefined;
    }
    dryRun = d.value;
  }
  let format: PrintFormat = { kind: 'table', wide: false };
  if (flags.values.has('output')) {
    const f = readPrintFormat(flags, env, OBJECT_FORMATS);
    if (!f.ok) {
      io.err(f.stderr);
      return undefined;
    }
    format = f.format;
  }
  const ns = resolveNamespace(flags, env);
  return { client: client.value, namespace: ns.namespace, explicitNamespace: ns.explicit, dryRun, format };
}

/** The generator context of an invocation: `-n` enforces the namespace into the object. */
export function genContext(ctx: WriteContext, env: KubectlEnv): GenContext {
  return { namespace: ctx.explicitNamespace ? ctx.namespace : undefined, readFile: (p) => env.readFile(p), readDir: (p) => env.readDir(p) };
}

/**
 * Prints one object the way the verb's `-o` asks, or the name line with the operation.
 * `typed` objects (built or returned as Go structs) keep their key order in `-o json`.
 */
export function printMutated(io: Output, flags: ParsedFlags, ctx: WriteContext, obj: KubeObject, operation: string, opts: { typed?: boolean } = {}): number {
  if (ctx.format.kind === 'table' || ctx.format.kind === 'name') {
    io.out(`${nameLine(obj, ctx.format.kind === 'name' ? undefined : operation)}${ctx.format.kind === 'name' ? '' : dryRunSuffix(ctx.dryRun)}\n`);
    return 0;
  }
  if (opts.typed && ctx.format.kind === 'json') {
    io.out(toJson(typedOrder(forOutput(obj, printOptionsFrom(flags).showManagedFields)), { keepOrder: true }));
    return 0;
  }
  const r = printObjects(ctx.format, [obj], true, printOptionsFrom(flags));
  if (!r.ok) {
    io.err(r.stderr);
    return 1;
  }
  io.out(r.text);
  return 0;
}

/** Prints API warnings as kubectl does (`Warning: ...` on stderr). */
export function printWarnings(io: Output, warnings: readonly string[] | undefined): void {
  for (const w of warnings ?? []) io.err(w.startsWith('Warning: ') ? `${w}\n` : `Warning: ${w}\n`);
}

/**
 * Sends a generated object (create, run, expose...): prints the object for client dry
 * run, else creates it (server dry run if asked) and prints the result. `create service`
 * adds the --save-config annotation only when it sends (`annotateDryRun: false`).
 */
export function createGenerated(
  io: Output,
  flags: ParsedFlags,
  ctx: WriteContext,
  gen: GenResult,
  command: string,
  operation = 'created',
  opts: { annotateDryRun?: boolean; cause?: string } = {},
): number {
  if (!gen.ok) return gen.usage ? usageError(io, command, gen.error) : printError(io, gen.error);
  printWarnings(io, gen.warnings);
  // `--record` (run, expose): the change-cause is recorded before anything else.
  let obj = recorded(gen.object, opts.cause);
  // Generators build typed Go objects: their annotation and `-o json` keep struct order.
  const annotate = flags.values.has('save-config') && flags.bool('save-config') && (ctx.dryRun !== 'client' || opts.annotateDryRun !== false);
  if (annotate) obj = withLastApplied(obj, { typed: true });
  if (ctx.dryRun === 'client') return printMutated(io, flags, ctx, obj, operation, { typed: true });
  const created = createObject(ctx, obj, flags);
  if (!created.ok) return printError(io, created.error);
  printWarnings(io, created.value.warnings);
  return printMutated(io, flags, ctx, created.value.object, operation);
}

/** client.create for an object of a known kind, in the invocation's namespace. */
export function createObject(ctx: WriteContext, obj: KubeObject, flags?: ParsedFlags): Result<{ object: KubeObject; warnings: readonly string[] }> {
  const resource = resourceOf(obj);
  return ctx.client.create(resource, obj.metadata.namespace ?? ctx.namespace, obj, { dryRun: ctx.dryRun === 'server', fieldValidation: fieldValidation(flags) });
}

/** `--validate` as the server's fieldValidation parameter. */
export function fieldValidation(flags?: ParsedFlags): 'Strict' | 'Warn' | 'Ignore' {
  if (!flags || !flags.values.has('validate')) return 'Strict';
  const v = flags.string('validate').toLowerCase();
  return v === 'warn' ? 'Warn' : v === 'false' || v === 'ignore' ? 'Ignore' : 'Strict';
}

/** The plural resource of an object's kind (`Deployment` -> `deployments`). */
export function resourceOf(obj: Pick<KubeObject, 'kind'>): string {
  return typeForKind(obj.kind)?.resource ?? `${obj.kind.toLowerCase()}s`;
}

/**
 * The random part Go's os.CreateTemp / MkdirTemp puts in a name (a decimal uint32),
 * derived from virtual time and a salt so transcripts repeat exactly.
 */
export function tempSuffix(now: number, salt: string): string {
  let h = 2166136261;
  for (const c of `${now}:${salt}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return String(h);
}
