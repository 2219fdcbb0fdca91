import { expect, it } from 'vitest';
import { benchKubelet } from '../../../src/engine/node/bench.js';

it('runs 2,000 probed pods for one virtual minute without a cost blow-up', () => {
  const r = benchKubelet(() => performance.now(), 2000);
  console.log(`kubelet bench: ${r.runningPods}/${r.pods} pods running, one virtual minute in ${r.minuteMs.toFixed(0)} ms`);
  expect(r.runningPods).toBe(2000);
  // About 0.3 s of CPU on an idle machine (npm run bench reports the figure); this guard
  // only catches a quadratic blow-up, with room for a heavily loaded 2-core CI host.
  expect(r.minuteMs).toBeLessThan(10_000);
}, 120_000);
