/**
 * The container shell's interpreter: runs a parsed script as a generator that yields
 * whenever a command sleeps, so a `while true; do …; sleep 5; done` loop costs nothing
 * between its wake-ups. Flavours follow the image: busybox ash, Debian's dash as /bin/sh,
 * or bash, because their error messages differ.
 */
import type { Node, Redirect } from './ast.js';
import { ShellSyntaxError } from './ast.js';
import { parseScript } from './parser.js';
import { expandFields, expandString, globToRegExp, type ExpandHost } from './expand.js';
import { evaluateArithmetic } from './arith.js';
import { BufferSink, ExitSignal, LoopSignal, ReturnSignal, type Io, type ProcessRuntime, type Run, type Sink, type Yield } from '../io.js';
import { normalizePath } from '../memory-fs.js';
import { withRedirects } from './redirects.js';
import { invoke } from './invoke.js';
import type { ImageProfile } from '../../../images/types.js';
import type { ProcessHost, Signal } from '../types.js';

/** Which shell is running, for its messages. */
export type ShellFlavor = 'busybox' | 'dash' | 'bash';

/** Options for a shell instance. */
export interface ShellOptions {
  readonly host: ProcessHost;
  readonly profile: ImageProfile;
  readonly flavor: ShellFlavor;
  /** `$0`: `sh`, `/bin/sh`, `bash`. */
  readonly arg0: string;
  readonly positional: readonly string[];
  /** The environment the shell starts with. */
  readonly env: Readonly<Record<string, string>>;
  /** The container log's streams (for /dev/stdout, /proc/1/fd/1). */
  readonly stdout: Sink;
  readonly stderr: Sink;
  /** `$$`: 1 for the container's main process, something else for exec. */
  readonly pid: number;
  readonly tick: () => void;
  /** The process the shell runs in (ports and usage of programs it starts). */
  readonly runtime?: ProcessRuntime;
}

/** A shell: variables, functions, traps and the interpreter over them. */
export class Shell implements ExpandHost {
  readonly vars = new Map<string, string>();
  readonly exported = new Set<string>();
  readonly funcs = new Map<string, Node>();
  readonly traps = new Map<string, string>();
  positional: string[];
  status = 0;
  cwd = '/';
  private readonly background: Node[] = [];

  constructor(readonly options: ShellOptions) {
    this.positional = [...options.positional];
    for (const [k, v] of Object.entries(options.env)) {
      this.vars.set(k, v);
      this.exported.add(k);
    }
    this.cwd = options.profile.workingDir ?? '/';
    this.vars.set('PWD', this.cwd);
    this.exported.add('PWD');
  }

  get fs() {
    return this.options.host.fs;
  }

  /** The prefix of the shell's own error messages: `sh: `, `sh: 1: `, `bash: line 1: `. */
  prefix(): string {
    const name = this.options.arg0.split('/').pop() ?? 'sh';
    if (this.options.flavor === 'bash') return `${name}: line 1: `;
    if (this.options.flavor === 'dash') return `${name}: 1: `;
    return `${name}: `;
  }

  /** Runs a script source to completion (the generator form of `sh -c SRC`). */
  *runScript(src: string, io: Io): Run {
    let tree: Node;
    try {
      tree = parseScript(src);
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      io.err.write(`${this.prefix()}${e.detail}\n`);
      return 2;
    }
    try {
      this.status = yield* this.run(tree, io);
      yield* this.drainBackground(io);
    } catch (e) {
      if (e instanceof ExitSignal) this.status = e.code;
      else if (e instanceof ReturnSignal) this.status = e.code;
      else if (!(e instanceof LoopSignal)) throw e;
    }
    return yield* this.runExitTrap(io);
  }

  /** Runs the EXIT trap once, if any; its own `exit N` replaces the status. */
  *runExitTrap(io: Io): Run {
    const handler = this.traps.get('EXIT');
    if (handler === undefined) return this.status;
    this.traps.delete('EXIT');
    const status = this.status;
    try {
      yield* this.runSource(handler, io);
    } catch (e) {
      if (e instanceof ExitSignal) return e.code;
      throw e;
    }
    return (this.status = status);
  }

  /** The trap handler for a signal, or undefined (`trap '' TERM` ignores it, reported as ''). */
  trapFor(signal: Signal): string | undefined {
    const name = signal.replace(/^SIG/, '');
    return this.traps.get(name);
  }

  /** Parses and runs source in this shell (eval, traps, command substitution). */
  *runSource(src: string, io: Io): Run {
    let tree: Node;
    try {
      tree = parseScript(src);
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      io.err.write(`${this.prefix()}${e.detail}\n`);
      this.status = 2;
      return 2;
    }
    this.status = yield* this.run(tree, io);
    return this.status;
  }

  /** The exported environment, as commands see it. */
  environment(extra: Readonly<Record<string, string>> = {}): Record<string, string> {
    const env: Record<string, string> = {};
    for (const k of this.exported) {
      const v = this.vars.get(k);
      if (v !== undefined) env[k] = v;
    }
    return { ...env, ...extra };
  }

  // ExpandHost
  getVar(name: string): string | undefined {
    switch (name) {
      case '?': return String(this.status);
      case '$': return String(this.options.pid);
      case '#': return String(this.positional.length);
      case '@': case '*': return this.positional.join(' ');
      case '0': return this.options.arg0;
      case '!': return '';
      case '-': return '';
      default:
        if (/^[1-9]$/.test(name)) return this.positional[Number(name) - 1];
        return this.vars.get(name);
    }
  }

  setVar(name: string, value: string): void {
    this.vars.set(name, value);
  }

  *substitute(src: string): Generator<Yield, string, void> {
    const out = new BufferSink();
    const saved = this.status;
    try {
      yield* this.runSource(src, { stdin: undefined, out, err: this.options.stderr });
    } catch (e) {
      if (!(e instanceof ExitSignal)) throw e;
      this.status = e.code;
    }
    void saved;
    return out.text;
  }

  arithmetic(src: string): number {
    try {
      return evaluateArithmetic(src, { get: (n) => this.getVar(n), set: (n, v) => this.setVar(n, v) });
    } catch (e) {
      return this.fail(`arithmetic syntax error`);
    }
  }

  fail(message: string): never {
    this.options.stderr.write(`${this.prefix()}${message}\n`);
    throw new ExitSignal(this.options.flavor === 'bash' ? 1 : 2);
  }

  /** Runs a node; returns its exit status. */
  *run(node: Node, io: Io): Run {
    switch (node.t) {
      case 'list': {
        let status = 0;
        for (const item of node.items) status = yield* this.run(item, io);
        return status;
      }
      case 'andor': {
        let status = yield* this.run(node.first, io);
        for (const { op, node: next } of node.rest) {
          if ((op === '&&' && status === 0) || (op === '||' && status !== 0)) status = yield* this.run(next, io);
        }
        return (this.status = status);
      }
      case 'pipeline':
        return (this.status = yield* this.runPipeline(node.cmds, node.bang, io));
      case 'simple':
        return (this.status = yield* this.runSimple(node, io));
      case 'background':
        // No job control: background work runs when the script waits or ends.
        this.background.push(node.node);
        return (this.status = 0);
      case 'func':
        this.funcs.set(node.name, node.body);
        return (this.status = 0);
      default:
        return yield* this.withRedirects(node.redirs, io, (inner) => this.runCompound(node, inner));
    }
  }

  /** Runs queued background jobs (at `wait` and when the script ends). */
  *drainBackground(io: Io): Run {
    while (this.background.length > 0) yield* this.run(this.background.shift()!, io);
    return 0;
  }

  private *runCompound(node: Exclude<Node, { t: 'list' | 'andor' | 'pipeline' | 'simple' | 'background' | 'func' }>, io: Io): Run {
    switch (node.t) {
      case 'if': {
        for (const clause of node.clauses) {
          if ((yield* this.run(clause.cond, io)) === 0) return (this.status = yield* this.run(clause.body, io));
        }
        return (this.status = node.otherwise ? yield* this.run(node.otherwise, io) : 0);
      }
      case 'loop': {
        let status = 0;
        for (;;) {
          this.options.tick();
          const cond = yield* this.run(node.cond, io);
          if ((cond === 0) === node.until) break;
          const r = yield* this.loopBody(node.body, io);
          status = r.status;
          if (r.stop) break;
        }
        return (this.status = status);
      }
      case 'for': {
        const items: string[] = [];
        if (node.items) for (const w of node.items) items.push(...(yield* expandFields(this, w)));
        else items.push(...this.positional);
        let status = 0;
        for (const item of items) {
          this.options.tick();
          this.vars.set(node.name, item);
          const r = yield* this.loopBody(node.body, io);
          status = r.status;
          if (r.stop) break;
        }
        return (this.status = status);
      }
      case 'case': {
        const value = yield* expandString(this, node.word);
        for (const arm of node.arms) {
          for (const p of arm.patterns) {
            if (globToRegExp(yield* expandString(this, p)).test(value)) return (this.status = yield* this.run(arm.body, io));
          }
        }
        return (this.status = 0);
      }
      case 'group': {
        if (!node.subshell) return yield* this.run(node.body, io);
        // A subshell: variable changes and exit stay inside.
        const savedVars = new Map(this.vars);
        const savedCwd = this.cwd;
        try {
          return yield* this.run(node.body, io);
        } catch (e) {
          if (e instanceof ExitSignal) return (this.status = e.code);
          throw e;
        } finally {
          this.vars.clear();
          for (const [k, v] of savedVars) this.vars.set(k, v);
          this.cwd = savedCwd;
        }
      }
    }
  }

  private *loopBody(body: Node, io: Io): Generator<Yield, { status: number; stop: boolean }, void> {
    try {
      return { status: yield* this.run(body, io), stop: false };
    } catch (e) {
      if (!(e instanceof LoopSignal)) throw e;
      if (e.levels > 1) {
        e.levels--;
        throw e;
      }
      return { status: 0, stop: e.kind === 'break' };
    }
  }

  private *runPipeline(cmds: readonly Node[], bang: boolean, io: Io): Run {
    let stdin = io.stdin;
    let status = 0;
    for (let i = 0; i < cmds.length; i++) {
      const last = i === cmds.length - 1;
      const out = last ? io.out : new BufferSink();
      status = yield* this.run(cmds[i]!, { stdin, out, err: io.err });
      if (!last) stdin = (out as BufferSink).text;
    }
    return bang ? (status === 0 ? 1 : 0) : status;
  }

  private *runSimple(node: Extract<Node, { t: 'simple' }>, io: Io): Run {
    this.options.tick();
    const argv: string[] = [];
    for (const w of node.words) argv.push(...(yield* expandFields(this, w)));
    const assigns: [string, string][] = [];
    for (const a of node.assigns) assigns.push([a.name, yield* expandString(this, a.value)]);
    if (argv.length === 0) {
      for (const [k, v] of assigns) this.vars.set(k, v);
      return yield* this.withRedirects(node.redirs, io, function* () {
        return 0;
      });
    }
    return yield* this.withRedirects(node.redirs, io, (inner) => this.invoke(argv, assigns, inner));
  }

  /** Runs a command by name: function, builtin, then what the image ships. */
  invoke(argv: readonly string[], assigns: readonly [string, string][], io: Io): Run {
    return invoke(this, argv, assigns, io);
  }

  /** Resolves a path against the working directory. */
  resolvePath(path: string): string {
    return normalizePath(path.startsWith('/') ? path : `${this.cwd}/${path}`);
  }

  private withRedirects(redirs: readonly Redirect[], io: Io, body: (io: Io) => Run): Run {
    return withRedirects(this, redirs, io, body);
  }
}
