/**
 * The command tree: every verb module (read, write, ops) placed under `kubectl` by its
 * path, with cobra's conventions — root verbs in registration order, subcommands sorted
 * by name, a group command synthesised when only its children exist — and stand-ins for
 * the verbs kubetutor does not emulate, so help and suggestions match kubectl.
 */
import type { CommandSpec } from './args/command.js';
import { renderHelp } from './args/help.js';
import { COMMANDS as OPS } from './commands/ops/index.js';
import { COMMANDS as READ } from './commands/read/index.js';
import { COMMANDS as WRITE } from './commands/write/index.js';
import { ROOT_VERBS, rootSpec, unsupportedVerbMessage, unsupportedVerbSpec } from './root.js';
import type { CommandModule } from './types.js';

/** The root spec and the module that runs each command path (`rollout status`). */
export interface CommandTree {
  readonly root: CommandSpec;
  /** Keyed by the path words joined with a space. */
  readonly modules: ReadonlyMap<string, CommandModule>;
}

/** The key of a command path in CommandTree.modules. */
export function pathKey(path: readonly string[]): string {
  return path.join(' ');
}

interface Node {
  module?: CommandModule;
  children: Map<string, Node>;
}

/** Builds the tree from command modules; later modules with the same path replace earlier ones. */
export function buildCommandTree(commands: readonly CommandModule[]): CommandTree {
  const top: Node = { children: new Map() };
  const modules = new Map<string, CommandModule>();
  for (const m of commands) {
    let node = top;
    for (const word of m.path) {
      let next = node.children.get(word);
      if (!next) node.children.set(word, (next = { children: new Map() }));
      node = next;
    }
    node.module = m;
    modules.set(pathKey(m.path), m);
  }
  const verbs: CommandSpec[] = [];
  for (const verb of ROOT_VERBS) {
    const node = top.children.get(verb.name);
    if (!node) {
      const stub: CommandModule = {
        path: [verb.name],
        spec: unsupportedVerbSpec(verb),
        run: (_flags, _env, io) => {
          io.err(unsupportedVerbMessage([verb.name]));
          return 1;
        },
      };
      modules.set(verb.name, stub);
      verbs.push(stub.spec);
      continue;
    }
    // The root help shows kubectl's one-line summary, whatever the module's own wording.
    const spec = { ...specOf(verb.name, node), short: verb.short };
    verbs.push(verb.hidden ? { ...spec, hidden: true } : spec);
  }
  // Verbs outside kubectl's list (none today) go after it, by name.
  const known = new Set(ROOT_VERBS.map((v) => v.name));
  for (const [name, node] of [...top.children].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!known.has(name)) verbs.push(specOf(name, node));
  }
  return { root: rootSpec(verbs), modules };
}

/** A node's spec with its children's specs as subcommands, sorted by name as cobra lists them. */
function specOf(name: string, node: Node): CommandSpec {
  const own: CommandSpec = node.module?.spec ?? { name, use: `${name} SUBCOMMAND`, short: '', runnable: false };
  if (node.children.size === 0) return own;
  const children = [...node.children].map(([childName, child]) => specOf(childName, child));
  const declared = (own.subcommands ?? []).filter((s) => !node.children.has(s.name));
  const subcommands = [...declared, ...children].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { ...own, subcommands };
}

let defaultTree: CommandTree | undefined;

/** The tree of every verb module in the product, built once. */
export function kubectlTree(): CommandTree {
  defaultTree ??= buildCommandTree([...READ, ...WRITE, ...OPS]);
  return defaultTree;
}

/**
 * cmdutil.DefaultSubCommandRun for a command that only groups others (`kubectl config`,
 * `kubectl rollout`): its help on stderr and exit 1, or `unexpected args` when words follow.
 */
export function defaultSubcommandRun(path: readonly string[]): CommandModule['run'] {
  return (flags, _env, io) => {
    if (flags.args.length > 0) {
      io.err(`error: unexpected args: [${flags.args.join(' ')}]\nSee 'kubectl ${path.join(' ')} -h' for help and examples\n`);
      return 1;
    }
    const specs: CommandSpec[] = [kubectlTree().root];
    for (const word of path) specs.push(specs[specs.length - 1]!.subcommands!.find((c) => c.name === word)!);
    io.err(renderHelp(specs));
    return 1;
  };
}
