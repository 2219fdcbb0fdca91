import { describe as suite, expect, it } from 'vitest';
import type { KubeObject } from '../../../../src/engine/api/types.js';
import { eventAge, eventsFor } from '../../../../src/kubectl/printers/describe/events.js';
import { contextOf, event } from './fixtures.js';

const NOW = '2024-07-01T12:00:00Z';
const at = (secondsAgo: number): string => new Date(Date.parse(NOW) - secondsAgo * 1000).toISOString().replace('.000Z', 'Z');

suite('event Age column', () => {
  it.each([
    ['a single event: time since first', { first: at(45), count: 1 }, '45s'],
    ['a repeated event: last (xN over first)', { first: at(62), last: at(8), count: 4 }, '8s (x4 over 62s)'],
    ['long spans use HumanDuration', { first: at(3 * 3600 + 600), last: at(150), count: 37 }, '2m30s (x37 over 3h10m)'],
  ])('%s', (_name, t, expected) => {
    const e = event({ name: 'e', involved: { kind: 'Pod', name: 'p' }, reason: 'BackOff', message: 'm', component: 'kubelet', ...t });
    expect(eventAge(e, Date.parse(NOW))).toBe(expected);
  });

  it('reads events.k8s.io style eventTime and series', () => {
    const e: KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'e' },
      eventTime: '2024-07-01T11:50:00.000000Z',
      series: { count: 3, lastObservedTime: '2024-07-01T11:59:30.000000Z' },
    };
    expect(eventAge(e, Date.parse(NOW))).toBe('30s (x3 over 10m)');
  });

  it('prints <unknown> for a missing timestamp', () => {
    expect(eventAge({ apiVersion: 'v1', kind: 'Event', metadata: { name: 'e' } }, Date.parse(NOW))).toBe('<unknown>');
  });
});

suite('eventsFor', () => {
  const target: KubeObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', uid: 'u1' } };
  const ev = (name: string, involved: { kind: string; name: string; namespace?: string; uid?: string }): KubeObject =>
    event({ name, involved, reason: 'R', message: name, component: 'deployment-controller', first: at(1) });

  it('matches on name, namespace, kind and uid; an event without uid matches on the rest', () => {
    const events = [
      ev('match', { kind: 'Deployment', name: 'web', uid: 'u1' }),
      ev('no-uid', { kind: 'Deployment', name: 'web' }),
      ev('old-object', { kind: 'Deployment', name: 'web', uid: 'u0' }),
      ev('other-kind', { kind: 'ReplicaSet', name: 'web', uid: 'u1' }),
      ev('other-ns', { kind: 'Deployment', name: 'web', namespace: 'prod', uid: 'u1' }),
      ev('other-name', { kind: 'Deployment', name: 'api', uid: 'u1' }),
    ];
    const found = eventsFor(target, contextOf(NOW, events)).map((e) => e.message);
    expect(found).toEqual(['match', 'no-uid']);
  });

  it('ignores the kind for pods, as the pod describer clears it', () => {
    const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default', uid: 'p1' } };
    const events = [ev('any-kind', { kind: 'Pod', name: 'web', uid: 'p1' }), ev('kindless', { kind: '', name: 'web', uid: 'p1' })];
    expect(eventsFor(pod, contextOf(NOW, events), { matchKind: false }).map((e) => e.message)).toEqual(['any-kind', 'kindless']);
  });
});
