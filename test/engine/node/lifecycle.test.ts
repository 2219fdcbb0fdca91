import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/engine/api/types.js';
import { advanceUntil, clusterWithKubelets, containerStatus, create, eventsFor, getPod, pod, pods, stateOf } from './helpers.js';

function deployment(name: string, image: string, replicas = 1): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image }] } } },
  };
}

describe('pod lifecycle', () => {
  it('takes an nginx:1.25 Deployment pod from Pending through ContainerCreating to Running with the events in order', () => {
    const cluster = clusterWithKubelets();
    create(cluster, 'deployments', deployment('web', 'nginx:1.25'));
    const seen: string[] = [];
    advanceUntil(cluster, 250, 10_000, () => {
      const p = pods(cluster)[0];
      const s = p?.status?.phase === 'Pending' && stateOf(p) === 'none' ? 'Pending' : stateOf(p);
      if (seen[seen.length - 1] !== s) seen.push(s);
      return s === 'Running';
    });
    expect(seen).toEqual(['ContainerCreating', 'Running']);
    const p = pods(cluster)[0]!;
    expect(p.status.phase).toBe('Running');
    expect(eventsFor(cluster, p.metadata.name!)).toEqual([
      `Scheduled: Successfully assigned default/${p.metadata.name} to ${p.spec.nodeName}`,
      'Pulling: Pulling image "nginx:1.25"',
      'Pulled: Successfully pulled image "nginx:1.25" in 2.164s (2.164s including waiting). Image size: 70544355 bytes.',
      'Created: Created container nginx',
      'Started: Started container nginx',
    ]);
    const cs = containerStatus(p)!;
    expect(Object.keys(cs)).toEqual(['name', 'state', 'lastState', 'ready', 'restartCount', 'image', 'imageID', 'containerID', 'started']);
    expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(cs.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(p.status.conditions.map((c: { type: string; status: string }) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
    expect(p.status.podIP).toMatch(/^10\.244\.[12]\.\d+$/);
    expect(p.status.qosClass).toBe('BestEffort');
  });

  it('reports a second pull on the same node as already present', () => {
    const cluster = clusterWithKubelets();
    create(cluster, 'pods', pod('a', { image: 'nginx:1.25' }, { nodeName: 'node01' }));
    cluster.advance(5000);
    create(cluster, 'pods', pod('b', { image: 'nginx:1.25' }, { nodeName: 'node01' }));
    cluster.advance(3000);
    expect(eventsFor(cluster, 'b')).toContain('Pulled: Container image "nginx:1.25" already present on machine');
    expect(stateOf(getPod(cluster, 'b'))).toBe('Running');
  });

  it('serializes pulls on a node: the second waits for the first', () => {
    const cluster = clusterWithKubelets();
    create(cluster, 'pods', pod('a', { image: 'nginx:1.25' }, { nodeName: 'node01' }));
    create(cluster, 'pods', pod('b', { image: 'redis:7.2' }, { nodeName: 'node01' }));
    cluster.advance(10_000);
    const pulled = eventsFor(cluster, 'b').find((e) => e.startsWith('Pulled:'))!;
    const [, own, total] = /in ([\d.]+)s \(([\d.]+)s including waiting\)/.exec(pulled)!;
    expect(Number(total)).toBeCloseTo(Number(own) + 2.164, 3);
  });

  it('gives ErrImagePull then ImagePullBackOff for nginx:1.161 and recovers when the image is fixed', () => {
    const cluster = clusterWithKubelets();
    create(cluster, 'deployments', deployment('web', 'nginx:1.161'));
    cluster.advance(2000);
    let p = pods(cluster)[0]!;
    expect(stateOf(p)).toBe('ErrImagePull');
    const notFound = 'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.161": failed to resolve reference "docker.io/library/nginx:1.161": docker.io/library/nginx:1.161: not found';
    expect(containerStatus(p)!.state.waiting.message).toBe(notFound);
    expect(eventsFor(cluster, p.metadata.name!).slice(1)).toEqual([
      'Pulling: Pulling image "nginx:1.161"',
      `Failed: Failed to pull image "nginx:1.161": ${notFound}`,
      'Failed: Error: ErrImagePull',
    ]);
    cluster.advance(5000);
    p = pods(cluster)[0]!;
    expect(stateOf(p)).toBe('ImagePullBackOff');
    expect(containerStatus(p)!.state.waiting.message).toBe('Back-off pulling image "nginx:1.161"');
    expect(eventsFor(cluster, p.metadata.name!)).toEqual(expect.arrayContaining(['BackOff: Back-off pulling image "nginx:1.161"', 'Failed: Error: ImagePullBackOff']));
    const r = cluster.client().patch('deployments', 'default', 'web', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } } }, 'strategic');
    expect(r.ok).toBe(true);
    cluster.advance(10_000);
    const running = pods(cluster).filter((x) => !x.metadata.deletionTimestamp);
    expect(running.map((x) => stateOf(x))).toEqual(['Running']);
  });

  it('recovers a bare pod when its image is patched', () => {
    const cluster = clusterWithKubelets();
    create(cluster, 'pods', pod('web', { image: 'nginx:1.161' }, { nodeName: 'node01' }));
    cluster.advance(15_000);
    expect(stateOf(getPod(cluster, 'web'))).toBe('ImagePullBackOff');
    cluster.client().patch('pods', 'default', 'web', { spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } }, 'strategic');
    cluster.advance(5000);
    expect(stateOf(getPod(cluster, 'web'))).toBe('Running');
    expect(containerStatus(getPod(cluster, 'web'))!.image).toBe('docker.io/library/nginx:1.25');
  });

  it('waits ErrImageNeverPull for a missing image with pull policy Never', () => {
    const cluster = clusterWithKubelets();
    create(cluster, 'pods', pod('web', { image: 'nginx:1.25', imagePullPolicy: 'Never' }, { nodeName: 'node01' }));
    cluster.advance(3000);
    expect(stateOf(getPod(cluster, 'web'))).toBe('ErrImageNeverPull');
    expect(eventsFor(cluster, 'web')).toContain('ErrImageNeverPull: Container image "nginx:1.25" is not present with pull policy of Never');
  });

  it('pulls from a private registry only with an imagePullSecret', () => {
    const cluster = clusterWithKubelets();
    const auth = Buffer.from(JSON.stringify({ auths: { 'private.registry.example.com': { username: 'u', password: 'p' } } })).toString('base64');
    const image = 'private.registry.example.com/team/app:1.0';
    create(cluster, 'pods', pod('nosecret', { image }, { nodeName: 'node01' }));
    create(cluster, 'secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'regcred' }, type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': auth } });
    create(cluster, 'pods', pod('withsecret', { image }, { nodeName: 'node02', imagePullSecrets: [{ name: 'regcred' }] }));
    cluster.advance(8000);
    expect(['ErrImagePull', 'ImagePullBackOff']).toContain(stateOf(getPod(cluster, 'nosecret')));
    expect(eventsFor(cluster, 'nosecret').find((e) => e.startsWith('Failed: Failed to pull'))).toContain('401 Unauthorized');
    expect(stateOf(getPod(cluster, 'withsecret'))).not.toMatch(/ImagePull/);
  });
});
