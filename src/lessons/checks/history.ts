/**
 * Checks on what happened rather than what is: `commandRan` (a command of this stage
 * matched a pattern), `eventSeen` (an Event was recorded) and `answer` (the stage's
 * question was answered acceptably).
 */
import type { ApiClient } from '../../engine/api/client.js';
import type { Question } from '../types.js';
import { DEFAULT_NAMESPACE, listObjects, resolveKind } from './refs.js';
import type { CheckContext, CheckResult } from './types.js';

/** `commandRan`: a command run in this stage matched `pattern` (and exited with `exitCode`, default 0). */
export function commandRanCheck(spec: { pattern: string; exitCode?: number }, ctx: CheckContext): CheckResult {
  const re = new RegExp(spec.pattern);
  const code = spec.exitCode ?? 0;
  const hit = ctx.history.find((c) => re.test(c.line) && c.exitCode === code);
  if (hit) return { ok: true, message: `ran \`${hit.line}\`${code === 0 ? '' : ` (exit ${code})`}` };
  // A stage that wants a refused command says so: "succeeded" would mislead there.
  const outcome = code === 0 ? 'has succeeded' : `has exited ${code}`;
  return { ok: false, message: `no command matching /${spec.pattern}/ ${outcome} yet` };
}

/**
 * `eventSeen`: an Event with `reason` exists, optionally about `object` (`kind/name`, a
 * trailing `*` matching generated names like `pod/web-*`) and with a message matching.
 */
export function eventSeenCheck(api: ApiClient, spec: { reason: string; object?: string; namespace?: string; message?: string }): CheckResult {
  const events = listObjects(api, 'events', spec.namespace ?? DEFAULT_NAMESPACE);
  const about = spec.object ? objectMatcher(spec.object) : () => true;
  const message = spec.message ? new RegExp(spec.message) : undefined;
  const hit = events.find((e) => e.reason === spec.reason && about(e.involvedObject ?? {}) && (!message || message.test(e.message ?? '')));
  const subject = `a ${spec.reason} event${spec.object ? ` for ${spec.object}` : ''}`;
  return hit ? { ok: true, message: `${subject} was recorded` } : { ok: false, message: `no ${spec.reason} event${spec.object ? ` for ${spec.object}` : ''} yet` };
}

function objectMatcher(object: string): (o: { kind?: string; name?: string }) => boolean {
  const [kind, name = ''] = object.split('/', 2) as [string, string?];
  const t = resolveKind(kind);
  const prefix = name.endsWith('*');
  const stem = prefix ? name.slice(0, -1) : name;
  return (o) => o.kind === t?.kind && (prefix ? (o.name ?? '').startsWith(stem) : o.name === stem);
}

/** Whether an answer is accepted by a question: literal (normalised), choice letter or text, or `/regex/flags`. */
export function acceptsAnswer(question: Question, answer: string): boolean {
  const given = normalise(answer);
  return question.accept.some((accept) => {
    const re = /^\/(.*)\/([a-z]*)$/s.exec(accept);
    if (re) return new RegExp(re[1]!, re[2]).test(answer.trim());
    if (normalise(accept) === given) return true;
    if (!question.choices) return false;
    // `b`, `b)` and the text of choice b all pick choice b.
    const index = question.choices.findIndex((c, i) => normalise(c) === normalise(accept) || letter(i) === normalise(accept));
    if (index < 0) return false;
    return given.replace(/[).]$/, '') === letter(index) || given === normalise(question.choices[index]!);
  });
}

function letter(i: number): string {
  return String.fromCharCode(97 + i);
}

function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** `answer`: the stage's question has an accepted answer. */
export function answerCheck(question: Question | undefined, ctx: CheckContext): CheckResult {
  if (ctx.answer === undefined) return { ok: false, message: 'answer the question (type: answer TEXT)' };
  if (question && acceptsAnswer(question, ctx.answer)) return { ok: true, message: `answered: ${ctx.answer.trim()}` };
  return { ok: false, message: `"${ctx.answer.trim()}" is not the answer; try again` };
}
