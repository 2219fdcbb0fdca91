import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../src/engine/api/types.js';
import { deployment, session } from './helpers.js';

function pod(name: string, containers: object[], extra: Partial<KubeObject['spec']> = {}, annotations?: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: name }, ...(annotations ? { annotations } : {}) }, spec: { containers, ...extra } };
}

const crasher = pod('crash', [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'echo starting; echo boom >&2; exit 3'] }]);
const twoContainers = pod('duo', [
  { name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'echo from app; sleep 3600'] },
  { name: 'sidecar', image: 'busybox:1.36', command: ['sh', '-c', 'echo from sidecar; sleep 3600'] },
], { initContainers: [{ name: 'init', image: 'busybox:1.36', command: ['sh', '-c', 'echo init done'] }] });

describe('kubectl logs (real kubelet)', () => {
  it('prints a crashing container\'s logs, and --previous the last terminated run', () => {
    const s = session({ kubelet: 'real' });
    s.create('pods', crasher);
    s.cluster.advance(30_000);
    expect(s.k('logs crash').out).toBe('starting\nboom\n');
    expect(s.k('logs crash --previous').out).toBe('starting\nboom\n');
    expect(s.k('logs crash --tail=1').out).toBe('boom\n');
  });

  it('defaults to the first container of a multi-container pod, saying so on stderr', () => {
    const s = session({ kubelet: 'real' });
    s.create('pods', twoContainers);
    s.cluster.advance(30_000);
    const r = s.k('logs duo');
    expect(r.err).toBe('Defaulted container "app" out of: app, sidecar, init (init)\n');
    expect(r.out).toBe('from app\n');
    expect(s.k('logs duo -c sidecar').text).toBe('from sidecar\n');
    expect(s.k('logs duo --all-containers --prefix').out).toBe('[pod/duo/init] init done\n[pod/duo/app] from app\n[pod/duo/sidecar] from sidecar\n');
  });

  it('keeps lines from --since-time on, and cuts each log at --limit-bytes', () => {
    const s = session({ kubelet: 'real' });
    s.create('pods', pod('ticker', [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'while true; do echo tick; sleep 10; done'] }]));
    s.cluster.advance(35_000);
    const all = s.k('logs ticker --timestamps').out.split('\n').filter(Boolean);
    expect(all.length).toBeGreaterThan(2);
    const third = all[2]!.split(' ')[0]!.replace(/\.\d+Z$/, 'Z');
    expect(s.k(`logs ticker --since-time=${third}`).out).toBe('tick\n'.repeat(all.length - 2));
    expect(s.k('logs ticker --limit-bytes=7').out).toBe('tick\nti');
  });

  it.each([
    ['logs duo --since=1m --since-time=2024-07-01T10:00:00Z', 'error: at most one of `sinceTime` or `sinceSeconds` may be specified\n'],
    ['logs duo --since-time=yesterday', 'error: parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"\n'],
    ['logs duo --all-containers -c app', 'error: --all-containers=true should not be specified with container name app\n'],
    ['logs duo --limit-bytes=-1', 'error: --limit-bytes must be greater than 0\n'],
    ['logs duo --tail=-2', 'error: --tail must be greater than or equal to -1\n'],
  ])('%s is refused by LogsOptions.Validate', (line, err) => {
    const s = session({ kubelet: 'real' });
    s.create('pods', twoContainers);
    expect(s.k(line)).toMatchObject({ text: err, code: 1 });
  });

  it('honours the default-container annotation', () => {
    const s = session({ kubelet: 'real' });
    s.create('pods', { ...twoContainers, metadata: { ...twoContainers.metadata, annotations: { 'kubectl.kubernetes.io/default-container': 'sidecar' } } });
    s.cluster.advance(30_000);
    expect(s.k('logs duo').text).toBe('from sidecar\n');
  });

  it('picks one pod of a Deployment and says how many it found', () => {
    const s = session({ kubelet: 'real' });
    s.create('deployments', deployment('web', 'nginx:1.25'));
    s.cluster.advance(60_000);
    const r = s.k('logs deploy/web');
    expect(r.err).toMatch(/^Found 3 pods, using pod\/web-[a-z0-9]+-[a-z0-9]{5}\n$/);
    expect(r.code).toBe(0);
  });

  it.each([
    ['logs', "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n"],
    ['logs nope', 'Error from server (NotFound): pods "nope" not found\n'],
    ['logs duo -c nope', 'Error from server (BadRequest): container nope is not valid for pod duo\n'],
    ['logs duo -c app --previous', 'Error from server (BadRequest): previous terminated container "app" in pod "duo" not found\n'],
  ])('%s fails as kubectl does', (line, err) => {
    const s = session({ kubelet: 'real' });
    s.create('pods', twoContainers);
    s.cluster.advance(30_000);
    const r = s.k(line);
    expect([r.err, r.code]).toEqual([err, 1]);
  });
});

describe('kubectl exec (real kubelet)', () => {
  it('runs a command and relays its output and exit code', () => {
    const s = session({ kubelet: 'real' });
    s.create('pods', twoContainers);
    s.cluster.advance(30_000);
    const ok = s.k('exec duo -c app -- echo hello');
    expect([ok.text, ok.code]).toEqual(['hello\n', 0]);
    const failed = s.k('exec duo -c app -- sh -c "echo oops >&2; exit 4"');
    expect([failed.err, failed.code]).toEqual(['oops\ncommand terminated with exit code 4\n', 4]);
    expect(s.k('exec duo -- true').err).toBe('Defaulted container "app" out of: app, sidecar, init (init)\n');
  });

  it.each([
    ['exec duo -c nope -- ls', 'error: unable to upgrade connection: container not found ("nope")\n'],
    ['exec duo', 'error: you must specify at least one command for the container\n'],
    ['exec duo ls', "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n"],
  ])('%s fails as kubectl does', (line, err) => {
    const s = session({ kubelet: 'real' });
    s.create('pods', twoContainers);
    s.cluster.advance(30_000);
    const r = s.k(line);
    expect([r.err, r.code]).toEqual([err, 1]);
  });

  it('explains that an interactive shell needs the tutor\'s terminal', () => {
    const s = session({ kubelet: 'real' });
    s.create('pods', twoContainers);
    s.cluster.advance(30_000);
    const r = s.k('exec -it duo -c app -- sh');
    expect(r.code).toBe(1);
    expect(r.err).toContain("an interactive shell needs the tutor's terminal");
  });
});
