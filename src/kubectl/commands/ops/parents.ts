/**
 * Commands that only group others (`kubectl rollout`, `top`, `auth`). Run bare they
 * print their help and exit 1, as cmdutil.DefaultSubCommandRun does — `rollout` to
 * stdout, `top` and `auth` to stderr — and refuse a stray word with
 * `error: unknown command "foo"`.
 */
import { renderHelp } from '../../args/help.js';
import type { CommandSpec } from '../../args/command.js';
import { printError } from '../../errors.js';
import type { CommandModule } from '../../types.js';

/** The root stand-in for rendering a group's help (`kubectl rollout --help` needs the path). */
const ROOT: CommandSpec = { name: 'kubectl', use: 'kubectl', short: '' };

/** A grouping command whose subcommands are the given specs. */
export function groupCommand(spec: CommandSpec, children: readonly CommandModule[], helpStream: 'stdout' | 'stderr'): CommandModule {
  const full: CommandSpec = { ...spec, subcommands: children.map((c) => c.spec) };
  return {
    path: [spec.name],
    spec: full,
    run(flags, _env, io) {
      if (flags.args.length > 0) return printError(io, `unknown command "${flags.args[0]}"\nSee 'kubectl ${spec.name} -h' for help and examples`);
      const help = renderHelp([ROOT, full]);
      if (helpStream === 'stdout') io.out(help);
      else io.err(help);
      return 1;
    },
  };
}
