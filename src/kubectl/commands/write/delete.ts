/**
 * `kubectl delete` (cmd/delete/delete.go): by name, `-f`, `-l`, `--all`, with grace period,
 * force, cascade and `--wait` (virtual time advances until the objects are gone).
 */
import type { ParsedFlags } from '../../args/flags.js';
import { errorsText, printError, type CommandError } from '../../common.js';
import { kindQualifier } from '../../printers/name.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { deleteSpec } from './specs/verbs.js';
import { writeContext } from './shared.js';
import { findTargets, nsOf, type Target } from './targets.js';

const FORCE_WARNING =
  'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n';

/** How long `--wait` follows virtual time when `--timeout` is 0 (kubectl: a week). */
const DEFAULT_WAIT_MS = 7 * 24 * 3600 * 1000;
const WAIT_STEP_MS = 1000;

const CASCADE: Record<string, 'Background' | 'Foreground' | 'Orphan'> = { background: 'Background', foreground: 'Foreground', orphan: 'Orphan', true: 'Background', false: 'Orphan' };

function runDelete(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  // -o is only the name printer's switch here (checked in Validate, below).
  const ctx = writeContext({ ...flags, values: new Map([...flags.values].filter(([k]) => k !== 'output')) } as ParsedFlags, env, io);
  if (!ctx) return 1;
  const selector = flags.string('selector');
  const all = flags.bool('all');
  if (all && selector) return printError(io, 'cannot set --all and --selector at the same time');
  if (all && flags.string('field-selector')) return printError(io, 'cannot set --all and --field-selector at the same time');
  const cascade = CASCADE[flags.string('cascade')];
  if (!cascade) return printError(io, `invalid cascade value (${flags.string('cascade')}). Must be "background", "foreground", or "orphan".`);
  let grace = flags.int('grace-period');
  const force = flags.bool('force');
  if (flags.bool('now')) {
    if (grace !== -1) return printError(io, '--now and --grace-period cannot be specified together');
    grace = 1;
  }
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  if (force && grace > 0) return printError(io, '--force and --grace-period greater than 0 cannot be specified together');
  if (force && grace === 0) io.err(FORCE_WARNING);
  // A selector or --all implies --ignore-not-found unless it was given.
  const ignoreNotFound = flags.changed.has('ignore-not-found') ? flags.bool('ignore-not-found') : all || !!selector || !!flags.string('field-selector');

  const found = findTargets(flags.args, flags, env, ctx, { ignoreNotFound, sourceVerb: 'deleting' });
  if (found.fatal) return printError(io, found.fatal);
  const output = flags.string('output');
  if (output !== '' && output !== 'name') return printError(io, `unexpected -o output mode: ${output}. We only support '-o name'`);
  // WarnClusterScope: an explicit namespace does not scope cluster-wide objects; said once.
  let warnClusterScope = ctx.explicitNamespace && !flags.bool('all-namespaces');
  const errors: CommandError[] = [...found.errors];
  const deleted: Target[] = [];
  const operation = grace === 0 ? 'force deleted' : 'deleted';
  const suffix = ctx.dryRun === 'client' ? ' (dry run)' : ctx.dryRun === 'server' ? ' (server dry run)' : '';
  for (const t of found.targets) {
    const name = t.object.metadata.name!;
    if (warnClusterScope && !t.type.namespaced) {
      io.err('warning: deleting cluster-scoped resources, not scoped to the provided namespace\n');
      warnClusterScope = false;
    }
    if (ctx.dryRun !== 'client') {
      const r = ctx.client.delete(t.type.resource, nsOf(t), name, {
        dryRun: ctx.dryRun === 'server',
        propagationPolicy: cascade,
        ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
      });
      if (!r.ok) {
        if (!(ignoreNotFound && r.error.reason === 'NotFound')) errors.push(r.error);
        continue;
      }
    }
    deleted.push(t);
    const kind = kindQualifier(t.object);
    io.out(flags.string('output') === 'name' ? `${kind}/${name}\n` : `${kind} "${name}" ${operation}${suffix}\n`);
  }
  if (found.targets.length === 0 && errors.length === 0 && found.selected) io.out('No resources found\n');
  // DeleteResult returns the visit's errors before it would wait.
  if (flags.bool('wait') && ctx.dryRun === 'none' && deleted.length > 0 && errors.length === 0) {
    // RunWait with IsDeleted: an object still there at the timeout is an error.
    for (const t of waitForDeletion(env, ctx.client, deleted, flags.duration('timeout'))) errors.push(`timed out waiting for the condition on ${t.type.resource}/${t.object.metadata.name}`);
  }
  if (errors.length > 0) {
    io.err(errorsText(errors));
    return 1;
  }
  return 0;
}

/** Advances virtual time until each deleted object (same uid) is gone, or the timeout; returns those still there. */
export function waitForDeletion(env: KubectlEnv, client: ReturnType<KubectlEnv['client']>, targets: readonly Target[], timeoutMs: number): Target[] {
  const limit = timeoutMs > 0 ? timeoutMs : DEFAULT_WAIT_MS;
  const present = () =>
    targets.filter((t) => {
      const r = client.get(t.type.resource, nsOf(t), t.object.metadata.name!);
      return r.ok && r.value.metadata.uid === t.object.metadata.uid;
    });
  let left = present();
  for (let waited = 0; waited < limit && left.length > 0; waited += WAIT_STEP_MS) {
    env.advance(WAIT_STEP_MS);
    left = present();
  }
  return left;
}

/** `kubectl delete`. */
export const DELETE_COMMANDS: CommandModule[] = [{ path: ['delete'], spec: deleteSpec, run: runDelete }];
