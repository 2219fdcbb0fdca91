/**
 * The conditions a Terminating namespace reports (pkg/controller/namespace/deletion/
 * status_condition_utils.go), in their fixed order, with the real reasons and messages.
 */

/** What deleteAllContent left behind. */
export interface Remaining {
  /** `pods.` / `deployments.apps` -> instances left */
  readonly resources: Map<string, number>;
  /** finalizer -> instances carrying it */
  readonly finalizers: Map<string, number>;
  /** Longest graceful pod deletion still under way, ms (0 if none). */
  estimateMs: number;
}

interface Condition {
  type: string;
  status: string;
  lastTransitionTime?: string;
  reason: string;
  message: string;
}

/**
 * The five conditions for this pass. A condition keeps its lastTransitionTime unless its
 * status changed, as the real updater does.
 */
export function deletionConditions(previous: readonly Condition[], remaining: Remaining, now: string): Condition[] {
  const resources = [...remaining.resources].filter(([, n]) => n > 0).map(([r, n]) => `${r} has ${n} resource instances`).sort();
  const finalizers = [...remaining.finalizers].filter(([, n]) => n > 0).map(([f, n]) => `${f} in ${n} resource instances`).sort();
  const wanted: Omit<Condition, 'lastTransitionTime'>[] = [
    { type: 'NamespaceDeletionDiscoveryFailure', status: 'False', reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
    { type: 'NamespaceDeletionGroupVersionParsingFailure', status: 'False', reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed' },
    { type: 'NamespaceDeletionContentFailure', status: 'False', reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization' },
    resources.length > 0
      ? { type: 'NamespaceContentRemaining', status: 'True', reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${resources.join(', ')}` }
      : { type: 'NamespaceContentRemaining', status: 'False', reason: 'ContentRemoved', message: 'All content successfully removed' },
    finalizers.length > 0
      ? { type: 'NamespaceFinalizersRemaining', status: 'True', reason: 'SomeFinalizersRemain', message: `Some content in the namespace has finalizers remaining: ${finalizers.join(', ')}` }
      : { type: 'NamespaceFinalizersRemaining', status: 'False', reason: 'ContentHasNoFinalizers', message: 'All content-preserving finalizers finished' },
  ];
  return wanted.map((c) => {
    const before = previous.find((p) => p.type === c.type);
    const since = before && before.status === c.status && before.lastTransitionTime ? before.lastTransitionTime : now;
    return { type: c.type, status: c.status, lastTransitionTime: since, reason: c.reason, message: c.message };
  });
}
