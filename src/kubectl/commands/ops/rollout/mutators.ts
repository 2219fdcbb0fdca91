/**
 * `kubectl rollout restart | pause | resume`: each computes the object's new state as
 * kubectl's object restarter / pauser / resumer does, patches it, and prints
 * `deployment.apps/web restarted`. Errors name the object the way rollout_*.go do:
 * `deployments.apps "web" is already paused`.
 */
import { toRfc3339 } from '../../../../engine/clock.js';
import type { KubeObject } from '../../../../engine/api/types.js';
import { printError, type CommandError } from '../../../errors.js';
import type { CommandModule, KubectlEnv, Output } from '../../../types.js';
import type { ParsedFlags } from '../../../args/flags.js';
import type { CommandSpec } from '../../../args/command.js';
import { ROLLOUT_PAUSE_SPEC, ROLLOUT_RESTART_SPEC, ROLLOUT_RESUME_SPEC } from '../specs/rollout.js';
import { namedTargets, openSession, resourceString, typedName } from '../support.js';

/** The patch to send, or why not (the text after `deployments.apps "web" `). */
type Mutation = { patch: unknown } | { error: string };

/** Computes a merge patch from the current object and the virtual time. */
type Mutator = (obj: KubeObject, now: number) => Mutation;

export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

/** objectrestarter.go: stamps the pod template so every pod is replaced. */
export const restart: Mutator = (obj, now) => {
  if (!['Deployment', 'DaemonSet', 'StatefulSet'].includes(obj.kind)) return { error: 'restarting is not supported' };
  if (obj.kind === 'Deployment' && obj.spec?.paused) return { error: "can't restart paused deployment (run rollout resume first)" };
  const stamp = toRfc3339(now);
  // A second restart within the same second changes nothing: kubectl reports an empty patch.
  if (obj.spec?.template?.metadata?.annotations?.[RESTARTED_AT] === stamp) return { patch: undefined };
  return { patch: { spec: { template: { metadata: { annotations: { [RESTARTED_AT]: stamp } } } } } };
};

/** objectpauser.go: only Deployments pause. */
export const pause: Mutator = (obj) => {
  if (obj.kind !== 'Deployment') return { error: 'pausing is not supported' };
  if (obj.spec?.paused) return { error: 'is already paused' };
  return { patch: { spec: { paused: true } } };
};

/** objectresumer.go. */
export const resume: Mutator = (obj) => {
  if (obj.kind !== 'Deployment') return { error: 'resuming is not supported' };
  if (!obj.spec?.paused) return { error: 'is not paused' };
  return { patch: { spec: { paused: null } } };
};

function mutatingCommand(path: readonly string[], spec: CommandSpec, mutate: Mutator, operation: string): CommandModule {
  const run = (flags: ParsedFlags, env: KubectlEnv, io: Output): number => {
    if (flags.args.length === 0) return printError(io, 'required resource not specified');
    const parsed = namedTargets(flags.args);
    if (!parsed.ok) return printError(io, parsed.error);
    const session = openSession(flags, env);
    if (!session.ok) return printError(io, session.error);
    const { client, namespace } = session.value;
    const dryRun = flags.changed.has('dry-run') ? flags.string('dry-run') : 'none';
    const errors: CommandError[] = [];
    for (const { type, name } of parsed.targets) {
      const got = client.get(type.resource, namespace, name);
      if (!got.ok) {
        errors.push(got.error);
        continue;
      }
      const m = mutate(got.value, env.now());
      if ('error' in m) {
        errors.push(`${resourceString(type)} "${name}" ${m.error}`);
        continue;
      }
      if (m.patch === undefined) {
        errors.push(`failed to create patch for ${name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`);
        continue;
      }
      if (dryRun !== 'client') {
        const r = client.patch(type.resource, namespace, name, m.patch, 'strategic', { dryRun: dryRun === 'server' });
        if (!r.ok) {
          errors.push(r.error);
          continue;
        }
      }
      const suffix = dryRun === 'server' ? ' (server dry run)' : dryRun === 'client' ? ' (dry run)' : '';
      io.out(`${typedName(type, name)} ${operation}${suffix}\n`);
    }
    return errors.length > 0 ? printError(io, errors) : 0;
  };
  return { path, spec, run };
}

/** `kubectl rollout restart`. */
export const rolloutRestart = mutatingCommand(['rollout', 'restart'], ROLLOUT_RESTART_SPEC, restart, 'restarted');
/** `kubectl rollout pause`. */
export const rolloutPause = mutatingCommand(['rollout', 'pause'], ROLLOUT_PAUSE_SPEC, pause, 'paused');
/** `kubectl rollout resume`. */
export const rolloutResume = mutatingCommand(['rollout', 'resume'], ROLLOUT_RESUME_SPEC, resume, 'resumed');
