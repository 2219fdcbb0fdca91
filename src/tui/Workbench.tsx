/**
 * The working screen: an optional lesson pane, the terminal, and the live Pods, Nodes and
 * Events panes, laid out for the terminal's size. It runs what the learner types through
 * the prompt shell and hands tutor words (hint, next, ...) to its owner.
 */
import { Box, Text, useInput } from 'ink';
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Cluster } from '../engine/cluster.js';
import type { KubectlResult } from '../kubectl/types.js';
import { kubectlTree } from '../kubectl/index.js';
import { computeLayout, PANES, type PaneName } from './layout.js';
import { EventsPane } from './panes/EventsPane.js';
import { NodesPane } from './panes/NodesPane.js';
import { PodsPane } from './panes/PodsPane.js';
import { INITIAL_SHELL, runShellInput, type ShellContext, type ShellState, type TutorWord } from './shell.js';
import { complete } from './terminal/completion.js';
import { TerminalPane, type ScrollbackLine } from './terminal/TerminalPane.js';
import { useHeldClusterSnapshot } from './use-cluster.js';
import { useClock } from './use-clock.js';
import { useSuspend } from './use-suspend.js';
import { useTerminalFocus } from './use-terminal-focus.js';
import { accent, muted } from './theme.js';

export interface WorkbenchProps {
  readonly cluster: Cluster;
  /** Runs kubectl (argv without `kubectl`) for the learner; `line` is the command as one prompt line. */
  readonly kubectl: (argv: readonly string[], stdin: string | undefined, line: string) => KubectlResult;
  /** Moves virtual time (a lesson journals it); default: the cluster's own advance. */
  readonly advance?: (ms: number) => void;
  /** The prompt's namespace (kubectl config set-context --current changes it). */
  readonly namespace: () => string;
  /** Workspace access for ls/cat. */
  readonly workspace: Pick<ShellContext, 'list' | 'read'>;
  /** A tutor word typed at the prompt; returns lines to show, if any. */
  readonly onTutor: (word: TutorWord, args: readonly string[]) => readonly ScrollbackLine[] | void;
  readonly onQuit: () => void;
  readonly columns: number;
  readonly rows: number;
  /** Lesson pane content; the sandbox has none. */
  readonly lesson?: (box: { width: number; height: number }) => ReactNode;
  readonly speed: number;
  readonly onSpeed?: (speed: number) => void;
  /** Whether virtual time runs (paused on home or in the background). */
  readonly running?: boolean;
  readonly initialScrollback?: readonly ScrollbackLine[];
  readonly onScrollback?: (lines: readonly ScrollbackLine[]) => void;
  /** The status line's right part (progress). */
  readonly status?: string;
  /** Whether the prompt has the keyboard (a choice list may take it). */
  readonly promptActive?: boolean;
  /** Commands for Up/Down from before (a resumed lesson). */
  readonly initialHistory?: readonly string[];
  /** The shell's starting aliases and variables. */
  readonly initialShell?: ShellState;
  /** Called when aliases or variables change (`alias`, `export`). */
  readonly onShell?: (state: ShellState) => void;
  /** Called after every entered line's effects; may add lines (e.g. "stage passed"). */
  readonly afterLine?: () => readonly ScrollbackLine[] | void;
}

const SPEEDS = [1, 2, 5, 10];
/** How long after a keystroke the panes wait before showing a change (see useHeldClusterSnapshot). */
const TYPING_QUIET_MS = 150;

export function Workbench(props: WorkbenchProps) {
  const { cluster, columns, rows, speed } = props;
  // When the learner last pressed a key: the panes wait for a pause in typing to redraw.
  const lastKey = useRef(-Infinity);
  const quietUntil = useCallback(() => lastKey.current + TYPING_QUIET_MS, []);
  const { snapshot, release } = useHeldClusterSnapshot(cluster, quietUntil);
  const [lines, setLines] = useState<readonly ScrollbackLine[]>(props.initialScrollback ?? []);
  // Refs, not only state: a paste submits several lines in one go, and each must see the
  // heredoc buffer and shell variables the line before it left.
  const shellRef = useRef<ShellState>(props.initialShell ?? INITIAL_SHELL);
  const bufferRef = useRef<string | undefined>(undefined);
  const [buffer, setBufferState] = useState<string | undefined>(undefined);
  const setBuffer = (b: string | undefined) => {
    bufferRef.current = b;
    setBufferState(b);
  };
  const [selected, setSelected] = useState<PaneName>('pods');
  const [allNamespaces, setAllNamespaces] = useState(false);
  const [hidePanes, setHidePanes] = useState(false);
  const [interrupts, setInterrupts] = useState(0);
  const ownAdvance = props.advance;
  const advance = useCallback((ms: number) => (ownAdvance ? ownAdvance(ms) : cluster.advance(ms)), [cluster, ownAdvance]);
  // The clock stops while the terminal window is in the background (focus reports) and
  // while the process is stopped (Ctrl-Z): the clock moves in fixed steps per tick.
  const focused = useTerminalFocus();
  const suspend = useSuspend();
  useClock(advance, { isActive: (props.running ?? true) && focused, speed });

  const append = useCallback(
    (more: readonly ScrollbackLine[]) => {
      setLines((prev) => {
        const next = [...prev, ...more].slice(-1000);
        props.onScrollback?.(next);
        return next;
      });
    },
    [props.onScrollback],
  );

  const submit = (line: string) => {
    setInterrupts(0);
    const pending = bufferRef.current;
    const shell = shellRef.current;
    const text = pending === undefined ? line : `${pending}\n${line}`;
    const prompt = pending === undefined ? 'controlplane $ ' : '> ';
    const echo: ScrollbackLine = { kind: 'command', text: `${prompt}${line}` };
    const ctx: ShellContext = { kubectl: props.kubectl, ...props.workspace };
    const r = runShellInput(text, shell, ctx);
    if (r.kind === 'incomplete') {
      setBuffer(text);
      append([echo]);
      return;
    }
    setBuffer(undefined);
    shellRef.current = r.state;
    if (r.state !== shell) props.onShell?.(r.state);
    const out: ScrollbackLine[] = [echo];
    for (const e of r.effects) {
      if (e.kind === 'clear') {
        setLines([]);
        out.length = 0;
        continue;
      }
      if (e.kind === 'output') {
        for (const c of e.chunks) out.push({ kind: c.stream, text: c.text.replace(/\n$/, '') });
        continue;
      }
      if (e.word === 'quit' || e.word === 'exit') {
        props.onQuit();
        return;
      }
      if (e.word === 'panes') {
        if (e.args[0] === 'all') setAllNamespaces((a) => !a);
        else if (e.args[0] === 'hide' || e.args[0] === 'show') setHidePanes(e.args[0] === 'hide');
        else setSelected((s) => PANES[(PANES.indexOf(s) + 1) % PANES.length]!);
        continue;
      }
      const shown = props.onTutor(e.word, e.args);
      if (shown) out.push(...shown);
    }
    const after = props.afterLine?.();
    if (after) out.push(...after);
    append(out);
    // The command's effect shows in the panes with its output, not after the typing pause.
    release();
  };

  useInput((input, key) => {
    lastKey.current = performance.now();
    if (key.ctrl && input === 'z') suspend();
    else if (key.ctrl && input === 't') setAllNamespaces((a) => !a);
    else if (key.ctrl && input === 'f') props.onSpeed?.(SPEEDS[(SPEEDS.indexOf(speed) + 1) % SPEEDS.length]!);
    else if (key.ctrl && input === 'o') setSelected((s) => PANES[(PANES.indexOf(s) + 1) % PANES.length]!);
  });

  const layout = computeLayout(columns, rows, { withLesson: !!props.lesson, selected, hidePanes });
  const namespace = allNamespaces ? undefined : props.namespace();
  const root = useMemo(() => kubectlTree().root, []);
  // Listed once per snapshot, so the memoized panes see the same arrays while the learner
  // types and only the prompt re-renders.
  const pods = useMemo(() => snapshot.list('pods', namespace), [snapshot, namespace]);
  const allPods = useMemo(() => snapshot.list('pods'), [snapshot]);
  const nodes = useMemo(() => snapshot.list('nodes'), [snapshot]);
  const events = useMemo(() => snapshot.list('events', namespace), [snapshot, namespace]);

  const pane = (name: PaneName, box: { width: number; height: number }) => {
    if (name === 'pods') return <PodsPane key="pods" pods={pods} now={snapshot.time} namespace={namespace} width={box.width} height={box.height} />;
    if (name === 'nodes') return <NodesPane key="nodes" nodes={nodes} pods={allPods} width={box.width} height={box.height} />;
    return <EventsPane key="events" events={events} now={snapshot.time} width={box.width} height={box.height} />;
  };

  const work = (
    <Box flexDirection="column" width={layout.terminal.width} flexShrink={0}>
      {layout.lesson && props.lesson?.(layout.lesson)}
      <TerminalPane
        lines={lines}
        width={layout.terminal.width}
        height={layout.terminal.height}
        prompt={buffer === undefined ? 'controlplane $ ' : '> '}
        onSubmit={submit}
        isActive={props.promptActive ?? true}
        {...(props.initialHistory ? { initialHistory: props.initialHistory } : {})}
        // The live cluster, not the drawn snapshot: an object made a moment ago completes.
        complete={(line) => complete(line, root, cluster.snapshot(), props.namespace())}
        onEof={props.onQuit}
        onInterrupt={() => {
          if (interrupts >= 1) props.onQuit();
          else {
            setInterrupts(1);
            append([{ kind: 'info', text: '(press Ctrl-C again on an empty line to quit, or type quit)' }]);
          }
        }}
      />
    </Box>
  );

  return (
    <Box flexDirection="column" width={columns}>
      {layout.tabs ? (
        <Box flexDirection="column">
          {work}
          <Text>
            {PANES.map((p) => (
              <Text key={p} color={p === selected ? accent() : muted()} bold={p === selected}>
                {p === selected ? `[${p}]` : ` ${p} `}{' '}
              </Text>
            ))}
            <Text color={muted()}>Ctrl-O next pane</Text>
          </Text>
          {layout.panes.map((p) => pane(p.name, p.box))}
        </Box>
      ) : (
        <Box flexDirection="row">
          {work}
          {/* An explicit width: without it yoga sizes the column to its content and the borders break. */}
          <Box flexDirection="column" width={columns - layout.terminal.width} flexShrink={0}>
            {layout.panes.map((p) => pane(p.name, p.box))}
          </Box>
        </Box>
      )}
      <Text color={muted()} wrap="truncate">
        {` ${focused ? `▶ ${speed}× time` : '‖ paused: the tutor is in the background'}   hint · next · reset · lessons · panes · edit FILE · help · quit   Ctrl-T all namespaces · Ctrl-F speed · Ctrl-Z suspend${props.status ? `   ${props.status}` : ''}`}
      </Text>
    </Box>
  );
}
