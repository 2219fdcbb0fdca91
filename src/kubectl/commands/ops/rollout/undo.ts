/**
 * `kubectl rollout undo`: rolls a workload back client-side, as kubectl's rollbackers do
 * (polymorphichelpers/rollback.go). A Deployment gets the chosen ReplicaSet's template
 * (without pod-template-hash) and its annotations through a JSON patch; a DaemonSet or
 * StatefulSet gets its ControllerRevision's strategic patch.
 */
import type { ApiClient } from '../../../../engine/api/client.js';
import type { KubeObject } from '../../../../engine/api/types.js';
import { printError, standardErrorMessage, type CommandError } from '../../../errors.js';
import type { CommandModule, KubectlEnv, Output } from '../../../types.js';
import type { ParsedFlags } from '../../../args/flags.js';
import { ROLLOUT_UNDO_SPEC } from '../specs/rollout.js';
import { namedTargets, openSession, typedName } from '../support.js';
import { podTemplateText } from './history.js';
import { REVISION_ANNOTATION, revisionsOf, sameTemplate, withoutHash, type Revision } from './revisions.js';

/** The result word after the name (`rolled back`), or the error kubectl reports. */
type Rollback = { ok: true; operation: string } | { ok: false; error: CommandError };

/** Annotations a rollback keeps from the Deployment rather than copying from the ReplicaSet. */
const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

const notFoundInHistory = (r: number): Rollback => ({ ok: false, error: `unable to find specified revision ${r} in history` });

/** rollback.go deploymentRevision: the named revision, or (0) the second newest. */
function pickDeploymentRevision(revisions: readonly Revision[], to: number, name: string): Revision | Rollback {
  if (to > 0) return revisions.find((r) => r.revision === to) ?? notFoundInHistory(to);
  if (revisions.length < 2) return { ok: false, error: `no rollout history found for deployment "${name}"` };
  return revisions[revisions.length - 2]!;
}

function rollbackDeployment(client: ApiClient, d: KubeObject, to: number, dryRun: string): Rollback {
  const revisions = revisionsOf(client, d);
  if (!revisions.ok) return { ok: false, error: `failed to retrieve replica sets from deployment ${d.metadata.name}: ${standardErrorMessage(revisions.error)}` };
  const target = pickDeploymentRevision(revisions.value, to, d.metadata.name!);
  if ('ok' in target) return target;
  if (dryRun === 'client') return { ok: true, operation: podTemplateText(target.template) };
  if (d.spec?.paused) {
    return { ok: false, error: `you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${d.metadata.name}' and try again` };
  }
  if (sameTemplate(target.template, d.spec?.template)) return { ok: true, operation: `skipped rollback (current template already matches revision ${to})` };
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(target.source.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  const patch = [
    { op: 'replace', path: '/spec/template', value: withoutHash(target.template) },
    { op: 'replace', path: '/metadata/annotations', value: annotations },
  ];
  const r = client.patch('deployments', d.metadata.namespace, d.metadata.name!, patch, 'json', { dryRun: dryRun === 'server' });
  if (!r.ok) return { ok: false, error: `failed restoring revision ${to}: ${standardErrorMessage(r.error).replace(/^Error from server \(\w+\): /, '')}` };
  return { ok: true, operation: 'rolled back' };
}

function rollbackFromHistory(client: ApiClient, resource: string, obj: KubeObject, to: number, dryRun: string): Rollback {
  const revisions = revisionsOf(client, obj);
  if (!revisions.ok) return { ok: false, error: revisions.error };
  const history = revisions.value;
  if (to === 0 && history.length <= 1) return { ok: false, error: 'no last revision to roll back to' };
  const target = to === 0 ? history[history.length - 2] : history.find((r) => r.revision === to);
  if (!target) return notFoundInHistory(to);
  if (dryRun === 'client') return { ok: true, operation: `will roll back to ${podTemplateText(target.template)}` };
  if (sameTemplate(target.template, obj.spec?.template)) return { ok: true, operation: `skipped rollback (current template already matches revision ${to})` };
  const r = client.patch(resource, obj.metadata.namespace, obj.metadata.name!, { spec: { template: { ...withoutHash(target.template), $patch: 'replace' } } }, 'strategic', { dryRun: dryRun === 'server' });
  if (!r.ok) return { ok: false, error: `failed restoring revision ${to}: ${r.error.message}` };
  return { ok: true, operation: 'rolled back' };
}

function run(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  if (flags.args.length === 0) return printError(io, 'required resource not specified');
  const parsed = namedTargets(flags.args);
  if (!parsed.ok) return printError(io, parsed.error);
  const session = openSession(flags, env);
  if (!session.ok) return printError(io, session.error);
  const { client, namespace } = session.value;
  const to = flags.int('to-revision');
  const dryRun = flags.string('dry-run');
  const errors: CommandError[] = [];
  for (const { type, name } of parsed.targets) {
    const got = client.get(type.resource, namespace, name);
    if (!got.ok) {
      errors.push(got.error);
      continue;
    }
    let result: Rollback;
    if (to < 0) result = notFoundInHistory(to);
    else if (type.kind === 'Deployment') result = rollbackDeployment(client, got.value, to, dryRun);
    else if (type.kind === 'DaemonSet' || type.kind === 'StatefulSet') result = rollbackFromHistory(client, type.resource, got.value, to, dryRun);
    else result = { ok: false, error: `no rollbacker has been implemented for "${type.group ? `${type.kind}.${type.group}` : type.kind}"` };
    if (!result.ok) {
      errors.push(result.error);
      continue;
    }
    const suffix = dryRun === 'server' ? ' (server dry run)' : dryRun === 'client' ? ' (dry run)' : '';
    io.out(`${typedName(type, name)} ${result.operation}${suffix}\n`);
  }
  return errors.length > 0 ? printError(io, errors) : 0;
}

/** `kubectl rollout undo`. */
export const rolloutUndo: CommandModule = { path: ['rollout', 'undo'], spec: ROLLOUT_UNDO_SPEC, run };
