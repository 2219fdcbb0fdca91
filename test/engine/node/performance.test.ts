import { expect, it } from 'vitest';
import { benchKubelet } from '../../../src/engine/node/bench.js';

it('runs 2,000 probed pods for one virtual minute in well under a second', () => {
  const r = benchKubelet(() => performance.now(), 2000);
  console.log(`kubelet bench: ${r.runningPods}/${r.pods} pods running, one virtual minute in ${r.minuteMs.toFixed(0)} ms`);
  expect(r.runningPods).toBe(2000);
  // About 0.4 s on an idle machine; the margin absorbs a loaded CI host.
  expect(r.minuteMs).toBeLessThan(1500);
}, 120_000);
