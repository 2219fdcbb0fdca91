import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../../src/engine/api/store.js';
import type { KubeObject } from '../../../src/engine/api/types.js';
import { podRow } from '../../../src/kubectl/printers/pod-row.js';

const NOW = Date.parse('2024-07-01T10:00:00Z');
const ago = (s: number): string => new Date(NOW - s * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

function pod(opts: { ready?: boolean; restarts?: number; ip?: string } = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web-1', namespace: 'default', creationTimestamp: ago(100) },
    spec: { nodeName: 'node01', containers: [{ name: 'web', image: 'nginx' }] },
    status: {
      phase: 'Running',
      ...(opts.ip ? { podIPs: [{ ip: opts.ip }] } : {}),
      containerStatuses: [
        {
          name: 'web',
          ready: opts.ready ?? true,
          restartCount: opts.restarts ?? 0,
          state: { running: { startedAt: ago(50) } },
          lastState: opts.restarts ? { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(50) } } : {},
        },
      ],
    },
  };
}

describe('podRow', () => {
  it('prints every column of printPod', () => {
    expect(podRow(deepFreeze(pod({ ip: '10.244.1.5' })), NOW)).toEqual(['web-1', '1/1', 'Running', '0', '100s', '10.244.1.5', 'node01', '<none>', '<none>']);
  });

  it('recomputes AGE and "(ago)" from the clock for a remembered pod', () => {
    const stored = deepFreeze(pod({ restarts: 2 }));
    expect(podRow(stored, NOW).slice(3, 5)).toEqual(['2 (50s ago)', '100s']);
    expect(podRow(stored, NOW + 3_600_000).slice(3, 5)).toEqual(['2 (60m ago)', '61m']);
  });

  it('never serves an old row for a pod the store replaced', () => {
    const before = deepFreeze(pod({ ready: false }));
    expect(podRow(before, NOW).slice(1, 3)).toEqual(['0/1', 'Running']);
    const after = deepFreeze(pod({ ready: true, restarts: 1, ip: '10.244.0.9' }));
    expect(podRow(after, NOW)).toEqual(['web-1', '1/1', 'Running', '1 (50s ago)', '100s', '10.244.0.9', 'node01', '<none>', '<none>']);
  });

  it('does not remember a pod that is not frozen, which its owner may still change', () => {
    const mutable = pod({ ready: false });
    expect(podRow(mutable, NOW)[1]).toBe('0/1');
    mutable.status!.containerStatuses[0].ready = true;
    mutable.spec!.nodeName = 'node02';
    expect(podRow(mutable, NOW).slice(0, 7)).toEqual(['web-1', '1/1', 'Running', '0', '100s', '<none>', 'node02']);
  });
});
