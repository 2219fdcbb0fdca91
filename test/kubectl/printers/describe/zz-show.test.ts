import { it } from 'vitest';
import { describe } from '../../../../src/kubectl/printers/describe/index.js';
import { contextOf, event } from './fixtures.js';
import { node01, node01Pods } from './node-fixture.js';
it('show', () => {
  const n = node01();
  const ev = [event({ name: 'n1', involved: { kind: 'Node', name: 'node01', uid: 'node01', namespace: '' }, reason: 'Starting', message: '', component: 'kube-proxy', first: '2024-07-01T10:00:00Z' })];
  console.log(describe('nodes', n, contextOf('2024-07-04T10:00:00Z', [n, ...node01Pods()])).replace(/ +\n/g, (m) => '·'.repeat(m.length - 1) + '\n'));
});
