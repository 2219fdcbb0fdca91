import { it } from 'vitest';
import { session, pod, namespace, running } from './helpers.js';
it('perf', () => {
  const s = session({ bare: true });
  for (let n = 0; n < 10; n++) s.create(namespace(`ns${n}`));
  const t0 = performance.now();
  for (let i = 0; i < 5000; i++) s.create(pod(`ns${i % 10}`, `pod-${i}`, { app: `a${i % 7}` }), running(`10.244.${i % 250}.${i % 200}`, '2024-07-01T10:00:00Z'));
  console.log('create', performance.now() - t0);
  s.cluster.advance(60_000);
  for (let k = 0; k < 3; k++) { const t = performance.now(); const out = s.run('kubectl get pods -A'); console.log('get -A', performance.now() - t, out.length); }
  for (let k = 0; k < 5; k++) { const t = performance.now(); s.run('kubectl describe pod pod-42 -n ns2'); console.log('describe', performance.now() - t); }
});
