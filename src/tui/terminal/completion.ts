/**
 * Tab completion at the prompt: kubectl verbs, resource kinds, object names from the live
 * cluster, and flags — taken from the same command declarations kubectl parses with.
 */
import { RESOURCE_TYPES } from '../../engine/api/discovery.js';
import type { ClusterSnapshot } from '../../engine/cluster.js';
import type { CommandSpec } from '../../kubectl/args/command.js';
import { flagsOf } from '../../kubectl/args/command.js';

/** What completing the last word offers. */
export interface Completion {
  /** The line with the last word completed as far as all candidates agree. */
  readonly line: string;
  /** The candidates, when more than one remains. */
  readonly candidates: readonly string[];
}

const VERBS_TAKING_TYPES = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'explain', 'scale', 'rollout', 'logs', 'exec', 'expose', 'autoscale', 'set', 'wait', 'top', 'cordon', 'uncordon', 'drain', 'taint']);

function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let p = words[0]!;
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

function typeNames(): string[] {
  const names = new Set<string>();
  for (const t of RESOURCE_TYPES) {
    names.add(t.resource);
    names.add(t.singular);
    for (const s of t.shortNames) names.add(s);
  }
  return [...names].sort();
}

/** The resource a type word names (`po`, `pods`, `deploy`), if any. */
function resourceOf(word: string): string | undefined {
  const w = word.toLowerCase();
  return RESOURCE_TYPES.find((t) => t.resource === w || t.singular === w || t.shortNames.includes(w))?.resource;
}

/** Completes the last word of a prompt line. */
export function complete(line: string, root: CommandSpec, snapshot: ClusterSnapshot, namespace: string): Completion {
  const words = line.split(/\s+/);
  const last = words[words.length - 1] ?? '';
  const before = words.slice(0, -1).filter((w) => w !== '');
  let candidates: string[] = [];
  const nsFlag = before.findIndex((w) => w === '-n' || w === '--namespace');
  if (nsFlag >= 0 && before[nsFlag + 1]) namespace = before[nsFlag + 1]!;
  const nsEq = before.find((w) => w.startsWith('--namespace='));
  if (nsEq) namespace = nsEq.slice('--namespace='.length);
  if (before.length === 0) candidates = ['kubectl', 'k', 'hint', 'next', 'reset', 'lessons', 'panes', 'edit', 'answer', 'help', 'quit', 'clear', 'ls', 'cat'];
  else if (before[0] === 'kubectl' || before[0] === 'k') {
    const args = before.slice(1);
    const positional = args.filter((a, i) => !a.startsWith('-') && !(i > 0 && (args[i - 1] === '-n' || args[i - 1] === '--namespace' || args[i - 1] === '-o' || args[i - 1] === '-l')));
    let spec: CommandSpec = root;
    for (const word of positional) {
      const sub = spec.subcommands?.find((c) => c.name === word || c.aliases?.includes(word));
      if (!sub) break;
      spec = sub;
    }
    const verb = positional[0];
    if (last.startsWith('-')) candidates = flagsOf(spec).flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]);
    else if (positional.length === 0 || (spec.subcommands?.length && spec === root)) candidates = (root.subcommands ?? []).filter((c) => !c.hidden).map((c) => c.name);
    else if (spec.subcommands?.length && positional.length === 1 && !VERBS_TAKING_TYPES.has(verb ?? '')) candidates = spec.subcommands.map((c) => c.name);
    else {
      const typeWord = positional.find((p, i) => i > 0 && resourceOf(p.split('/')[0]!));
      if (last.includes('/')) {
        const [t] = last.split('/');
        const r = resourceOf(t!);
        candidates = r ? snapshot.list(r, namespaceFor(r, namespace)).map((o) => `${t}/${o.metadata.name}`) : [];
      } else if (typeWord && !typeWord.includes('/')) {
        const r = resourceOf(typeWord)!;
        candidates = snapshot.list(r, namespaceFor(r, namespace)).map((o) => o.metadata.name!);
      } else if (verb === 'logs' || verb === 'exec') candidates = snapshot.list('pods', namespace).map((o) => o.metadata.name!);
      else candidates = typeNames();
    }
  }
  const matching = [...new Set(candidates.filter((c) => c.startsWith(last)))].sort();
  if (matching.length === 0) return { line, candidates: [] };
  const head = line.slice(0, line.length - last.length);
  if (matching.length === 1) return { line: `${head}${matching[0]} `, candidates: [] };
  return { line: `${head}${commonPrefix(matching)}`, candidates: matching };
}

function namespaceFor(resource: string, namespace: string): string | undefined {
  return RESOURCE_TYPES.find((t) => t.resource === resource)?.namespaced ? namespace : undefined;
}
