/**
 * Validates and normalises one check as written in lesson.yaml — `- podsReady: {selector:
 * app=web, count: 3}` with an optional `title:` beside it — into a CheckSpec, reporting
 * the first problem with its field path.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { parseLabelSelector } from '../engine/api/selectors.js';
import { CHECK_TYPES, type CheckSpec, type CheckType } from './checks/types.js';
import { compileJsonPath } from './checks/objects.js';
import { resolveKind } from './checks/refs.js';
import { CHECK_ARG_SCHEMAS } from './schema.js';
import { explainSchemaError, LESSON_ERRORS } from './errors.js';
import { joinKey } from './yaml-lines.js';
import type { Question } from './types.js';

/** A problem at a field path; `linePath` is where to look for the line when it differs. */
export interface SpecProblem {
  readonly path: string;
  readonly linePath?: string;
  readonly message: string;
}

const ajv = new Ajv({ allErrors: false, verbose: true, strict: true, allowUnionTypes: true });
const validators = new Map<CheckType, ValidateFunction>();
function validatorFor(type: CheckType): ValidateFunction {
  let v = validators.get(type);
  if (!v) validators.set(type, (v = ajv.compile(CHECK_ARG_SCHEMAS[type])));
  return v;
}

const isCheckType = (name: string): name is CheckType => (CHECK_TYPES as readonly string[]).includes(name);

/** Shorthands: `exists: deployment/web`, `pvcBound: data`, `commandRan: kubectl logs`, `answer:`. */
function expandShorthand(type: CheckType, args: unknown): unknown {
  if (typeof args === 'string') {
    if (type === 'exists' || type === 'absent') {
      const slash = args.indexOf('/');
      return slash > 0 ? { kind: args.slice(0, slash), name: args.slice(slash + 1) } : args;
    }
    if (type === 'pvcBound') return { name: args };
    if (type === 'commandRan') return { pattern: args };
  }
  if (type === 'answer' && (args === null || args === true)) return {};
  if (type === 'canI' && args && typeof args === 'object' && typeof (args as { expect?: unknown }).expect === 'boolean') {
    return { ...args, expect: (args as { expect: boolean }).expect ? 'yes' : 'no' };
  }
  return args;
}

/** Validates a raw check at `path`; returns the spec or the first problem. */
export function normaliseCheck(raw: unknown, path: string, question: Question | undefined): { ok: true; spec: CheckSpec } | { ok: false; problem: SpecProblem } {
  const fail = (message: string, at = path, linePath?: string) => ({ ok: false as const, problem: { path: at, message, ...(linePath ? { linePath } : {}) } });
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return fail(LESSON_ERRORS.wrongType('a mapping', raw));
  const record = raw as Record<string, unknown>;
  const names = Object.keys(record).filter((k) => k !== 'title');
  const unknown = names.find((n) => !isCheckType(n));
  if (unknown !== undefined) return fail(LESSON_ERRORS.unknownCheck(unknown, CHECK_TYPES), path, joinKey(path, unknown));
  if (names.length === 0) return fail(LESSON_ERRORS.noCheckName(CHECK_TYPES));
  if (names.length > 1) return fail(LESSON_ERRORS.twoCheckNames(names));
  if (record.title !== undefined && typeof record.title !== 'string') return fail(LESSON_ERRORS.wrongType('a text', record.title), joinKey(path, 'title'));
  const type = names[0] as CheckType;
  const argsPath = joinKey(path, type);
  const args = expandShorthand(type, record[type]);
  const validate = validatorFor(type);
  if (!validate(args)) {
    const e = explainSchemaError(validate.errors![0]!, argsPath, (pointer) => pointerValue(args, pointer));
    return fail(e.message, e.path);
  }
  const title = typeof record.title === 'string' ? { title: record.title } : {};
  if (type === 'all' || type === 'any') {
    const checks: CheckSpec[] = [];
    for (const [i, child] of (args as unknown[]).entries()) {
      const r = normaliseCheck(child, `${argsPath}[${i}]`, question);
      if (!r.ok) return r;
      checks.push(r.spec);
    }
    return { ok: true, spec: { type, checks, ...title } };
  }
  if (type === 'not') {
    const r = normaliseCheck(args, argsPath, question);
    return r.ok ? { ok: true, spec: { type, check: r.spec, ...title } } : r;
  }
  const problem = semanticProblem(type, args as Record<string, unknown>, question);
  if (problem) return fail(problem.message, problem.field ? joinKey(argsPath, problem.field) : argsPath);
  return { ok: true, spec: { type, ...(args as object), ...title } as CheckSpec };
}

// What a schema cannot say: kinds, JSONPath, regexes, selectors, "exactly one of".
function semanticProblem(type: CheckType, a: Record<string, unknown>, question: Question | undefined): { field?: string; message: string } | undefined {
  const exactlyOne = (fields: string[]) => (fields.filter((f) => a[f] !== undefined).length === 1 ? undefined : { message: LESSON_ERRORS.oneOfFields(fields) });
  const regex = (field: string) => {
    if (typeof a[field] !== 'string') return undefined;
    try {
      new RegExp(a[field] as string);
      return undefined;
    } catch (e) {
      return { field, message: LESSON_ERRORS.badRegex((e as Error).message) };
    }
  };
  const selector = (field: string) => {
    if (typeof a[field] !== 'string') return undefined;
    const parsed = parseLabelSelector(a[field] as string);
    return parsed.ok ? undefined : { field, message: parsed.error };
  };
  if ((type === 'exists' || type === 'absent' || type === 'field') && !resolveKind(String(a.kind))) return { field: 'kind', message: LESSON_ERRORS.unknownKind(String(a.kind)) };
  switch (type) {
    case 'field': {
      const parsed = compileJsonPath(String(a.path));
      if (!parsed.ok) return { field: 'path', message: LESSON_ERRORS.badJsonPath(parsed.error) };
      const given = ['equals', 'matches', 'contains', 'gte', 'lte', 'in'].filter((f) => a[f] !== undefined);
      const bounds = given.every((f) => f === 'gte' || f === 'lte');
      if (given.length === 0 || (given.length > 1 && !bounds)) return { message: LESSON_ERRORS.oneExpectation };
      return regex('matches');
    }
    case 'podsReady': return selector('selector');
    case 'podStatus': return exactlyOne(['name', 'selector']) ?? exactlyOne(['status', 'phase']) ?? selector('selector');
    case 'rolloutComplete': return exactlyOne(['deployment', 'statefulset', 'daemonset']);
    case 'reachable': return typeof a.from === 'string' && a.from.includes('=') ? selector('from') : undefined;
    case 'commandRan': return regex('pattern');
    case 'eventSeen': return regex('message') ?? (a.object && !resolveKind(String(a.object).split('/')[0]!) ? { field: 'object', message: LESSON_ERRORS.unknownKind(String(a.object).split('/')[0]!) } : undefined);
    case 'answer': return question ? undefined : { message: LESSON_ERRORS.answerWithoutQuestion };
    default: return undefined;
  }
}

/** The value at a JSON pointer inside a value. */
export function pointerValue(root: unknown, pointer: string): unknown {
  let v: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  }
  return v;
}
