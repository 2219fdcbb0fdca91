/**
 * `kubectl config`: view, get-contexts, current-context, set-context (notably
 * `--current --namespace=x`), use-context, rename-context, delete-context, get-clusters,
 * get-users. The other
 * subcommands edit kubeconfig files the tutor does not have, and say so.
 */
import type { ParsedFlags } from '../../../args/flags.js';
import { OBJECT_FORMATS, printError, printObjects, printOptionsFrom, readPrintFormat } from '../../../common.js';
import { toJson } from '../../../printers/json.js';
import { formatTable } from '../../../printers/tabwriter.js';
import { toYaml } from '../../../printers/yaml.js';
import type { KubeObject } from '../../../../engine/api/types.js';
import type { CommandModule, KubectlEnv, Output } from '../../../types.js';
import { renderHelp } from '../../../args/help.js';
import { defaultSubcommandRun, kubectlTree } from '../../../registry.js';
import { serverUrl } from '../cluster-info.js';
import { kubeconfigObject, kubeconfigOf, useContext } from './kubeconfig.js';
import * as specs from './specs.js';

function view(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  const config = kubeconfigObject(kubeconfigOf(env), serverUrl(env), { raw: flags.bool('raw'), minify: flags.bool('minify') });
  const output = flags.string('output');
  if (output === 'yaml') io.out(toYaml(config));
  else if (output === 'json') io.out(toJson(config, { keepOrder: true }));
  else {
    const format = readPrintFormat(flags, env, OBJECT_FORMATS);
    if (!format.ok) {
      io.err(format.stderr);
      return 1;
    }
    const printed = printObjects(format.format, [config as unknown as KubeObject], true, printOptionsFrom(flags));
    if (!printed.ok) {
      io.err(printed.stderr);
      return 1;
    }
    io.out(printed.text);
  }
  return 0;
}

function getContexts(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  const config = kubeconfigOf(env);
  const output = flags.string('output');
  if (output !== '' && output !== 'name') return printError(io, `output must be one of '' or 'name': ${output}`);
  const wanted = flags.args.length > 0 ? flags.args : [...config.contexts.keys()].sort();
  const missing = wanted.filter((n) => !config.contexts.has(n));
  const found = wanted.filter((n) => config.contexts.has(n));
  if (output === 'name') io.out(found.map((n) => `${n}\n`).join(''));
  else {
    const rows = flags.bool('no-headers') ? [] : [['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE']];
    for (const name of found) {
      const c = config.contexts.get(name)!;
      rows.push([name === config.current ? '*' : '', name, c.cluster, c.user, c.namespace ?? '']);
    }
    io.out(formatTable(rows));
  }
  if (missing.length === 0) return 0;
  return printError(io, missing.map((n) => `context ${n} not found`));
}

function currentContext(_flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  io.out(`${kubeconfigOf(env).current}\n`);
  return 0;
}

function setContext(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  const config = kubeconfigOf(env);
  const current = flags.bool('current');
  if (current && flags.args.length > 0) return printError(io, 'you cannot specify both a context name and --current');
  const name = current ? config.current : flags.args[0];
  if (!name) return printError(io, 'you must specify a non-empty context name or --current');
  const existing = config.contexts.get(name);
  const entry = existing ?? { cluster: '', user: '' };
  if (flags.changed.has('cluster')) entry.cluster = flags.string('cluster');
  if (flags.changed.has('user')) entry.user = flags.string('user');
  if (flags.changed.has('namespace')) entry.namespace = flags.string('namespace') || undefined;
  config.contexts.set(name, entry);
  if (name === config.current) env.namespace = entry.namespace || 'default';
  io.out(`Context "${name}" ${existing ? 'modified' : 'created'}.\n`);
  return 0;
}

function useContextCommand(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  const config = kubeconfigOf(env);
  const name = flags.args[0];
  if (!name) return printError(io, 'empty context names are not allowed');
  if (!config.contexts.has(name)) return printError(io, `no context exists with the name: "${name}"`);
  useContext(env, config, name);
  io.out(`Switched to context "${name}".\n`);
  return 0;
}

/** Where kubeadm's admin kubeconfig lives for the tutor's root user. */
const CONFIG_FILE = '/root/.kube/config';

/** `kubectl config rename-context OLD NEW` (the current context follows the rename). */
function renameContext(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  if (flags.args.length !== 2) return printError(io, `Unexpected args: [${flags.args.join(' ')}]`);
  const [from, to] = flags.args as [string, string];
  if (!to) return printError(io, 'You must specify a new non-empty context name');
  const config = kubeconfigOf(env);
  const entry = config.contexts.get(from);
  if (!entry) return printError(io, `cannot rename the context "${from}", it's not in ${CONFIG_FILE}`);
  if (config.contexts.has(to)) return printError(io, `cannot rename the context "${from}", the context "${to}" already exists in ${CONFIG_FILE}`);
  config.contexts.delete(from);
  config.contexts.set(to, entry);
  if (config.current === from) config.current = to;
  io.out(`Context "${from}" renamed to "${to}".\n`);
  return 0;
}

/**
 * `kubectl config delete-context NAME`. Deleting the context in use would leave every later
 * command without a cluster, which the tutor cannot recover from; it refuses that one.
 */
function deleteContext(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  if (flags.args.length !== 1) {
    // cmd.Help(): the help on stdout, and no error.
    const root = kubectlTree().root;
    const config = root.subcommands!.find((c) => c.name === 'config')!;
    io.out(renderHelp([root, config, config.subcommands!.find((c) => c.name === 'delete-context')!]));
    return 0;
  }
  const name = flags.args[0]!;
  const config = kubeconfigOf(env);
  if (!config.contexts.has(name)) return printError(io, `cannot delete context ${name}, not in ${CONFIG_FILE}`);
  if (name === config.current) return printError(io, `"kubectl config delete-context" of the current context is not available in kubetutor: switch with "kubectl config use-context" first`);
  config.contexts.delete(name);
  io.out(`deleted context ${name} from ${CONFIG_FILE}\n`);
  return 0;
}

const list = (pick: (env: KubectlEnv) => string[]) => (_flags: ParsedFlags, env: KubectlEnv, io: Output) => {
  io.out(`NAME\n${pick(env).map((n) => `${n}\n`).join('')}`);
  return 0;
};

/** Subcommands of `kubectl config` that change kubeconfig files, which the tutor does not keep. */
const UNSUPPORTED: readonly [string, string][] = [
  ['delete-cluster', 'Delete the specified cluster from the kubeconfig'],
  ['delete-user', 'Delete the specified user from the kubeconfig'],
  ['set', 'Set an individual value in a kubeconfig file'],
  ['set-cluster', 'Set a cluster entry in kubeconfig'],
  ['set-credentials', 'Set a user entry in kubeconfig'],
  ['unset', 'Unset an individual value in a kubeconfig file'],
];

/** The `config` command group and its subcommands. */
export const CONFIG_COMMANDS: CommandModule[] = [
  { path: ['config'], spec: specs.CONFIG_SPEC, run: defaultSubcommandRun(['config']) },
  { path: ['config', 'view'], spec: specs.VIEW_SPEC, run: view },
  { path: ['config', 'get-contexts'], spec: specs.GET_CONTEXTS_SPEC, run: getContexts },
  { path: ['config', 'current-context'], spec: specs.CURRENT_CONTEXT_SPEC, run: currentContext },
  { path: ['config', 'set-context'], spec: specs.SET_CONTEXT_SPEC, run: setContext },
  { path: ['config', 'use-context'], spec: specs.USE_CONTEXT_SPEC, run: useContextCommand },
  { path: ['config', 'rename-context'], spec: specs.RENAME_CONTEXT_SPEC, run: renameContext },
  { path: ['config', 'delete-context'], spec: specs.DELETE_CONTEXT_SPEC, run: deleteContext },
  { path: ['config', 'get-clusters'], spec: specs.GET_CLUSTERS_SPEC, run: list((env) => kubeconfigOf(env).clusters) },
  { path: ['config', 'get-users'], spec: specs.GET_USERS_SPEC, run: list((env) => kubeconfigOf(env).users) },
  ...UNSUPPORTED.map(([name, short]): CommandModule => ({
    path: ['config', name],
    spec: { name, use: `${name} [flags]`, short },
    run: (_flags, _env, io) => printError(io, `"kubectl config ${name}" is not available in kubetutor: the tutor has one cluster and one user`),
  })),
];
