import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/engine/cluster.js';
import { installKubelets } from '../../../../src/engine/node/index.js';
import { createKubectlEnv, runKubectlLine, outputText, streamText } from '../../../../src/kubectl/index.js';
import type { ShellRequest } from '../../../../src/kubectl/commands/ops/exec.js';
import { debuggerSuffix } from '../../../../src/kubectl/commands/ops/debug-ephemeral.js';

const TARGETING = `Targeting container "web". If you don't see processes from this container it may be because the container runtime doesn't support this feature.\n`;
const PROMPT = "If you don't see a command prompt, try pressing enter.\n";

/** A cluster with real kubelets, a running nginx pod `web`, and kubectl over it. */
function withPod(options: { interactive?: boolean; openShell?: (r: ShellRequest) => number } = {}) {
  const cluster = createCluster();
  installKubelets(cluster);
  cluster.client().create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } });
  cluster.advance(10_000);
  const base = createKubectlEnv(cluster, { cwd: '/tmp', ...(options.interactive ? { interactive: true } : {}) });
  const k = (line: string, stdin?: string) => {
    const env = Object.assign(Object.create(base), stdin !== undefined ? { stdin } : {}, options.openShell ? { openShell: options.openShell } : {});
    const r = runKubectlLine(line, env);
    return { out: streamText(r.output, 'stdout'), err: streamText(r.output, 'stderr'), text: outputText(r.output), code: r.exitCode };
  };
  const ephemeral = () => cluster.client().get('pods', 'default', 'web');
  return { cluster, k, ephemeral };
}

describe('kubectl debug POD (ephemeral containers)', () => {
  it('defaults the container name, adds the container, and the kubelet runs it', () => {
    const { k, ephemeral, cluster } = withPod();
    const r = k('debug web --image=busybox:1.36 -- sleep 1d');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Defaulting debug container name to debugger-[bcdfghjklmnpqrstvwxz2456789]{5}\.\n$/);
    const name = /debugger-\w{5}/.exec(r.out)![0];
    cluster.advance(5000);
    const pod = ephemeral();
    expect(pod.ok && pod.value.spec.ephemeralContainers[0]).toMatchObject({ name, image: 'busybox:1.36', command: ['sleep', '1d'], terminationMessagePolicy: 'File' });
    expect(pod.ok && Object.keys(pod.value.status.ephemeralContainerStatuses[0].state)).toEqual(['running']);
  });

  it('prints the --target notice before anything else, and nothing with -q', () => {
    const { k } = withPod();
    expect(k('debug web --image=busybox:1.36 -c dbg --target=web').out).toBe(TARGETING);
    expect(k('debug web --image=busybox:1.36 -q --target=web').out).toBe('');
  });

  it('passes the server refusal of an unknown target through', () => {
    const { k } = withPod();
    expect(k('debug web --image=busybox:1.36 -c dbg --target=nope').text).toBe(
      'Targeting container "nope". If you don\'t see processes from this container it may be because the container runtime doesn\'t support this feature.\n' +
        'The Pod "web" is invalid: spec.ephemeralContainers[0].targetContainerName: Not found: "nope"\n',
    );
  });

  it.each([
    ['debug web', 'error: you must specify --image when not using --copy-to.\n'],
    ['debug --image=busybox', 'error: NAME or filename is required for debug\n'],
    ['debug web --image=busybox -t', 'error: -i/--stdin is required for containers with -t/--tty=true\n'],
    ['debug web --image=busybox --copy-to=x --target=web', 'error: --target is incompatible with --copy-to. Use --share-processes instead.\n'],
    ['debug web --image=busybox --replace', 'error: --replace may only be used with --copy-to.\n'],
    ['debug web --image=Busybox', 'error: invalid image name "Busybox": invalid reference format\n'],
    ['debug web --image=busybox --image-pull-policy=Sometimes', 'error: invalid image pull policy: Sometimes\n'],
    ['debug web --image=busybox --profile=admin', 'error: unknown profile: admin\n'],
    ['debug nope --image=busybox', 'Error from server (NotFound): pods "nope" not found\n'],
    ['debug svc/kubernetes --image=busybox', 'error: "/v1, Kind=Service" not supported by debug\n'],
  ])('%s fails as kubectl does', (line, text) => {
    expect(withPod().k(line).text).toBe(text);
  });

  it('with -it in a transcript waits for the container, says what kubectl says without a TTY, then points to exec', () => {
    const { k } = withPod();
    const r = k('debug -it web --image=busybox:1.36 -c dbg --target=web');
    expect(r.out).toBe(TARGETING);
    expect(r.err).toBe(
      'Unable to use a TTY - input is not a terminal or the right kind of file\n' +
        PROMPT +
        "kubetutor: the debugging shell waits for a terminal; in the tutor's terminal `kubectl debug -it` opens it.\n" +
        'In a script, feed it a heredoc or run a command in it, e.g. `kubectl exec web -c dbg -- ps`.\n',
    );
    expect(k('exec web -c dbg -- ps').out).toBe(
      ['PID   USER     TIME  COMMAND', '    1 root      0:00 nginx -g daemon off;', '    7 root      0:00 sh', '   13 root      0:00 ps', ''].join('\n'),
    );
  });

  it('with -i feeds a heredoc to the shell', () => {
    const { k } = withPod();
    const r = k('debug -i web --image=busybox:1.36 -c dbg', 'hostname\necho $HOSTNAME\n');
    expect([r.out, r.err]).toEqual(['web\nweb\n', PROMPT]);
  });

  it('with -i and a command follows the container to its end and prints its output', () => {
    const { k } = withPod();
    const r = k(`debug -i web --image=busybox:1.36 -c once -- sh -c 'echo start; sleep 5; echo done'`);
    expect([r.out, r.err, r.code]).toEqual(['start\ndone\n', PROMPT, 0]);
  });

  it('warns with each waiting message while the image cannot be pulled', () => {
    const { k } = withPod();
    const r = k('debug -i web --image=busybox:nope -c bad');
    expect(r.err.split('\n')[1]).toBe('Warning: container bad: Back-off pulling image "busybox:nope"');
    expect(r.code).toBe(1);
  });

  it('opens the shell in the tutor terminal and prints the reattach hint afterwards', () => {
    const requests: ShellRequest[] = [];
    const { k } = withPod({ interactive: true, openShell: (req) => (requests.push(req), 0) });
    const r = k('debug -it web --image=busybox:1.36 -c dbg');
    expect(requests).toEqual([{ namespace: 'default', pod: 'web', container: 'dbg', command: ['sh'] }]);
    expect(r.err).toBe(PROMPT);
    expect(r.out).toBe("Session ended, the ephemeral container will not be restarted but may be reattached using 'kubectl attach web -c dbg -n default -i -t' if it is still running\n");
  });

  it('draws the name suffix from utilrand\'s alphabet, the same for the same seed', () => {
    expect(debuggerSuffix('a')).toBe(debuggerSuffix('a'));
    expect(debuggerSuffix('a')).not.toBe(debuggerSuffix('b'));
    expect(debuggerSuffix('a')).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });
});
