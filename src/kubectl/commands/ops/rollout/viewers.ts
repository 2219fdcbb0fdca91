/**
 * The status lines of `kubectl rollout status` (kubectl polymorphichelpers/rollout_status.go):
 * one function per workload kind reads the object's spec and status and says how far its
 * rollout is, whether it is done, or why it failed.
 */
import type { KubeObject } from '../../../../engine/api/types.js';

/** A status line (with its newline), whether the rollout is done, or kubectl's error text. */
export type RolloutStatus = { readonly message: string; readonly done: boolean } | { readonly error: string };

/** Reads a workload's rollout status; `revision` > 0 pins the revision (deployments). */
export type StatusViewer = (obj: KubeObject, revision: number) => RolloutStatus;

const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

function deploymentStatus(d: KubeObject, revision: number): RolloutStatus {
  const name = d.metadata.name;
  if (revision > 0) {
    const current = Number(d.metadata.annotations?.[REVISION_ANNOTATION] ?? 0);
    if (revision !== current) return { error: `desired revision (${revision}) is different from the running revision (${current})` };
  }
  const status = d.status ?? {};
  if ((d.metadata.generation ?? 0) > (status.observedGeneration ?? 0)) return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
  const progressing = (status.conditions ?? []).find((c: { type: string }) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') return { error: `deployment "${name}" exceeded its progress deadline` };
  const replicas: number | undefined = d.spec?.replicas;
  const updated = status.updatedReplicas ?? 0;
  if (replicas !== undefined && updated < replicas) {
    return { message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`, done: false };
  }
  if ((status.replicas ?? 0) > updated) {
    return { message: `Waiting for deployment "${name}" rollout to finish: ${(status.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false };
  }
  if ((status.availableReplicas ?? 0) < updated) {
    return { message: `Waiting for deployment "${name}" rollout to finish: ${status.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false };
  }
  return { message: `deployment "${name}" successfully rolled out\n`, done: true };
}

function daemonSetStatus(ds: KubeObject): RolloutStatus {
  const name = ds.metadata.name;
  if ((ds.spec?.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return { error: 'rollout status is only available for RollingUpdate strategy type' };
  const status = ds.status ?? {};
  if ((ds.metadata.generation ?? 0) > (status.observedGeneration ?? 0)) return { message: 'Waiting for daemon set spec update to be observed...\n', done: false };
  const desired = status.desiredNumberScheduled ?? 0;
  const updated = status.updatedNumberScheduled ?? 0;
  if (updated < desired) return { message: `Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...\n`, done: false };
  const available = status.numberAvailable ?? 0;
  if (available < desired) return { message: `Waiting for daemon set "${name}" rollout to finish: ${available} of ${desired} updated pods are available...\n`, done: false };
  return { message: `daemon set "${name}" successfully rolled out\n`, done: true };
}

function statefulSetStatus(sts: KubeObject): RolloutStatus {
  const strategy = sts.spec?.updateStrategy ?? { type: 'RollingUpdate' };
  if ((strategy.type ?? 'RollingUpdate') !== 'RollingUpdate') return { error: 'rollout status is only available for RollingUpdate strategy type' };
  const status = sts.status ?? {};
  const observed = status.observedGeneration ?? 0;
  if (observed === 0 || (sts.metadata.generation ?? 0) > observed) return { message: 'Waiting for statefulset spec update to be observed...\n', done: false };
  const replicas: number | undefined = sts.spec?.replicas;
  const ready = status.readyReplicas ?? 0;
  if (replicas !== undefined && ready < replicas) return { message: `Waiting for ${replicas - ready} pods to be ready...\n`, done: false };
  const updated = status.updatedReplicas ?? 0;
  const partition: number | undefined = strategy.rollingUpdate?.partition;
  if (strategy.rollingUpdate && replicas !== undefined && partition !== undefined) {
    if (updated < replicas - partition) {
      return { message: `Waiting for partitioned roll out to finish: ${updated} out of ${replicas - partition} new pods have been updated...\n`, done: false };
    }
    return { message: `partitioned roll out complete: ${updated} new pods have been updated...\n`, done: true };
  }
  if (status.updateRevision !== status.currentRevision) {
    return { message: `waiting for statefulset rolling update to complete ${updated} pods at revision ${status.updateRevision}...\n`, done: false };
  }
  return { message: `statefulset rolling update complete ${status.currentReplicas ?? 0} pods at revision ${status.currentRevision}...\n`, done: true };
}

/** The viewer for a kind, or undefined (`no status viewer has been implemented for Pod`). */
export function statusViewerFor(kind: string): StatusViewer | undefined {
  switch (kind) {
    case 'Deployment':
      return deploymentStatus;
    case 'DaemonSet':
      return (o) => daemonSetStatus(o);
    case 'StatefulSet':
      return (o) => statefulSetStatus(o);
    default:
      return undefined;
  }
}
