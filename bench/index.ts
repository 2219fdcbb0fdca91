/** `npm run bench`: the performance figures the issues name. */
import { engineFigures } from './engine.js';
import { kubectlFigures } from './kubectl.js';
import { lessonFigures } from './lessons.js';
import { report } from './measure.js';
import { reportTargets } from './targets.js';
import { reportWall, tuiFigures } from './tui.js';

console.log('kubetutor benchmarks (virtual time; CPU time of this process)\n');
console.log('Control plane');
report(engineFigures());
console.log('\nkubectl (issue 4)');
reportTargets(kubectlFigures());
console.log('\nLessons (issue 5)');
reportTargets(lessonFigures());
console.log('\nTUI (wall time)');
reportWall(await tuiFigures());
