/**
 * `kubectl rollout history`: the revisions of a workload as a REVISION / CHANGE-CAUSE
 * table after its name (cmd/rollout/rollout_history.go with polymorphichelpers/history.go),
 * or one revision's `Pod Template:` block with --revision.
 */
import { describePodTemplate } from '../../../printers/describe/pod-template.js';
import { PrefixWriter, TabWriter } from '../../../printers/describe/tabbed.js';
import { printError } from '../../../errors.js';
import type { CommandModule, KubectlEnv, Output } from '../../../types.js';
import type { ParsedFlags } from '../../../args/flags.js';
import { ROLLOUT_HISTORY_SPEC } from '../specs/rollout.js';
import { namedTargets, openSession, typedName } from '../support.js';
import { revisionsOf, type Revision } from './revisions.js';
import type { KubeObject } from '../../../../engine/api/types.js';
import { OBJECT_FORMATS, printObjects, printOptionsFrom, readPrintFormat, type PrintFormat } from '../../../common.js';
import { toJson } from '../../../printers/json.js';
import { forOutput } from '../../../printers/yaml.js';
import { typedOrder } from '../../write/typed-order.js';

/**
 * history.go's printTemplate writes through a bare PrefixWriter, not a tabwriter: the
 * tabs of `Labels:\tapp=web` stay as they are, so kubectl's output is unaligned.
 */
class RawWriter extends TabWriter {
  private text = '';
  override write(text: string): void {
    this.text += text;
  }
  override flush(): void {}
  override toString(): string {
    return this.text;
  }
}

/** The `Pod Template:` block of one revision, as `rollout history --revision=N` prints it. */
export function podTemplateText(template: Revision['template']): string {
  const raw = new RawWriter();
  describePodTemplate(template, new PrefixWriter(raw));
  return raw.toString();
}

/** history.go's tabbedString: text/tabwriter with minwidth 0 and padding 2. */
export function historyTable(revisions: readonly Revision[], withCause: boolean): string {
  if (!withCause) return `REVISION\n${revisions.map((r) => `${r.revision}\n`).join('')}`;
  const rows = [['REVISION', 'CHANGE-CAUSE'], ...revisions.map((r) => [String(r.revision), r.changeCause || '<none>'])];
  const width = Math.max(...rows.map((r) => r[0]!.length)) + 2;
  return rows.map(([rev, cause]) => `${rev!.padEnd(width)}${cause}\n`).join('');
}

const KINDS = new Set(['Deployment', 'DaemonSet', 'StatefulSet']);

function run(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  if (flags.args.length === 0) return printError(io, 'required resource not specified');
  const parsed = namedTargets(flags.args);
  if (!parsed.ok) return printError(io, parsed.error);
  const session = openSession(flags, env);
  if (!session.ok) return printError(io, session.error);
  const { client, namespace } = session.value;
  const wanted = flags.int('revision');
  const output = flags.values.has('output') ? flags.string('output') : '';
  const format = output ? readPrintFormat(flags, env, OBJECT_FORMATS) : undefined;
  if (format && !format.ok) {
    io.err(format.stderr);
    return 1;
  }
  let printed = 0;
  for (const { type, name } of parsed.targets) {
    const got = client.get(type.resource, namespace, name);
    if (!got.ok) return printError(io, got.error);
    if (!KINDS.has(type.kind)) return printError(io, `no history viewer has been implemented for "${type.group ? `${type.kind}.${type.group}` : type.kind}"`);
    const revisions = revisionsOf(client, got.value);
    if (!revisions.ok) return printError(io, revisions.error);
    if (format?.ok) {
      // With -o, each revision's object (ReplicaSet or ControllerRevision), in revision order.
      const chosen = wanted !== 0 ? revisions.value.filter((r) => r.revision === wanted) : [...revisions.value].sort((a, b) => a.revision - b.revision);
      if (wanted !== 0 && chosen.length === 0) return printError(io, 'unable to find the specified revision');
      for (const r of chosen) {
        const text = printRevision(r.source, format.format, flags);
        if (!text.ok) return printError(io, text.error);
        // The YAML printer separates every object after the first with `---`.
        io.out(`${format.format.kind === 'yaml' && printed > 0 ? '---\n' : ''}${text.text}`);
        printed++;
      }
      continue;
    }
    if (revisions.value.length === 0) {
      io.out(`${typedName(type, name)} \nNo rollout history found.\n`);
      continue;
    }
    if (wanted !== 0) {
      const one = revisions.value.find((r) => r.revision === wanted);
      if (!one) return printError(io, 'unable to find the specified revision');
      io.out(`${typedName(type, name)} with revision #${wanted}\n${podTemplateText(one.template)}\n`);
      continue;
    }
    io.out(`${typedName(type, name)} \n${historyTable(revisions.value, type.kind !== 'StatefulSet')}\n`);
  }
  return 0;
}

/** One revision object through the -o printer; typed (from the typed clients), so JSON keeps struct order. */
function printRevision(obj: KubeObject, format: PrintFormat, flags: ParsedFlags): { ok: true; text: string } | { ok: false; error: string } {
  const shown = forOutput(obj, printOptionsFrom(flags).showManagedFields);
  if (format.kind === 'json') return { ok: true, text: toJson(typedOrder(shown), { keepOrder: true }) };
  const r = printObjects(format, [shown], true, printOptionsFrom(flags));
  return r.ok ? { ok: true, text: r.text } : { ok: false, error: r.stderr.replace(/^error: /, '').replace(/\n$/, '') };
}

/** `kubectl rollout history`. */
export const rolloutHistory: CommandModule = { path: ['rollout', 'history'], spec: ROLLOUT_HISTORY_SPEC, run };
