/**
 * The deprecated `--record` flag (genericclioptions.RecordFlags): pflag's deprecation
 * notice when it is given, and with `--record[=true]` the command line stored in the
 * object's `kubernetes.io/change-cause` annotation, which `rollout history` shows.
 */
import type { KubeObject } from '../../../engine/api/types.js';
import type { FlagSpec, ParsedFlags } from '../../args/flags.js';
import type { CommandModule } from '../../types.js';

/** The annotation `--record` writes. */
export const CHANGE_CAUSE = 'kubernetes.io/change-cause';

/** Go's time.Duration.String for whole milliseconds: `30s`, `1m0s`, `1h0m0s`, `1.5s`, `0s`. */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = rest / 1000;
  if (h === 0 && m === 0 && s < 1) return `${sign}${rest}ms`;
  return `${sign}${h > 0 ? `${h}h${m}m` : m > 0 ? `${m}m` : ''}${s}s`;
}

/** How pflag prints a flag's value for parseCommandArguments (slices joined with ", "). */
function flagText(flags: ParsedFlags, name: string, spec: FlagSpec | undefined): string {
  const v = flags.values.get(name);
  if (spec?.type === 'duration' && typeof v === 'number') return goDuration(v);
  if (Array.isArray(v)) return v.join(', ');
  if (v && typeof v === 'object') return Object.entries(v).map(([k, x]) => `${k}=${x}`).join(',');
  return String(v);
}

const NOTICE = 'Flag --record has been deprecated, --record will be removed in the future\n';

/** The hidden, deprecated `--record` flag (help leaves it out, as cobra does). */
export const RECORD_FLAG: FlagSpec = {
  name: 'record',
  type: 'bool',
  hidden: true,
  usage: 'Record current kubectl command in the resource annotation. If set to false, do not record the command. If set to true, record the command. If not set, default to updating the existing annotation value only if one already exists.',
};

/** A command that accepts `--record`: pflag prints the deprecation notice while parsing, before the command runs. */
export function withRecord(m: CommandModule): CommandModule {
  return {
    ...m,
    spec: { ...m.spec, flags: [...(m.spec.flags ?? []), RECORD_FLAG] },
    run: (flags, env, io) => {
      if (flags.changed.has('record')) io.err(NOTICE);
      return m.run(flags, env, io);
    },
  };
}

/**
 * RecordFlags.Complete + ToRecorder: with `--record[=true]`, parseCommandArguments' text —
 * `kubectl`, the command words and arguments, then ` --name=value` per flag given. The
 * parser keeps no flag order, so flags come in name order with --record last.
 */
export function changeCause(path: readonly string[], flags: ParsedFlags, specs: readonly FlagSpec[] = []): string | undefined {
  if (!flags.changed.has('record') || !flags.bool('record')) return undefined;
  const names = [...flags.changed].filter((n) => n !== 'record' && n !== 'help').sort();
  const text = [...names, 'record'].map((n) => ` --${n}=${flagText(flags, n, specs.find((s) => s.name === n))}`).join('');
  return `kubectl ${[...path, ...flags.args].join(' ')}${text}`;
}

/** ChangeCauseRecorder.Record: the object with the change-cause annotation (as is without one). */
export function recorded<T extends KubeObject>(obj: T, cause: string | undefined): T {
  if (cause === undefined) return obj;
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...(obj.metadata.annotations ?? {}), [CHANGE_CAUSE]: cause } } };
}
