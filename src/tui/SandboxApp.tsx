/**
 * `kubetutor sandbox`: a cluster with no lesson — the prompt and the live panes only.
 */
import { useApp } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import type { QuitSignal } from './App.js';
import { useTerminalSize } from './use-terminal-size.js';
import { createCluster, type Cluster } from '../engine/cluster.js';
import { createKubectlEnv, runKubectl, withStdin } from '../kubectl/index.js';
import { Workbench } from './Workbench.js';
import type { ScrollbackLine } from './terminal/TerminalPane.js';
import { workspaceAccess } from './workspace.js';
import { HELP_LINES } from './help.js';

export interface SandboxAppProps {
  readonly seed?: number;
  readonly speed?: number;
  readonly cluster?: Cluster;
  /** Folder `ls`, `cat` and `kubectl apply -f` read from. */
  readonly workspace: string;
  /** Fixed size (tests); otherwise the terminal's. */
  readonly columns?: number;
  readonly rows?: number;
  /** Whether the clock runs in real time (tests drive it themselves). */
  readonly realTime?: boolean;
  /** Asks the sandbox to quit (SIGTERM). */
  readonly signals?: QuitSignal;
  /** Called once the first frame is drawn (start-up benchmarks). */
  readonly onFirstFrame?: (screen: 'sandbox') => void;
}

export function SandboxApp(props: SandboxAppProps) {
  const { exit } = useApp();
  const size = useTerminalSize({ ...(props.columns ? { columns: props.columns } : {}), ...(props.rows ? { rows: props.rows } : {}) });
  useEffect(() => props.signals?.subscribe(() => exit()), [props.signals, exit]);
  useEffect(() => {
    props.onFirstFrame?.('sandbox');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const cluster = useMemo(() => props.cluster ?? createCluster(undefined, { seed: props.seed ?? 1 }), [props.cluster, props.seed]);
  const env = useMemo(() => createKubectlEnv(cluster, { cwd: props.workspace, interactive: true }), [cluster, props.workspace]);
  const [speed, setSpeed] = useState(props.speed ?? 1);
  const welcome: ScrollbackLine[] = [{ kind: 'info', text: 'Sandbox: a 3-node cluster of your own. Type kubectl commands; `help` lists what else works.' }];
  return (
    <Workbench
      cluster={cluster}
      kubectl={(argv, stdin) => runKubectl(argv, withStdin(env, stdin))}
      namespace={() => env.namespace}
      workspace={workspaceAccess(props.workspace)}
      onTutor={(word) => (word === 'help' ? HELP_LINES : [{ kind: 'info', text: `${word}: there is no lesson open in the sandbox` }])}
      onQuit={() => exit()}
      columns={size.columns}
      rows={size.rows}
      speed={speed}
      onSpeed={setSpeed}
      running={props.realTime ?? true}
      initialScrollback={welcome}
    />
  );
}
