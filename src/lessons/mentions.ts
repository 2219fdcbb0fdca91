/**
 * A light heuristic for the verifier: which objects a stage's text and hints mention —
 * `deployment/web` forms, and `kubectl get|describe|delete|... KIND NAME` or `kubectl logs
 * POD` inside backticks — so that a lesson never points the learner at an object that is
 * not there. Names with placeholders (`<pod>`, `$POD`, `web-*`) are skipped.
 */
import type { ApiClient } from '../engine/api/client.js';
import type { ResourceType } from '../engine/api/discovery.js';
import { resolveKind } from './checks/refs.js';

/** An object a text mentions. */
export interface Mention {
  readonly type: ResourceType;
  readonly name: string;
  /** As written, for the report. */
  readonly text: string;
}

const SLASH_FORM = /(?<![\w./:-])([a-z]+)\/([a-z0-9](?:[-a-z0-9.]*[a-z0-9])?)(?![\w*<$/-])/g;
const COMMAND = /`(?:kubectl|k) ([^`]+)`/g;
const KIND_NAME_VERBS = new Set(['get', 'describe', 'delete', 'edit', 'scale', 'expose', 'label', 'annotate', 'autoscale', 'patch']);
const POD_VERBS = new Set(['logs', 'exec', 'attach', 'port-forward']);
const FLAGS_WITH_VALUE = new Set(['-n', '--namespace', '-l', '--selector', '-o', '--output', '-c', '--container', '--replicas', '--image', '--port']);

/** The objects mentioned in some texts. */
export function findMentions(texts: readonly string[]): Mention[] {
  const out = new Map<string, Mention>();
  const add = (kind: string, name: string, text: string) => {
    const type = resolveKind(kind);
    if (!type || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name)) return;
    out.set(`${type.resource}/${name}`, { type, name, text });
  };
  for (const text of texts) {
    for (const m of text.matchAll(SLASH_FORM)) {
      // `pods/log`, `deployments/scale`: RBAC subresources, not objects named log or scale.
      if (resolveKind(m[1]!)?.subresources.includes(m[2]!)) continue;
      add(m[1]!, m[2]!, m[0]);
    }
    for (const m of text.matchAll(COMMAND)) {
      const args = positional(m[1]!.trim().split(/\s+/));
      const [verb, ...rest] = args;
      if (verb === 'rollout') rest.shift();
      if ((KIND_NAME_VERBS.has(verb!) || verb === 'rollout') && rest.length >= 2 && !rest[0]!.includes('/')) add(rest[0]!, rest[1]!, `kubectl ${m[1]}`);
      if (POD_VERBS.has(verb!) && rest.length >= 1 && !rest[0]!.includes('/')) add('pod', rest[0]!, `kubectl ${m[1]}`);
    }
  }
  return [...out.values()];
}

// The words that are not flags or flag values (`--replicas=3`, `-n dev`).
function positional(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--') break;
    if (w.startsWith('-')) {
      if (FLAGS_WITH_VALUE.has(w)) i++;
      continue;
    }
    out.push(w);
  }
  return out;
}

/** Whether a mentioned object exists in any namespace. */
export function mentionExists(api: ApiClient, m: Mention): boolean {
  const r = api.list(m.type.resource);
  return r.ok && r.value.items.some((o) => o.metadata.name === m.name);
}
