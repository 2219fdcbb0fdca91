/**
 * Taints and tolerations (k8s.io/api/core/v1 toleration.go and v1helper): whether a
 * toleration matches a taint, and the first taint of a node a pod does not tolerate.
 */

/** A node taint. */
export interface Taint {
  readonly key: string;
  readonly value?: string;
  readonly effect: string;
}

/** A pod toleration. */
export interface Toleration {
  readonly key?: string;
  readonly operator?: string;
  readonly value?: string;
  readonly effect?: string;
  readonly tolerationSeconds?: number;
}

/**
 * Toleration.ToleratesTaint: the effect is empty or equal, the key is equal (or empty,
 * which only makes sense with Exists), and the operator is Exists, or Equal (the
 * default) with the same value.
 */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? '') {
    case '':
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

/** Whether any toleration in the list matches the taint. */
export function tolerationsTolerate(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => toleratesTaint(t, taint));
}

/**
 * FindMatchingUntoleratedTaint: the first taint (in the node's order) that passes the
 * effect filter and no toleration matches.
 */
export function firstUntoleratedTaint(taints: readonly Taint[] | undefined, tolerations: readonly Toleration[] | undefined, effects: readonly string[]): Taint | undefined {
  for (const taint of taints ?? []) {
    if (!effects.includes(taint.effect)) continue;
    if (!tolerationsTolerate(tolerations, taint)) return taint;
  }
  return undefined;
}
