/** `kubectl options`: the global flags every command accepts. */
import type { CommandSpec } from '../../args/command.js';
import { renderOptions } from '../../args/help.js';
import type { CommandModule } from '../../types.js';

const OPTIONS_SPEC: CommandSpec = {
  name: 'options',
  use: 'options',
  short: 'Print the list of flags inherited by all commands',
  long: 'Print the list of flags inherited by all commands',
  example: '  # Print flags inherited by all commands\n  kubectl options',
};

/** The `options` verb. */
export const OPTIONS: CommandModule = {
  path: ['options'],
  spec: OPTIONS_SPEC,
  run: (_flags, _env, io) => {
    io.out(renderOptions());
    return 0;
  },
};
