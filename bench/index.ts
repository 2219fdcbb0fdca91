/** `npm run bench`: the performance figures the issues name. */
import { engineFigures } from './engine.js';
import { report } from './measure.js';

console.log('kubetutor benchmarks (virtual time; CPU time of this process)\n');
console.log('Control plane');
report(engineFigures());
