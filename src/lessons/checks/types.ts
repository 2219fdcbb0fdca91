/**
 * The check vocabulary as data, and the contract of a check: a pure function of the API
 * (as the admin) and the stage's context that says whether the stage's goal holds and, in
 * one learner-facing line, what is still missing.
 */
import type { ApiClient } from '../../engine/api/client.js';

/** One command the learner ran, as the session records it. */
export interface CommandRecord {
  /** The line as typed. */
  readonly line: string;
  readonly exitCode: number;
  /** Virtual time (epoch ms) when it ran. */
  readonly at: number;
}

/** What an HTTP probe saw. */
export type ProbeResult =
  | { readonly ok: true; readonly status: number; readonly body: string }
  | { readonly ok: false; readonly error: 'refused' | 'timeout' | 'unresolved' | 'unreachable' };

/**
 * The cluster network as a check may use it: a request from outside any pod (the
 * engine's probe sends from the control-plane node; `from` says which namespace the check
 * is about, for probes that care).
 */
export interface NetworkProbe {
  request(from: { readonly namespace: string; readonly labels?: Readonly<Record<string, string>> }, url: string, timeoutMs: number): ProbeResult;
}

/** Everything a check reads besides the API. */
export interface CheckContext {
  /** Commands run since the current stage opened, oldest first. */
  readonly history: readonly CommandRecord[];
  /** The learner's answer to the current stage's question, if any. */
  readonly answer?: string;
  /** Virtual now (epoch ms). */
  readonly now: number;
  /** The network, for `reachable` without a `from` pod. */
  readonly network?: NetworkProbe;
}

/** A check's verdict: `message` is the line shown beside ✓ or ✗. */
export interface CheckResult {
  readonly ok: boolean;
  readonly message: string;
}

/** A compiled check. */
export interface Check {
  /** The check's type, for reports (`podsReady`). */
  readonly type: string;
  evaluate(api: ApiClient, ctx: CheckContext): CheckResult;
}

/** Object reference fields shared by several checks. */
export interface ObjectRef {
  /** Kind (`Deployment`) or resource (`deployments`, `deploy`). */
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

/** Comparisons the `field` check supports (exactly one per check). */
export interface FieldExpectation {
  readonly equals?: unknown;
  readonly matches?: string;
  readonly contains?: unknown;
  readonly gte?: number | string;
  readonly lte?: number | string;
  readonly in?: readonly unknown[];
}

/** A check as written in lesson.yaml, normalised: the check name moves into `type`. */
export type CheckSpec = { readonly title?: string } & (
  | ({ readonly type: 'exists' } & ObjectRef)
  | ({ readonly type: 'absent' } & ObjectRef)
  | ({ readonly type: 'field'; readonly path: string } & ObjectRef & FieldExpectation)
  | { readonly type: 'podsReady'; readonly selector: string; readonly count?: number; readonly exact?: boolean; readonly namespace?: string }
  | { readonly type: 'podStatus'; readonly name?: string; readonly selector?: string; readonly status?: string; readonly phase?: string; readonly namespace?: string }
  | { readonly type: 'rolloutComplete'; readonly deployment?: string; readonly statefulset?: string; readonly daemonset?: string; readonly image?: string; readonly namespace?: string }
  | { readonly type: 'serviceEndpoints'; readonly service: string; readonly count?: number; readonly namespace?: string }
  | {
      readonly type: 'reachable';
      readonly url: string;
      readonly from?: string;
      readonly namespace?: string;
      readonly expect?: { readonly text?: string; readonly status?: number; readonly blocked?: boolean };
    }
  | { readonly type: 'pvcBound'; readonly name: string; readonly namespace?: string }
  | {
      readonly type: 'canI';
      readonly as: string;
      readonly verb: string;
      readonly resource: string;
      readonly subresource?: string;
      readonly name?: string;
      readonly namespace?: string;
      readonly expect: 'yes' | 'no';
    }
  | { readonly type: 'commandRan'; readonly pattern: string; readonly exitCode?: number }
  | { readonly type: 'eventSeen'; readonly reason: string; readonly object?: string; readonly namespace?: string; readonly message?: string }
  | { readonly type: 'answer' }
  | { readonly type: 'all'; readonly checks: readonly CheckSpec[] }
  | { readonly type: 'any'; readonly checks: readonly CheckSpec[] }
  | { readonly type: 'not'; readonly check: CheckSpec }
);

/** Every check name, in the order the documentation lists them. */
export const CHECK_TYPES = [
  'exists',
  'absent',
  'field',
  'podsReady',
  'podStatus',
  'rolloutComplete',
  'serviceEndpoints',
  'reachable',
  'pvcBound',
  'canI',
  'commandRan',
  'eventSeen',
  'answer',
  'all',
  'any',
  'not',
] as const;

export type CheckType = (typeof CHECK_TYPES)[number];
