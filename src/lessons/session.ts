/**
 * The lesson session: the state machine the TUI displays and tests drive. It owns the
 * lesson's cluster and terminal, the current stage, hints, the answer, and the journal
 * that makes progress resumable: every command (with the files it read and what the
 * editor returned) and every time step is journaled, and a saved session is restored by
 * replaying the journal on a fresh cluster with the lesson's seed — exact, because the
 * engine is deterministic. Words like `hint` or `next` typed at the prompt are the TUI's
 * business; it calls the methods here.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Cluster } from '../engine/cluster.js';
import { clusterNetwork } from '../engine/index.js';
import { runKubectlLine, withStdin } from '../kubectl/index.js';
import type { EditorHook, KubectlEnv, KubectlResult } from '../kubectl/types.js';
import type { ProgressStore } from '../progress/store.js';
import type { JournalEntry, LessonProgress, StageProgress } from '../progress/types.js';
import { compileCheck, type Check, type CommandRecord, type NetworkProbe } from './checks/index.js';
import { networkProbe } from './checks/network.js';
import { bootLesson } from './runtime.js';
import type { Lesson, Stage } from './types.js';

/** What `next()` found: the stage passed (and the next one opened), the lesson is done, or not yet. */
export type StageOutcome = 'stage-passed' | 'lesson-complete' | 'pending';

/** One check's line in the stage panel. */
export interface CheckLine {
  readonly type: string;
  readonly ok: boolean;
  readonly message: string;
}

/** The current stage's checks, evaluated now. */
export interface StageEvaluation {
  readonly passed: boolean;
  readonly checks: readonly CheckLine[];
}

/** How a session is set up. */
export interface SessionOptions {
  /** The workspace root: the lesson's files go to `<root>/<lesson id>/`. */
  readonly workspaceRoot: string;
  /** Where progress is saved and restored from; without it nothing is saved. */
  readonly progress?: ProgressStore;
  /** Opens the learner's editor for `kubectl edit`. */
  readonly editor?: EditorHook;
  /**
   * The network probe for `reachable` checks without a `from` pod (default: the cluster's
   * own network, sending from the control-plane node as the learner's terminal does).
   */
  readonly network?: (cluster: Cluster) => NetworkProbe | undefined;
  readonly interactive?: boolean;
  /** Wall clock for progress timestamps (the engine never reads it; tests pin it). */
  readonly wallClock?: () => Date;
  /** Minimum wall milliseconds between saves caused by time steps alone (default 1000). */
  readonly advanceSaveIntervalMs?: number;
}

function defaultProbe(cluster: Cluster): NetworkProbe | undefined {
  const network = clusterNetwork(cluster);
  return network ? networkProbe(network) : undefined;
}

/** A short hash of a lesson's text: saved progress replays only on the same lesson. */
export function lessonHash(lesson: Lesson): string {
  return createHash('sha256').update(lesson.source).digest('hex').slice(0, 16);
}

/** A lesson being played. */
export class LessonSession {
  private journal: JournalEntry[] = [];
  private stages: Record<string, StageProgress> = {};
  private index = 0;
  private done = false;
  private history: CommandRecord[] = [];
  private stageOpenedAt = 0;
  private runtime!: { cluster: Cluster; env: KubectlEnv; network?: NetworkProbe };
  private checks: readonly Check[] = [];
  private readonly listeners = new Set<() => void>();
  private startedAt: string;
  private lastSave = 0;
  private dirty = false;
  // Live: recording what a command reads; replay: serving what it read then.
  private reads: Record<string, string | null> | undefined;
  private edits: (string | null)[] | undefined;
  private replaying = false;

  private constructor(
    readonly lesson: Lesson,
    private readonly opts: SessionOptions,
  ) {
    this.startedAt = this.wallNow();
  }

  /** Opens a lesson: restores saved progress (by replay) when there is some for this lesson text, else starts it. */
  static open(lesson: Lesson, opts: SessionOptions): LessonSession {
    const session = new LessonSession(lesson, opts);
    const saved = opts.progress?.get(lesson.id);
    if (saved) session.restore(saved);
    else session.start();
    return session;
  }

  /** The folder the learner's files are in (kubectl's working directory). */
  get workspace(): string {
    return join(this.opts.workspaceRoot, this.lesson.id);
  }

  get cluster(): Cluster {
    return this.runtime.cluster;
  }

  get env(): KubectlEnv {
    return this.runtime.env;
  }

  /** Index of the current stage; `lesson.stages.length` once complete. */
  get stageIndex(): number {
    return this.index;
  }

  /** The current stage, undefined once the lesson is complete. */
  get stage(): Stage | undefined {
    return this.done ? undefined : this.lesson.stages[this.index];
  }

  get complete(): boolean {
    return this.done;
  }

  /** Hints revealed so far in the current stage, in order. */
  get hints(): readonly string[] {
    const stage = this.stage;
    return stage ? stage.hints.slice(0, this.progressOf(stage).hintsUsed) : [];
  }

  /** The answer given in the current stage, if any. */
  get answerText(): string | undefined {
    return this.stage ? this.progressOf(this.stage).answer : undefined;
  }

  /** Per-stage records (attempts, hints, answers, passes). */
  get stageRecords(): Readonly<Record<string, StageProgress>> {
    return this.stages;
  }

  /** Commands of the current stage. */
  get commands(): readonly CommandRecord[] {
    return this.history;
  }

  /**
   * Runs a line typed at the prompt; `stdin` is what it reads (a heredoc's body for
   * `kubectl apply -f - <<EOF`, with `line` the command without the redirection).
   */
  runCommand(line: string, stdin?: string): KubectlResult {
    this.reads = {};
    this.edits = [];
    const result = this.execute(line, stdin);
    const reads = this.reads;
    const edits = this.edits;
    this.reads = undefined;
    this.edits = undefined;
    this.journal.push({
      k: 'run',
      line,
      ...(stdin !== undefined ? { stdin } : {}),
      ...(Object.keys(reads).length ? { reads } : {}),
      ...(edits.length ? { edits } : {}),
    });
    this.history.push({ line, exitCode: result.exitCode, at: this.runtime.cluster.now() });
    const stage = this.stage;
    if (stage) this.updateStage(stage, (p) => ({ ...p, attempts: p.attempts + 1 }));
    this.changed(true);
    return result;
  }

  /** Moves virtual time (the TUI's clock; keep the step constant so the journal stays short). */
  advance(ms: number): void {
    this.runtime.cluster.advance(ms);
    const last = this.journal.at(-1);
    if (last?.k === 'adv' && last.ms === ms) this.journal[this.journal.length - 1] = { k: 'adv', ms, n: last.n + 1 };
    else this.journal.push({ k: 'adv', ms, n: 1 });
    const interval = this.opts.advanceSaveIntervalMs ?? 1000;
    this.changed(Date.now() - this.lastSave >= interval);
  }

  /** The current stage's checks, now. */
  evaluate(): StageEvaluation {
    const stage = this.stage;
    if (!stage) return { passed: true, checks: [] };
    const api = this.runtime.cluster.client();
    const answer = this.progressOf(stage).answer;
    const ctx = { history: this.history, now: this.runtime.cluster.now(), ...(answer !== undefined ? { answer } : {}), ...(this.runtime.network ? { network: this.runtime.network } : {}) };
    const checks = this.checks.map((c) => ({ type: c.type, ...c.evaluate(api, ctx) }));
    return { passed: checks.every((c) => c.ok), checks };
  }

  /** Reveals the next hint of the current stage; undefined when there are no more. */
  revealHint(): string | undefined {
    const stage = this.stage;
    if (!stage) return undefined;
    const used = this.progressOf(stage).hintsUsed;
    if (used >= stage.hints.length) return undefined;
    this.updateStage(stage, (p) => ({ ...p, hintsUsed: used + 1 }));
    this.changed(true);
    return stage.hints[used];
  }

  /** Records an answer to the current stage's question; returns whether it is accepted. */
  answer(text: string): boolean {
    const stage = this.stage;
    if (!stage?.question) return false;
    this.updateStage(stage, (p) => ({ ...p, answer: text }));
    this.changed(true);
    return this.evaluate().checks.filter((c) => c.type === 'answer').every((c) => c.ok);
  }

  /** Moves on when the stage's checks pass. */
  next(): StageOutcome {
    const stage = this.stage;
    if (!stage) return 'lesson-complete';
    if (!this.evaluate().passed) return 'pending';
    const seconds = Math.round((this.runtime.cluster.now() - this.stageOpenedAt) / 1000);
    this.updateStage(stage, (p) => ({ ...p, passed: { at: this.wallNow(), seconds } }));
    if (this.index === this.lesson.stages.length - 1) {
      this.done = true;
      this.index = this.lesson.stages.length;
      this.checks = [];
      this.changed(true);
      return 'lesson-complete';
    }
    this.openStage(this.index + 1, true);
    this.changed(true);
    return 'stage-passed';
  }

  /** Puts the cluster and the stage's files back as they were when the stage opened. */
  resetStage(): void {
    if (this.done) return;
    const mark = this.journal.findIndex((e) => e.k === 'stage' && e.index === this.index);
    this.journal = this.journal.slice(0, mark + 1);
    this.rebuild();
    this.writeStageFiles(this.lesson.stages[this.index]!);
    this.changed(true);
  }

  /** Starts the lesson over: fresh cluster, first stage, no records. */
  resetLesson(): void {
    this.journal = [];
    this.stages = {};
    this.done = false;
    this.startedAt = this.wallNow();
    this.start();
    this.changed(true);
  }

  /** Calls the listener after every change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Writes pending progress (time steps are saved at most once a second). */
  flush(): void {
    if (this.dirty) this.save();
  }

  // --- internals ---

  private start(): void {
    this.boot();
    this.openStage(0, true);
    this.save();
  }

  private restore(saved: LessonProgress): void {
    this.stages = { ...saved.stages };
    this.startedAt = saved.startedAt;
    if (saved.lessonHash !== lessonHash(this.lesson)) {
      // The lesson changed since: its journal may no longer replay to the same place.
      this.start();
      return;
    }
    this.journal = [...saved.journal];
    this.rebuild();
    if (saved.complete) {
      this.done = true;
      this.index = this.lesson.stages.length;
      this.checks = [];
    }
  }

  // A fresh cluster with setup, then the journal replayed.
  private rebuild(): void {
    this.boot();
    this.replaying = true;
    try {
      for (const entry of this.journal) {
        if (entry.k === 'stage') this.openStage(entry.index, false);
        else if (entry.k === 'adv') for (let i = 0; i < entry.n; i++) this.runtime.cluster.advance(entry.ms);
        else this.replay(entry);
      }
    } finally {
      this.replaying = false;
    }
  }

  private replay(entry: Extract<JournalEntry, { k: 'run' }>): void {
    this.reads = { ...(entry.reads ?? {}) };
    this.edits = [...(entry.edits ?? [])];
    const result = this.execute(entry.line, entry.stdin);
    this.reads = undefined;
    this.edits = undefined;
    this.history.push({ line: entry.line, exitCode: result.exitCode, at: this.runtime.cluster.now() });
  }

  private execute(line: string, stdin: string | undefined): KubectlResult {
    return runKubectlLine(line, stdin === undefined ? this.runtime.env : withStdin(this.runtime.env, stdin));
  }

  private boot(): void {
    const editor = this.opts.editor;
    const runtime = bootLesson(this.lesson, {
      cwd: this.workspace,
      ...(this.opts.interactive ? { interactive: true } : {}),
      ...(editor ? { editor: (text: string, name: string) => this.edit(editor, text, name) } : {}),
      readFile: (path, disk) => this.readFile(path, disk),
    });
    const network = this.opts.network ? this.opts.network(runtime.cluster) : defaultProbe(runtime.cluster);
    this.runtime = { cluster: runtime.cluster, env: runtime.env, ...(network ? { network } : {}) };
    this.history = [];
  }

  private readFile(path: string, disk: (path: string) => string | undefined): string | undefined {
    if (this.replaying && this.reads && path in this.reads) return this.reads[path] ?? undefined;
    const text = disk(path);
    if (this.reads && !this.replaying) this.reads[path] = text ?? null;
    return text;
  }

  private edit(editor: EditorHook, text: string, name: string): string | undefined {
    if (this.replaying) {
      const recorded = this.edits?.shift();
      return recorded === undefined || recorded === null ? undefined : recorded;
    }
    const edited = editor(text, name);
    this.edits?.push(edited ?? null);
    return edited;
  }

  private openStage(index: number, live: boolean): void {
    const stage = this.lesson.stages[index]!;
    this.index = index;
    this.done = false;
    this.history = [];
    this.stageOpenedAt = this.runtime.cluster.now();
    this.checks = stage.checks.map((c) => compileCheck(c, stage.question));
    if (!live) return;
    this.journal.push({ k: 'stage', index });
    this.writeStageFiles(stage);
  }

  private writeStageFiles(stage: Stage): void {
    for (const file of stage.files) {
      const path = join(this.workspace, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
    }
    if (stage.files.length === 0) mkdirSync(this.workspace, { recursive: true });
  }

  private progressOf(stage: Stage): StageProgress {
    return this.stages[stage.id] ?? { attempts: 0, hintsUsed: 0 };
  }

  private updateStage(stage: Stage, change: (p: StageProgress) => StageProgress): void {
    this.stages = { ...this.stages, [stage.id]: change(this.progressOf(stage)) };
  }

  private changed(save: boolean): void {
    this.dirty = true;
    if (save) this.save();
    for (const l of this.listeners) l();
  }

  private save(): void {
    this.dirty = false;
    this.lastSave = Date.now();
    this.opts.progress?.put(this.toProgress());
  }

  private toProgress(): LessonProgress {
    return {
      lessonId: this.lesson.id,
      lessonHash: lessonHash(this.lesson),
      stage: this.index,
      complete: this.done,
      stages: this.stages,
      journal: this.journal,
      startedAt: this.startedAt,
      updatedAt: this.wallNow(),
    };
  }

  private wallNow(): string {
    return (this.opts.wallClock?.() ?? new Date()).toISOString();
  }
}
