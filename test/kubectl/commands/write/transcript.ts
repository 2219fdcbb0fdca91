/** A session against a fresh default cluster: run kubectl lines and read what they printed. */
import { createCluster, type Cluster } from '../../../../src/engine/cluster.js';
import { createKubectlEnv, runKubectlLine, outputText, streamText } from '../../../../src/kubectl/index.js';
import type { KubectlEnv } from '../../../../src/kubectl/types.js';
import { withStdin } from '../../../../src/kubectl/env.js';

export interface Session {
  readonly cluster: Cluster;
  readonly env: KubectlEnv;
  /** All output of one line (stdout and stderr interleaved) and its exit code. */
  run(line: string, stdin?: string): { text: string; stdout: string; stderr: string; code: number };
}

/** A new session; `files` become the workspace (paths relative to /work). */
export function session(files: Record<string, string> = {}, opts: { editor?: KubectlEnv['editor'] } = {}): Session {
  const cluster = createCluster();
  const env = createKubectlEnv(cluster, { cwd: '/work', files: Object.fromEntries(Object.entries(files).map(([k, v]) => [`/work/${k}`, v])), editor: opts.editor });
  return {
    cluster,
    env,
    run(line, stdin) {
      const r = runKubectlLine(line, stdin === undefined ? env : withStdin(env, stdin));
      return { text: outputText(r.output), stdout: streamText(r.output, 'stdout'), stderr: streamText(r.output, 'stderr'), code: r.exitCode };
    },
  };
}
