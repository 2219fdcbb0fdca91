/**
 * `kubetutor sandbox`: a cluster with no lesson — the prompt and the live panes only.
 */
import { useApp, useStdout } from 'ink';
import { useMemo, useState } from 'react';
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
}

export function SandboxApp(props: SandboxAppProps) {
  const { exit } = useApp();
  const { stdout } = useStdout();
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
      columns={props.columns ?? stdout.columns ?? 120}
      rows={props.rows ?? stdout.rows ?? 40}
      speed={speed}
      onSpeed={setSpeed}
      running={props.realTime ?? true}
      initialScrollback={welcome}
    />
  );
}
