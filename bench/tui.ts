/**
 * TUI figures: cold start of the built `kubetutor` to its first frame (home, and a lesson
 * with its panes) beside a bare `node -e 0` and a one-frame Ink hello world, as medians of
 * several runs in wall time (to the exit that follows the first frame, and for home and the
 * hello world also to the frame's arrival on stdout); and keystroke-to-echo latency at the
 * prompt with 1,000 pods on the cluster.
 */
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { render } from 'ink';
import { createElement } from 'react';
import { createCluster } from '../src/engine/cluster.js';
import { SandboxApp } from '../src/tui/SandboxApp.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A wall-time figure: median and 95th percentile in ms. */
export interface WallFigure {
  readonly name: string;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly runs: number;
  /** The issue's target and whether it is met. */
  readonly target?: string;
}

function stats(name: string, samples: number[]): WallFigure {
  const s = [...samples].sort((a, b) => a - b);
  return { name, medianMs: s[Math.floor(s.length / 2)]!, p95Ms: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]!, runs: s.length };
}

/** A command to start cold: its figure's name and node's arguments. */
interface ColdStart {
  readonly name: string;
  readonly args: readonly string[];
  /** Text of its first frame, to time the frame's arrival on stdout by. */
  readonly frame?: string;
}

/** One cold start: when its first frame arrived on stdout (if it has one), and its exit. */
interface ColdRun {
  readonly frameMs: number;
  readonly exitMs: number;
}

// Runs the command once with a fresh home (so no progress is saved), timing its first frame
// and its exit. Not "in CI": Ink holds every frame back until exit there, and a learner's
// terminal never is.
function spawnTimed({ name, args, frame }: ColdStart): Promise<ColdRun> {
  const home = mkdtempSync(join(tmpdir(), 'kt-bench-'));
  const env: Record<string, string | undefined> = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), KUBETUTOR_HOME: join(home, 'progress'), KUBETUTOR_WORKSPACE: join(home, 'work'), KUBETUTOR_EXIT_AFTER_FIRST_FRAME: '1', COLUMNS: '160', LINES: '48' };
  for (const v of ['CI', 'CONTINUOUS_INTEGRATION', 'GITHUB_ACTIONS']) delete env[v];
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let frameMs: number | undefined;
    let stdout = '';
    let stderr = '';
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env });
    child.stdout.on('data', (d: Buffer) => {
      stdout += d;
      if (frame !== undefined && frameMs === undefined && stdout.includes(frame)) frameMs = performance.now() - start;
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (code) => {
      const exitMs = performance.now() - start;
      rmSync(home, { recursive: true, force: true });
      if (code !== 0) reject(new Error(`${name}: exit ${code}: ${stderr}`));
      else if (frame !== undefined && frameMs === undefined) reject(new Error(`${name}: no frame with ${JSON.stringify(frame)} on stdout`));
      else resolve({ frameMs: frameMs ?? exitMs, exitMs });
    });
  });
}

// Times each command `runs` times (after one warm-up round for the disk cache), taking turns
// so that the load of a busy machine falls on all of them alike, not on whichever ran last.
async function coldStarts(commands: readonly ColdStart[], runs = 7): Promise<ColdRun[][]> {
  const samples = commands.map((): ColdRun[] => []);
  for (let i = 0; i <= runs; i++) {
    for (const [j, c] of commands.entries()) {
      const run = await spawnTimed(c);
      if (i > 0) samples[j]!.push(run);
    }
  }
  return samples;
}

class FakeStdout extends EventEmitter {
  columns = 160;
  rows = 48;
  isTTY = true;
  last = '';
  write = (frame: string) => ((this.last = frame), true);
}
class FakeStdin extends EventEmitter {
  isTTY = true;
  data: string | null = null;
  write(data: string) {
    this.data = data;
    this.emit('readable');
  }
  read = () => {
    const d = this.data;
    this.data = null;
    return d;
  };
  setEncoding() {}
  setRawMode() {}
  ref() {}
  unref() {}
  resume() {}
  pause() {}
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001B\[[0-9;]*m/g;
const nextTurn = () => new Promise((r) => setImmediate(r));

/**
 * Keystroke to echoed character at the sandbox prompt with `pods` pods in the default
 * namespace, typed at a fast typist's pace while the clock runs in real time (so the panes
 * refresh between keys, as they do for a learner): the wall time from the key to the frame
 * that shows it, and the CPU time spent in that span (less sensitive to a busy machine).
 */
export async function keystrokeLatency(pods = 1000, keys = 60, gapMs = 80): Promise<{ wall: WallFigure; cpu: WallFigure }> {
  const nodes = [{ name: 'controlplane', role: 'control-plane' as const }, ...Array.from({ length: 20 }, (_, i) => ({ name: `node${String(i + 1).padStart(2, '0')}`, capacity: { cpu: '64', memory: '256Gi', pods: '250' } }))];
  const cluster = createCluster({ nodes }, { seed: 1 });
  const api = cluster.client();
  for (let i = 0; i < pods / 10; i++) {
    api.create('deployments', 'default', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: `app${i}` }, spec: { replicas: 10, selector: { matchLabels: { app: `app${i}` } }, template: { metadata: { labels: { app: `app${i}` } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } } } });
  }
  cluster.advance(60_000);
  const stdout = new FakeStdout();
  const stdin = new FakeStdin();
  const app = render(createElement(SandboxApp, { cluster, workspace: tmpdir(), columns: 160, rows: 48, realTime: true }), { stdout: stdout as never, stdin: stdin as never, debug: true, exitOnCtrlC: false, patchConsole: false });
  for (let i = 0; i < 20; i++) await nextTurn();
  const samples: number[] = [];
  const cpu: number[] = [];
  let typed = 'controlplane $ ';
  for (let i = 0; i < keys; i++) {
    // No spaces: a space echoes as the cursor cell already showed, so it cannot be told apart.
    const ch = 'kubectl-get-pods-'[i % 17]!;
    typed += ch;
    const want = typed;
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    stdin.write(ch);
    while (!stdout.last.replace(ANSI, '').includes(want)) {
      if (performance.now() - start > 5000) throw new Error(`keystroke ${i} never echoed: ${JSON.stringify(want)} in\n${stdout.last.replace(ANSI, '')}`);
      await nextTurn();
    }
    samples.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
    await new Promise((r) => setTimeout(r, gapMs));
    if (i % 17 === 16) typed = typed.slice(0, -17); // the line wraps in the pane; start the word again
    if (i % 17 === 16) {
      stdin.write('\u0003'); // Ctrl-C clears the line
      for (let j = 0; j < 5; j++) await nextTurn();
    }
  }
  app.unmount();
  const where = `${cluster.internals.store.count('pods')} pods on the cluster, clock running, a key every ${gapMs} ms`;
  return { wall: stats(`keystroke to echo at the prompt, ${where}`, samples), cpu: stats(`CPU per keystroke echo (same run)`, cpu) };
}

/** Every TUI figure; the issue's targets: home within 2x the Ink hello world, keystroke under 16 ms. */
export async function tuiFigures(): Promise<WallFigure[]> {
  const commands: ColdStart[] = [
    { name: 'node -e 0', args: ['-e', '0'] },
    { name: 'one-frame Ink hello world (bundled)', args: ['dist/ink-hello.js'], frame: 'hello, world' },
    { name: 'kubetutor --version (no TUI loaded)', args: ['dist/cli.js', '--version'] },
    { name: 'kubetutor to the first frame of home', args: ['dist/cli.js'], frame: 'stages done' },
    { name: 'kubetutor open 01-architecture to its first frame with panes', args: ['dist/cli.js', 'open', '01-architecture'] },
  ];
  const runs = await coldStarts(commands);
  // Each process exits once its first frame is drawn: the time to exit, which counts Ink's
  // teardown too, as the issue's figure; beside it, when the frame itself reached stdout.
  const [node, hello, version, home, open] = commands.map((c, i) => stats(c.name, runs[i]!.map((r) => r.exitMs))) as [WallFigure, WallFigure, WallFigure, WallFigure, WallFigure];
  const [helloFrame, homeFrame] = [1, 3].map((i) => stats(`${commands[i]!.name}: the frame on stdout`, runs[i]!.map((r) => r.frameMs))) as [WallFigure, WallFigure];
  const keys = await keystrokeLatency();
  return [
    node,
    hello,
    version,
    { ...home, target: `< 2x hello world (${(2 * hello.medianMs).toFixed(0)} ms): ${home.medianMs < 2 * hello.medianMs ? 'ok' : 'MISSED'}` },
    helloFrame,
    { ...homeFrame, target: `< 2x hello world's (${(2 * helloFrame.medianMs).toFixed(0)} ms): ${homeFrame.medianMs < 2 * helloFrame.medianMs ? 'ok' : 'MISSED'}` },
    open,
    { ...keys.wall, target: `< 16 ms: median ${keys.wall.medianMs < 16 ? 'ok' : 'MISSED'}, p95 ${keys.wall.p95Ms < 16 ? 'ok' : 'MISSED'}` },
    keys.cpu,
  ];
}

/** Prints wall-time figures. */
export function reportWall(figures: readonly WallFigure[]): void {
  for (const f of figures) console.log(`${f.name.padEnd(72)} ${f.medianMs.toFixed(1).padStart(9)} ms median ${f.p95Ms.toFixed(1).padStart(8)} ms p95  (${f.runs} runs)${f.target ? `   target ${f.target}` : ''}`);
}
