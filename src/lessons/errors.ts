/**
 * The loader's error texts, as named constants, and the error value it returns:
 * `lessons/03-deployments/lesson.yaml:14: stages[1].checks[0]: unknown check "podz"; expected one of: ...`.
 */
import type { ErrorObject } from 'ajv';

/** One problem in a lesson file. */
export interface LessonError {
  /** The file as shown (relative to the working directory when inside it). */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** The field path, e.g. `stages[1].checks[0]`; empty for the whole file. */
  readonly path: string;
  readonly message: string;
}

/** `file:line: path: message`, the way compilers print, so editors can jump to it. */
export function formatLessonError(e: LessonError): string {
  return `${e.file}:${e.line}: ${e.path ? `${e.path}: ` : ''}${e.message}`;
}

/** Error texts. Functions where the text has parts. */
export const LESSON_ERRORS = {
  invalidYaml: (reason: string) => `invalid YAML: ${reason}`,
  notAMapping: 'expected a mapping of lesson fields',
  missingFile: 'no lesson.yaml in this folder',
  missingField: (name: string) => `missing required field "${name}"`,
  unknownField: (name: string, allowed: readonly string[]) => `unknown field "${name}"; expected one of: ${allowed.join(', ')}`,
  wrongType: (expected: string, value: unknown) => `expected ${expected}, got ${describeValue(value)}`,
  notOneOf: (allowed: readonly unknown[], value: unknown) => `expected one of: ${allowed.map(String).join(', ')}; got ${describeValue(value)}`,
  tooSmall: (limit: number, value: unknown) => `expected at least ${limit}, got ${describeValue(value)}`,
  tooBig: (limit: number, value: unknown) => `expected at most ${limit}, got ${describeValue(value)}`,
  emptyList: 'expected a non-empty list',
  emptyText: 'expected a non-empty text',
  tooFewItems: (n: number) => `expected at least ${n} items`,
  badPattern: (what: string, value: unknown) => `expected ${what}, got ${describeValue(value)}`,
  newerFormat: (found: number, supported: number) => `formatVersion ${found} is newer than this kubetutor reads (${supported}); update kubetutor`,
  idMismatch: (id: string, folder: string) => `id "${id}" does not match its folder "${folder}"`,
  unknownCheck: (name: string, allowed: readonly string[]) => `unknown check "${name}"; expected one of: ${allowed.join(', ')}`,
  noCheckName: (allowed: readonly string[]) => `a check needs one of: ${allowed.join(', ')}`,
  twoCheckNames: (names: readonly string[]) => `one check per list item; found ${names.map((n) => `"${n}"`).join(' and ')}`,
  unknownKind: (kind: string) => `unknown kind "${kind}"; expected a kind or resource kubectl knows, e.g. Deployment`,
  badJsonPath: (error: string) => `invalid JSONPath: ${error}`,
  badRegex: (error: string) => `invalid regular expression: ${error}`,
  oneExpectation: 'a field check needs one of: equals, matches, contains, gte, lte, in (gte and lte may go together)',
  oneOfFields: (fields: readonly string[]) => `expected exactly one of: ${fields.join(', ')}`,
  answerWithoutQuestion: 'the answer check needs a question in this stage',
  duplicateStage: (id: string, first: number) => `duplicate stage id "${id}" (also stages[${first}])`,
  exerciseNotLast: 'only the last stage can be the exercise',
  exerciseHints: 'an exercise stage has no hints',
  fileSource: 'a file needs exactly one of: from, content',
  missingLessonFile: (path: string) => `file not found in the lesson folder: ${path}`,
  unknownPrerequisite: (id: string) => `unknown prerequisite lesson "${id}"`,
  badChoice: (accept: string) => `"${accept}" is neither a choice letter nor the text of a choice`,
} as const;

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `text "${value}"`;
  return `${typeof value} ${String(value)}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
};

/** `/stages/1/checks/0` -> `stages[1].checks[0]`, under a prefix path. */
export function pointerToPath(prefix: string, pointer: string): string {
  let path = prefix;
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(part)) path += `[${part}]`;
    else path = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(part) ? (path ? `${path}.${part}` : part) : `${path}[${JSON.stringify(part)}]`;
  }
  return path;
}

/** Turns ajv's first error into a field path and one of the texts above. */
export function explainSchemaError(error: ErrorObject, prefix: string, value: (pointer: string) => unknown): { path: string; message: string } {
  const at = pointerToPath(prefix, error.instancePath);
  const got = value(error.instancePath);
  const p = error.params as Record<string, unknown>;
  const schema = (error.parentSchema ?? {}) as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': return { path: at, message: LESSON_ERRORS.missingField(String(p.missingProperty)) };
    case 'additionalProperties': {
      const name = String(p.additionalProperty);
      const allowed = Object.keys((schema.properties ?? {}) as object);
      return { path: pointerToPath(at, `/${name}`), message: LESSON_ERRORS.unknownField(name, allowed) };
    }
    case 'type': {
      const types = ([] as string[]).concat(p.type as string | string[]);
      return { path: at, message: LESSON_ERRORS.wrongType(types.map((t) => TYPE_WORDS[t] ?? t).join(' or '), got) };
    }
    case 'enum': return { path: at, message: LESSON_ERRORS.notOneOf(p.allowedValues as unknown[], got) };
    case 'minimum': return { path: at, message: LESSON_ERRORS.tooSmall(Number(p.limit), got) };
    case 'maximum': return { path: at, message: LESSON_ERRORS.tooBig(Number(p.limit), got) };
    case 'minItems': return { path: at, message: Number(p.limit) === 1 ? LESSON_ERRORS.emptyList : LESSON_ERRORS.tooFewItems(Number(p.limit)) };
    case 'minLength': return { path: at, message: LESSON_ERRORS.emptyText };
    case 'pattern': return { path: at, message: LESSON_ERRORS.badPattern(String(schema.description ?? `text matching ${String(p.pattern)}`), got) };
    default: return { path: at, message: error.message ?? error.keyword };
  }
}
