/** The kubetutor command: subcommands live in src/cli/. */
import { main } from './cli/main.js';
import { nodeIO } from './cli/node-io.js';

// Interactive commands resolve when the learner quits; the rest return at once.
void Promise.resolve(main(process.argv.slice(2), nodeIO())).then((code) => {
  process.exitCode = code;
});
