/**
 * Flags declared as data beside each command, and a parser that reproduces spf13/pflag as
 * kubectl drives it: interspersed flags, `-nx` / `-n x` / `--namespace=x`, combined bool
 * shorthands (`-it`), `--` ending flags, underscores read as dashes, and pflag's error texts.
 * The same declarations drive `--help` (help.ts).
 */
import { parseGoBool, parseGoDuration, parseGoInt, goQuote, readCsv, type Parsed } from './values.js';

interface FlagBase {
  /** Long name without dashes: `namespace`. */
  readonly name: string;
  /** One-letter shorthand: `n`. */
  readonly short?: string;
  /** The help text, as kubectl words it. */
  readonly usage: string;
  /** Parsed but left out of `--help` (deprecated flags kubectl still accepts). */
  readonly hidden?: boolean;
  /** Overrides how `--help` shows the default, for flags whose Go type prints oddly. */
  readonly defaultText?: string;
}

/** A string flag; `noOptDefault` is the value of a bare `--flag` (pflag's NoOptDefVal). */
export interface StringFlagSpec extends FlagBase {
  readonly type: 'string';
  readonly default?: string;
  readonly noOptDefault?: string;
}
export interface BoolFlagSpec extends FlagBase {
  readonly type: 'bool';
  readonly default?: boolean;
}
/** `int` parses 64-bit (pflag Int), `int32` 32-bit (pflag Int32, e.g. `--replicas`). */
export interface IntFlagSpec extends FlagBase {
  readonly type: 'int' | 'int32';
  readonly default?: number;
}
/** `stringArray` keeps each value whole; `stringSlice` also splits each on commas. */
export interface ListFlagSpec extends FlagBase {
  readonly type: 'stringArray' | 'stringSlice';
  readonly default?: readonly string[];
}
export interface MapFlagSpec extends FlagBase {
  readonly type: 'stringToString';
  readonly default?: Readonly<Record<string, string>>;
}
/** A Go duration; values are milliseconds. */
export interface DurationFlagSpec extends FlagBase {
  readonly type: 'duration';
  readonly default?: number;
}

/** One flag declaration. */
export type FlagSpec = StringFlagSpec | BoolFlagSpec | IntFlagSpec | ListFlagSpec | MapFlagSpec | DurationFlagSpec;
export type FlagType = FlagSpec['type'];
export type FlagValue = string | boolean | number | readonly string[] | Readonly<Record<string, string>>;

/** The result of parsing a command line against its flags. */
export interface ParsedFlags {
  /** Positional arguments, in order, including those after `--`. */
  readonly args: readonly string[];
  /** How many positionals came before `--`, or -1 (cobra's ArgsLenAtDash). */
  readonly argsLenAtDash: number;
  /** Names of flags given on the line (pflag's Changed). */
  readonly changed: ReadonlySet<string>;
  /** `-h` / `--help` was given. */
  readonly help: boolean;
  /** Every declared flag's value, defaults filled in. */
  readonly values: ReadonlyMap<string, FlagValue>;
  string(name: string): string;
  bool(name: string): boolean;
  int(name: string): number;
  list(name: string): readonly string[];
  map(name: string): Readonly<Record<string, string>>;
  /** A duration flag in milliseconds. */
  duration(name: string): number;
}

/** Parsed flags, or pflag's error text (`unknown flag: --foo`) before kubectl decorates it. */
export type FlagParse = { readonly ok: true; readonly value: ParsedFlags } | { readonly ok: false; readonly error: string };

/** The `-h, --help` flag cobra adds to every command. */
export function helpFlag(commandName: string): BoolFlagSpec {
  return { name: 'help', short: 'h', type: 'bool', usage: `help for ${commandName}` };
}

/** The value a flag has when not given. */
export function defaultValue(spec: FlagSpec): FlagValue {
  switch (spec.type) {
    case 'string':
      return spec.default ?? '';
    case 'bool':
      return spec.default ?? false;
    case 'int':
    case 'int32':
    case 'duration':
      return spec.default ?? 0;
    case 'stringArray':
    case 'stringSlice':
      return spec.default ?? [];
    case 'stringToString':
      return spec.default ?? {};
  }
}

/** Whether a bare `--flag` / `-f` takes no value (pflag's NoOptDefVal). */
export function noOptDefault(spec: FlagSpec): string | undefined {
  if (spec.type === 'bool') return 'true';
  return spec.type === 'string' ? spec.noOptDefault : undefined;
}

/** pflag's WordSepNormalizeFunc, installed by kubectl: `--all_namespaces` is `--all-namespaces`. */
export function normalizeFlagName(name: string): string {
  return name.replace(/_/g, '-');
}

class FlagError {
  constructor(readonly message: string) {}
}

/**
 * Parses argv (the words after the command path) against flag declarations, which
 * should include the global flags: kubectl accepts those anywhere on the line.
 * A `help` flag is added when missing. `interspersed: false` stops at the first positional.
 */
export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[], options: { interspersed?: boolean } = {}): FlagParse {
  // A command's own flag shadows a global one of the same name (`create rolebinding
  // --user` is a list, not the kubeconfig user), as cobra's local flag set does: keep the
  // first declaration of each name, and callers list local flags first (flagsOf).
  const seen = new Set<string>();
  const unique = specs.filter((s) => !seen.has(normalizeFlagName(s.name)) && seen.add(normalizeFlagName(s.name)));
  const all = unique.some((s) => s.name === 'help') ? unique : [...unique, helpFlag('this command')];
  const byName = new Map(all.map((s) => [normalizeFlagName(s.name), s]));
  const byShort = new Map<string, FlagSpec>();
  for (const s of all) if (s.short && !byShort.has(s.short)) byShort.set(s.short, s);
  const values = new Map<string, FlagValue>(all.map((s) => [s.name, defaultValue(s)]));
  const changed = new Set<string>();
  const args: string[] = [];
  let argsLenAtDash = -1;

  const set = (spec: FlagSpec, text: string) => {
    const parsed = parseValue(spec, text, changed.has(spec.name) ? values.get(spec.name)! : undefined);
    if (!parsed.ok) {
      const flagName = spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
      throw new FlagError(`invalid argument ${goQuote(text)} for ${goQuote(flagName)} flag: ${parsed.error}`);
    }
    values.set(spec.name, parsed.value);
    changed.add(spec.name);
  };

  try {
    let rest = [...argv];
    while (rest.length > 0) {
      const s = rest.shift()!;
      if (s.length < 2 || s[0] !== '-') {
        args.push(s);
        if (options.interspersed === false) {
          args.push(...rest);
          break;
        }
      } else if (s === '--') {
        argsLenAtDash = args.length;
        args.push(...rest);
        break;
      } else if (s[1] === '-') {
        rest = parseLong(s, rest, byName, set);
      } else {
        let shorthands = s.slice(1);
        while (shorthands.length > 0) [shorthands, rest] = parseShort(shorthands, rest, byShort, set);
      }
    }
  } catch (e) {
    if (e instanceof FlagError) return { ok: false, error: e.message };
    throw e;
  }
  return { ok: true, value: result(args, argsLenAtDash, changed, values, all) };
}

type Setter = (spec: FlagSpec, text: string) => void;

/** pflag parseLongArg: `--name=value`, `--name value`, bare `--bool`. */
function parseLong(s: string, rest: string[], byName: Map<string, FlagSpec>, set: Setter): string[] {
  const body = s.slice(2);
  if (body === '' || body[0] === '-' || body[0] === '=') throw new FlagError(`bad flag syntax: ${s}`);
  const eq = body.indexOf('=');
  const name = eq < 0 ? body : body.slice(0, eq);
  const spec = byName.get(normalizeFlagName(name));
  if (!spec) throw new FlagError(`unknown flag: --${name}`);
  const bare = noOptDefault(spec);
  if (eq >= 0) set(spec, body.slice(eq + 1));
  else if (bare !== undefined) set(spec, bare);
  // pflag takes the next word as the value even when it starts with a dash.
  else if (rest.length > 0) set(spec, rest.shift()!);
  else throw new FlagError(`flag needs an argument: ${s}`);
  return rest;
}

/** pflag parseSingleShortArg: `-n x`, `-nx`, `-n=x`, and `-it` for bools. */
function parseShort(shorthands: string, rest: string[], byShort: Map<string, FlagSpec>, set: Setter): [string, string[]] {
  const c = shorthands[0]!;
  const spec = byShort.get(c);
  if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in -${shorthands}`);
  const bare = noOptDefault(spec);
  if (shorthands.length > 2 && shorthands[1] === '=') {
    set(spec, shorthands.slice(2));
    return ['', rest];
  }
  if (bare !== undefined) {
    set(spec, bare);
    return [shorthands.slice(1), rest];
  }
  if (shorthands.length > 1) {
    set(spec, shorthands.slice(1));
    return ['', rest];
  }
  if (rest.length > 0) {
    set(spec, rest[0]!);
    return ['', rest.slice(1)];
  }
  throw new FlagError(`flag needs an argument: '${c}' in -${shorthands}`);
}

/**
 * Parses one occurrence. Repeats follow pflag: the last wins for scalars, while list
 * and map flags replace their default on the first use and accumulate after it.
 */
function parseValue(spec: FlagSpec, text: string, previous: FlagValue | undefined): Parsed<FlagValue> {
  switch (spec.type) {
    case 'string':
      return { ok: true, value: text };
    case 'bool':
      return parseGoBool(text);
    case 'int':
      return parseGoInt(text, 64);
    case 'int32':
      return parseGoInt(text, 32);
    case 'duration':
      return parseGoDuration(text);
    case 'stringArray':
      return { ok: true, value: [...((previous as string[] | undefined) ?? []), text] };
    case 'stringSlice': {
      const items = readCsv(text);
      return items.ok ? { ok: true, value: [...((previous as string[] | undefined) ?? []), ...items.value] } : items;
    }
    case 'stringToString': {
      const items = readCsv(text);
      if (!items.ok) return items;
      const map: Record<string, string> = { ...((previous as Record<string, string> | undefined) ?? {}) };
      for (const item of items.value) {
        const eq = item.indexOf('=');
        if (eq < 0) return { ok: false, error: `${item} must be formatted as key=value` };
        map[item.slice(0, eq)] = item.slice(eq + 1);
      }
      return { ok: true, value: map };
    }
  }
}

function result(
  args: string[],
  argsLenAtDash: number,
  changed: Set<string>,
  values: Map<string, FlagValue>,
  specs: readonly FlagSpec[],
): ParsedFlags {
  const types = new Map(specs.map((s) => [s.name, s.type]));
  // Asking for an undeclared flag, or with the wrong type, is a bug in the command module.
  const get = (name: string, accepted: readonly FlagType[]): FlagValue => {
    const type = types.get(name);
    if (type === undefined || !accepted.includes(type)) throw new Error(`flag --${name} is not declared as ${accepted.join('/')}`);
    return values.get(name)!;
  };
  return {
    args,
    argsLenAtDash,
    changed,
    help: values.get('help') === true,
    values,
    string: (name) => get(name, ['string']) as string,
    bool: (name) => get(name, ['bool']) as boolean,
    int: (name) => get(name, ['int', 'int32']) as number,
    list: (name) => get(name, ['stringArray', 'stringSlice']) as readonly string[],
    map: (name) => get(name, ['stringToString']) as Readonly<Record<string, string>>,
    duration: (name) => get(name, ['duration']) as number,
  };
}
