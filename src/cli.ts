/** The kubetutor command: subcommands live in src/cli/. */
import { main } from './cli/main.js';
import { nodeIO } from './cli/node-io.js';

process.exitCode = main(process.argv.slice(2), nodeIO());
