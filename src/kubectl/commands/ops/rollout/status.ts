/**
 * `kubectl rollout status`: prints the rollout's status line for the object as it is now,
 * then once per change of the object (each watch event, as kubectl's UntilWithSync
 * condition does) while virtual time advances, until the rollout is done, fails, or
 * --timeout passes. Without --timeout a transcript stops after UNBOUNDED_WAIT_MS.
 */
import { printError } from '../../../errors.js';
import type { CommandModule, KubectlEnv, Output } from '../../../types.js';
import type { ParsedFlags } from '../../../args/flags.js';
import { ROLLOUT_STATUS_SPEC } from '../specs/rollout.js';
import { namedTargets, openSession, UNBOUNDED_WAIT_MS, waitFor } from '../support.js';
import { statusViewerFor } from './viewers.js';

function run(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  if (flags.args.length === 0) return printError(io, 'required resource not specified');
  const revision = flags.int('revision');
  if (revision < 0) return printError(io, `revision must be a positive integer: ${revision}`);
  const parsed = namedTargets(flags.args);
  if (!parsed.ok) return printError(io, parsed.error);
  if (parsed.targets.length !== 1) {
    return printError(io, `rollout status is only supported on individual resources and resource collections, but ${parsed.targets.length} resources were found`);
  }
  const { type, name } = parsed.targets[0]!;
  const session = openSession(flags, env);
  if (!session.ok) return printError(io, session.error);
  const { client, namespace } = session.value;
  const got = client.get(type.resource, namespace, name);
  if (!got.ok) return printError(io, got.error);
  const viewer = statusViewerFor(type.kind);
  if (!viewer) return printError(io, `no status viewer has been implemented for ${type.group ? `${type.kind}.${type.group}` : type.kind}`);

  const watch = flags.bool('watch');
  let finished = false;
  let exitCode = 0;
  const show = (obj: typeof got.value) => {
    if (finished) return;
    const status = viewer(obj, revision);
    if ('error' in status) {
      finished = true;
      exitCode = printError(io, status.error);
      return;
    }
    io.out(status.message);
    if (status.done || !watch) finished = true;
  };
  show(got.value);
  if (finished) return exitCode;

  const sub = client.watch(type.resource, { namespace }, (e) => {
    if (e.object.metadata.name !== name || finished) return;
    if (e.type === 'DELETED') {
      finished = true;
      exitCode = printError(io, 'object has been deleted');
      return;
    }
    show(e.object);
  });
  if (!sub.ok) return printError(io, sub.error);
  const timeout = flags.duration('timeout');
  const done = waitFor(env, timeout > 0 ? timeout : UNBOUNDED_WAIT_MS, () => finished);
  sub.value();
  if (!done) return printError(io, 'timed out waiting for the condition');
  return exitCode;
}

/** `kubectl rollout status`. */
export const rolloutStatus: CommandModule = { path: ['rollout', 'status'], spec: ROLLOUT_STATUS_SPEC, run };
