import { describe, expect, it } from 'vitest';
import { allocateService, type ServiceAllocations } from '../../../src/engine/api/allocators.js';
import { applyDefaults } from '../../../src/engine/api/defaults/index.js';
import { fieldErrorMessage } from '../../../src/engine/api/errors.js';
import { Random } from '../../../src/engine/random.js';
import type { KubeObject } from '../../../src/engine/api/types.js';

const svc = (spec: object): KubeObject => applyDefaults({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec });
const none: ServiceAllocations = { usedClusterIPs: new Set(), usedNodePorts: new Set() };

function allocated(s: KubeObject, used = none, seed = 1): KubeObject {
  const r = allocateService(s, used, new Random(seed));
  if (!r.ok) throw new Error(r.errors.map(fieldErrorMessage).join('; '));
  return r.value;
}

function errors(s: KubeObject, used = none): string[] {
  const r = allocateService(s, used, new Random(1));
  return r.ok ? [] : r.errors.map(fieldErrorMessage);
}

const toNumber = (ip: string): number => ip.split('.').reduce((acc, p) => acc * 256 + Number(p), 0);

describe('cluster IPs', () => {
  it('picks a random address in 10.96.0.0/12 above the static band', () => {
    const ip = allocated(svc({ ports: [{ port: 80 }] })).spec.clusterIP as string;
    expect(toNumber(ip)).toBeGreaterThan(toNumber('10.96.1.0'));
    expect(toNumber(ip)).toBeLessThan(toNumber('10.111.255.255'));
    expect(allocated(svc({ ports: [{ port: 80 }] })).spec.clusterIPs).toEqual([ip]);
  });
  it('is deterministic for a seed and differs across seeds', () => {
    const a = allocated(svc({ ports: [{ port: 80 }] }), none, 7).spec.clusterIP;
    expect(allocated(svc({ ports: [{ port: 80 }] }), none, 7).spec.clusterIP).toBe(a);
    expect(allocated(svc({ ports: [{ port: 80 }] }), none, 8).spec.clusterIP).not.toBe(a);
  });
  it('skips used addresses', () => {
    const first = allocated(svc({ ports: [{ port: 80 }] }), none, 3).spec.clusterIP as string;
    const again = allocated(svc({ ports: [{ port: 80 }] }), { usedClusterIPs: new Set([first]), usedNodePorts: new Set() }, 3).spec.clusterIP;
    expect(again).not.toBe(first);
  });
  it('grants the well-known addresses when asked', () => {
    expect(allocated(svc({ clusterIP: '10.96.0.10', ports: [{ port: 53, protocol: 'UDP' }] })).spec.clusterIPs).toEqual(['10.96.0.10']);
  });
  it.each([
    ['10.0.0.5', none, 'spec.clusterIPs: Invalid value: []string{"10.0.0.5"}: failed to allocate IP 10.0.0.5: the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12'],
    ['10.96.0.1', { usedClusterIPs: new Set(['10.96.0.1']), usedNodePorts: new Set<number>() }, 'spec.clusterIPs: Invalid value: []string{"10.96.0.1"}: failed to allocate IP 10.96.0.1: provided IP is already allocated'],
  ])('rejects %s', (ip, used, message) => {
    expect(errors(svc({ clusterIP: ip, ports: [{ port: 80 }] }), used)).toEqual([message]);
  });
  it('leaves headless and ExternalName services without an address', () => {
    expect(allocated(svc({ clusterIP: 'None', selector: { app: 'db' } })).spec.clusterIPs).toEqual(['None']);
    const ext = allocated(svc({ type: 'ExternalName', externalName: 'example.com' })).spec;
    expect([ext.clusterIP, ext.clusterIPs]).toEqual([undefined, undefined]);
  });
});

describe('node ports', () => {
  it('allocates from 30000-32767 for NodePort and LoadBalancer', () => {
    for (const type of ['NodePort', 'LoadBalancer']) {
      const port = allocated(svc({ type, ports: [{ port: 80 }] })).spec.ports[0].nodePort as number;
      expect(port).toBeGreaterThanOrEqual(30000);
      expect(port).toBeLessThanOrEqual(32767);
    }
  });
  it('gives ClusterIP services none, and LoadBalancers none when told not to', () => {
    expect(allocated(svc({ ports: [{ port: 80 }] })).spec.ports[0].nodePort).toBeUndefined();
    expect(allocated(svc({ type: 'LoadBalancer', allocateLoadBalancerNodePorts: false, ports: [{ port: 80 }] })).spec.ports[0].nodePort).toBeUndefined();
  });
  it('keeps a requested port and shares it across protocols of the same port', () => {
    const s = allocated(svc({ type: 'NodePort', ports: [{ name: 'dns', port: 53, protocol: 'UDP', nodePort: 30053 }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }] }));
    expect(s.spec.ports.map((p: { nodePort: number }) => p.nodePort)).toEqual([30053, 30053]);
  });
  it('never hands out a used port', () => {
    const used = new Set<number>();
    for (let p = 30000; p <= 32766; p++) used.add(p);
    expect(allocated(svc({ type: 'NodePort', ports: [{ port: 80 }] }), { usedClusterIPs: new Set(), usedNodePorts: used }).spec.ports[0].nodePort).toBe(32767);
  });
  it.each([
    [80, none, 'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767'],
    [30080, { usedClusterIPs: new Set<string>(), usedNodePorts: new Set([30080]) }, 'spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated'],
  ])('rejects nodePort %i (reference §5)', (nodePort, used, message) => {
    expect(errors(svc({ type: 'NodePort', ports: [{ port: 80, nodePort }] }), used)).toEqual([message]);
  });
  it('does not change its input', () => {
    const input = svc({ type: 'NodePort', ports: [{ port: 80 }] });
    allocated(input);
    expect(input.spec.ports[0].nodePort).toBeUndefined();
    expect(input.spec.clusterIP).toBeUndefined();
  });
});
