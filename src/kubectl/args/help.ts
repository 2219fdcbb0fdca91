/**
 * `--help` text generated from the same declarations that drive parsing, in the layout of
 * kubectl's templater (kubectl/pkg/util/templates: MainHelpTemplate, MainUsageTemplate,
 * help_flags_printer.go). Output is unwrapped, as kubectl prints when not on a terminal.
 */
import { commandPath, type CommandSpec } from './command.js';
import type { FlagSpec } from './flags.js';
import { GLOBAL_FLAGS } from './global-flags.js';
import { formatGoDuration } from './values.js';

/** How `--help` shows a flag's default: `''` quoted for strings, `[]` for lists, `0s`. */
export function defaultText(spec: FlagSpec): string {
  if (spec.defaultText !== undefined) return spec.defaultText;
  switch (spec.type) {
    case 'string':
      return `'${spec.default ?? ''}'`;
    case 'bool':
      return String(spec.default ?? false);
    case 'int':
    case 'int32':
      return String(spec.default ?? 0);
    case 'duration':
      return formatGoDuration(spec.default ?? 0);
    case 'stringArray':
    case 'stringSlice':
      return `[${(spec.default ?? []).join(',')}]`;
    case 'stringToString':
      // pflag ranges over a Go map (random order); sorted here so output is stable.
      return `[${Object.entries(spec.default ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .sort()
        .join(',')}]`;
  }
}

/**
 * The flag list of `Options:` and `kubectl options`: flags sorted by name (pflag's
 * VisitAll), hidden ones and `help` left out, each as `    -n, --namespace='':` then a
 * tab-indented usage line and a blank line.
 */
export function flagsUsage(flags: readonly FlagSpec[]): string {
  return [...flags]
    .filter((f) => !f.hidden && f.name !== 'help')
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((f) => {
      const names = f.short ? `-${f.short}, --${f.name}` : `--${f.name}`;
      // help_flags_printer joins a multi-line usage with spaces before indenting it.
      return `    ${names}=${defaultText(f)}:\n\t${f.usage.replace(/\n/g, ' ')}\n\n`;
    })
    .join('');
}

/** The text of `kubectl options`. */
export function renderOptions(): string {
  return `The following options can be passed to any command:\n\n${flagsUsage(GLOBAL_FLAGS)}`;
}

/** The `--help` text of the last command in `path` (root first). */
export function renderHelp(path: readonly CommandSpec[]): string {
  const command = path[path.length - 1]!;
  const runnable = command.runnable ?? true;
  const children = (command.subcommands ?? []).filter((c) => !c.hidden);
  let out = (command.long ?? command.short).trim();
  if (!runnable && children.length === 0) return `${out}\n`;

  out += '\n\n';
  if (command.aliases?.length) out += `Aliases:\n${[command.name, ...command.aliases].join(', ')}\n\n`;
  if (command.example) out += `Examples:\n${command.example.trimEnd()}\n\n`;
  if (children.length > 0) out += `${commandGroups(command, path.length === 1)}\n\n`;
  const options = flagsUsage(command.flags ?? []);
  if (options) out += `Options:\n${options.trimEnd()}\n\n`;
  const rootName = path[0]!.name;
  const parent = commandPath(path.slice(0, -1));
  const useLine = parent ? `${parent} ${command.use}` : command.use;
  if (runnable && useLine !== rootName) {
    // templater.usageLine: kubectl adds `[options]` since every command has the global flags.
    out += `Usage:\n  ${useLine.includes('[options]') ? useLine : `${useLine} [options]`}\n\n`;
  }
  if (children.length > 0) out += `Use "${commandPath(path)} <command> --help" for more information about a given command.\n`;
  if (runnable) out += `Use "${rootName} options" for a list of global command-line options (applies to all commands).\n`;
  return out.trimEnd() + '\n';
}

/**
 * The subcommand sections: `  name` padded to cobra's NamePadding (the longest sibling
 * name, at least 11), three spaces, the short text. `options` is left out below the root.
 */
function commandGroups(command: CommandSpec, isRoot: boolean): string {
  const all = command.subcommands ?? [];
  const width = Math.max(11, ...all.map((c) => c.name.length));
  const line = (c: CommandSpec) => `  ${c.name.padEnd(width)}   ${c.short}`;
  const visible = all.filter((c) => !c.hidden && (isRoot || c.name !== 'options'));
  if (!command.groups) return ['Available Commands:', ...visible.map(line)].join('\n');
  const grouped = new Set(command.groups.flatMap((g) => g.commands));
  const sections = command.groups.map((g) => [
    g.title,
    ...g.commands.flatMap((name) => visible.filter((c) => c.name === name)).map(line),
  ]);
  // templater.AddAdditionalCommands: anything not in a group lands under "Other Commands:".
  const others = visible.filter((c) => !grouped.has(c.name));
  if (others.length > 0) sections.push(['Other Commands:', ...others.map(line)]);
  return sections.map((s) => s.join('\n')).join('\n\n');
}
