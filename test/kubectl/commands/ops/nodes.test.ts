import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../src/engine/api/types.js';
import { deployment, session } from './helpers.js';

describe('kubectl cordon / uncordon', () => {
  it('cordons once, then says it already is', () => {
    const s = session();
    expect(s.k('cordon node01').out).toBe('node/node01 cordoned\n');
    expect(s.k('cordon node01').out).toBe('node/node01 already cordoned\n');
    expect(s.k('uncordon node01').out).toBe('node/node01 uncordoned\n');
    expect(s.k('uncordon node01').out).toBe('node/node01 already uncordoned\n');
    expect(s.k('cordon').err).toBe("error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n");
    expect(s.k('cordon nope').err).toBe('Error from server (NotFound): nodes "nope" not found\n');
  });
});

describe('kubectl taint', () => {
  it('adds, refuses a duplicate, overwrites and removes', () => {
    const s = session();
    expect(s.k('taint nodes node01 dedicated=db:NoSchedule').out).toBe('node/node01 tainted\n');
    const dup = s.k('taint nodes node01 dedicated=web:NoSchedule');
    expect([dup.err, dup.code]).toEqual(['error: node node01 already has dedicated taint(s) with same effect(s) and --overwrite is false\n', 1]);
    expect(s.k('taint nodes node01 dedicated=web:NoSchedule --overwrite').out).toBe('node/node01 modified\n');
    expect(s.k('taint nodes node01 dedicated:NoSchedule-').out).toBe('node/node01 untainted\n');
    // The docs' removal form names the value too; it matches on key and effect.
    expect(s.k('taint nodes node01 dedicated=x:NoSchedule').out).toBe('node/node01 tainted\n');
    expect(s.k('taint nodes node01 dedicated=x:NoSchedule-').out).toBe('node/node01 untainted\n');
    expect(s.k('taint nodes node01 dedicated-').err).toBe('error: taint "dedicated" not found\n');
  });

  it.each([
    ['taint', 'error: one or more resources must be specified as <resource> <name>\n'],
    ['taint nodes node01', 'error: at least one taint update is required\n'],
    ['taint pods web a=b:NoSchedule', 'error: invalid resource type pods, only node types are supported\n'],
    ['taint nodes node01 a=b:Sometimes', 'error: invalid taint effect: Sometimes, unsupported taint effect\n'],
  ])('%s', (line, err) => {
    expect(session().k(line).err).toBe(err);
  });
});

describe('kubectl drain', () => {
  it('refuses DaemonSet-managed and unmanaged pods, naming them', () => {
    const s = session();
    s.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nginx' }, spec: { nodeName: 'node01', containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } as KubeObject);
    s.cluster.advance(5000);
    const r = s.k('drain node01');
    expect(r.out).toBe('node/node01 cordoned\n');
    // kubectl groups the refusals in a Go map (any order); the tutor lists them in pod order.
    const proxy = /kube-proxy-[a-z0-9]{5}/.exec(r.err)?.[0];
    expect(r.err).toBe(
      'error: unable to drain node "node01" due to error: [cannot delete Pods declare no controller (use --force to override): default/nginx, ' +
        `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/${proxy}], continuing command...\n` +
        'There are pending nodes to be drained:\n node01\n' +
        'cannot delete Pods declare no controller (use --force to override): default/nginx\n' +
        `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/${proxy}\n`,
    );
    expect(r.code).toBe(1);
  });

  it('evicts replicated pods and reports the node drained', () => {
    const s = session();
    s.create('deployments', deployment('web', 'nginx:1.25', 4));
    s.cluster.advance(10_000);
    const onNode = s.cluster.client().list('pods', { fieldSelector: 'spec.nodeName=node01' });
    const evictable = onNode.ok ? onNode.value.items.filter((p) => p.metadata.ownerReferences?.[0]?.kind !== 'DaemonSet') : [];
    const names = evictable.map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
    expect(names.length).toBeGreaterThan(0);
    const r = s.k('drain node01 --ignore-daemonsets');
    expect(r.err).toMatch(/^Warning: ignoring DaemonSet-managed Pods: kube-system\/kube-proxy-\S+\n$/);
    const expected = ['node/node01 cordoned', ...names.map((n) => `evicting pod ${n}`), ...names.map((n) => `pod/${n.split('/')[1]} evicted`), 'node/node01 drained', ''];
    expect(r.out).toBe(expected.join('\n'));
  });

  it('deletes instead of evicting with --disable-eviction, past a budget that blocks evictions', () => {
    const s = session();
    s.create('deployments', deployment('web', 'nginx:1.25', 4));
    s.cluster.advance(10_000);
    s.k('create pdb web --selector=app=web --min-available=4');
    s.cluster.advance(2_000);
    const onNode = s.cluster.client().list('pods', { fieldSelector: 'spec.nodeName=node01' });
    const names = (onNode.ok ? onNode.value.items : []).filter((p) => p.metadata.ownerReferences?.[0]?.kind !== 'DaemonSet').map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
    expect(names.length).toBeGreaterThan(0);
    const r = s.k('drain node01 --ignore-daemonsets --disable-eviction');
    const expected = ['node/node01 cordoned', ...names.map((n) => `deleting pod ${n}`), ...names.map((n) => `pod/${n.split('/')[1]} deleted`), 'node/node01 drained', ''];
    expect(r.out).toBe(expected.join('\n'));
    expect(r.code).toBe(0);
  });
});
