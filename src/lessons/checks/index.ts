/**
 * The check registry: compiles a CheckSpec (from lesson.yaml) into a Check, wiring each
 * vocabulary word to its pure function, and composes `all`, `any` and `not`. A `title`
 * replaces the generated line; a failing titled check keeps the detail in parentheses.
 */
import type { ApiClient } from '../../engine/api/client.js';
import type { Question } from '../types.js';
import { absentCheck, compileJsonPath, existsCheck, fieldCheck } from './objects.js';
import { podsReadyCheck, podStatusCheck } from './pods.js';
import { pvcBoundCheck, rolloutCompleteCheck, serviceEndpointsCheck } from './workloads.js';
import { canICheck, reachableCheck } from './access.js';
import { answerCheck, commandRanCheck, eventSeenCheck } from './history.js';
import type { Check, CheckContext, CheckResult, CheckSpec } from './types.js';

export type { Check, CheckContext, CheckResult, CheckSpec, CommandRecord, NetworkProbe, ProbeResult } from './types.js';
export { CHECK_TYPES } from './types.js';

type Evaluate = (api: ApiClient, ctx: CheckContext) => CheckResult;

/** Compiles a check for a stage (the stage's question serves `answer`). */
export function compileCheck(spec: CheckSpec, question?: Question): Check {
  const run = evaluator(spec, question);
  const title = spec.title;
  const evaluate: Evaluate = title === undefined ? run : (api, ctx) => {
    const r = run(api, ctx);
    return { ok: r.ok, message: r.ok ? title : `${title} (${r.message})` };
  };
  return { type: spec.type, evaluate };
}

function evaluator(spec: CheckSpec, question: Question | undefined): Evaluate {
  switch (spec.type) {
    case 'exists': return (api) => existsCheck(api, spec);
    case 'absent': return (api) => absentCheck(api, spec);
    case 'field': {
      const parsed = compileJsonPath(spec.path);
      if (!parsed.ok) throw new Error(`field check path ${spec.path}: ${parsed.error}`); // the loader rejects these first
      return (api) => fieldCheck(api, spec, parsed.root);
    }
    case 'podsReady': return (api) => podsReadyCheck(api, spec);
    case 'podStatus': return (api, ctx) => podStatusCheck(api, spec, ctx.now);
    case 'rolloutComplete': return (api) => rolloutCompleteCheck(api, spec);
    case 'serviceEndpoints': return (api) => serviceEndpointsCheck(api, spec);
    case 'reachable': return (api, ctx) => reachableCheck(api, spec, ctx);
    case 'pvcBound': return (api) => pvcBoundCheck(api, spec);
    case 'canI': return (api) => canICheck(api, spec);
    case 'commandRan': return (_api, ctx) => commandRanCheck(spec, ctx);
    case 'eventSeen': return (api) => eventSeenCheck(api, spec);
    case 'answer': return (_api, ctx) => answerCheck(question, ctx);
    case 'all': {
      const parts = spec.checks.map((c) => compileCheck(c, question));
      return (api, ctx) => {
        const results = parts.map((p) => p.evaluate(api, ctx));
        const failed = results.find((r) => !r.ok);
        return failed ?? { ok: true, message: results.map((r) => r.message).join('; ') };
      };
    }
    case 'any': {
      const parts = spec.checks.map((c) => compileCheck(c, question));
      return (api, ctx) => {
        const results = parts.map((p) => p.evaluate(api, ctx));
        return results.find((r) => r.ok) ?? { ok: false, message: `none of: ${results.map((r) => r.message).join('; ')}` };
      };
    }
    case 'not': {
      const inner = compileCheck(spec.check, question);
      return (api, ctx) => {
        const r = inner.evaluate(api, ctx);
        return { ok: !r.ok, message: r.ok ? `not expected: ${r.message}` : r.message };
      };
    }
  }
}
