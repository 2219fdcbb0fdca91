/**
 * The `kubectl` root command: its help text, its verbs in kubectl v1.30's registration
 * order (cobra suggests in that order), and the help groups they are listed under.
 */
import type { CommandSpec } from './args/command.js';

/** One verb of the root help: its group title and the short text kubectl shows. */
interface RootVerb {
  readonly name: string;
  readonly group: string;
  readonly short: string;
  readonly hidden?: boolean;
}

const BEGINNER = 'Basic Commands (Beginner):';
const INTERMEDIATE = 'Basic Commands (Intermediate):';
const DEPLOY = 'Deploy Commands:';
const CLUSTER = 'Cluster Management Commands:';
const DEBUG = 'Troubleshooting and Debugging Commands:';
const ADVANCED = 'Advanced Commands:';
const SETTINGS = 'Settings Commands:';
const OTHER = 'Other Commands:';

/** kubectl's verbs as cmd.go adds them: the groups first, then the rest. */
export const ROOT_VERBS: readonly RootVerb[] = [
  { name: 'create', group: BEGINNER, short: 'Create a resource from a file or from stdin' },
  { name: 'expose', group: BEGINNER, short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service' },
  { name: 'run', group: BEGINNER, short: 'Run a particular image on the cluster' },
  { name: 'set', group: BEGINNER, short: 'Set specific features on objects' },
  { name: 'explain', group: INTERMEDIATE, short: 'Get documentation for a resource' },
  { name: 'get', group: INTERMEDIATE, short: 'Display one or many resources' },
  { name: 'edit', group: INTERMEDIATE, short: 'Edit a resource on the server' },
  { name: 'delete', group: INTERMEDIATE, short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector' },
  { name: 'rollout', group: DEPLOY, short: 'Manage the rollout of a resource' },
  { name: 'scale', group: DEPLOY, short: 'Set a new size for a deployment, replica set, or replication controller' },
  { name: 'autoscale', group: DEPLOY, short: 'Auto-scale a deployment, replica set, stateful set, or replication controller' },
  { name: 'certificate', group: CLUSTER, short: 'Modify certificate resources' },
  { name: 'cluster-info', group: CLUSTER, short: 'Display cluster information' },
  { name: 'top', group: CLUSTER, short: 'Display resource (CPU/memory) usage' },
  { name: 'cordon', group: CLUSTER, short: 'Mark node as unschedulable' },
  { name: 'uncordon', group: CLUSTER, short: 'Mark node as schedulable' },
  { name: 'drain', group: CLUSTER, short: 'Drain node in preparation for maintenance' },
  { name: 'taint', group: CLUSTER, short: 'Update the taints on one or more nodes' },
  { name: 'describe', group: DEBUG, short: 'Show details of a specific resource or group of resources' },
  { name: 'logs', group: DEBUG, short: 'Print the logs for a container in a pod' },
  { name: 'attach', group: DEBUG, short: 'Attach to a running container' },
  { name: 'exec', group: DEBUG, short: 'Execute a command in a container' },
  { name: 'port-forward', group: DEBUG, short: 'Forward one or more local ports to a pod' },
  { name: 'proxy', group: DEBUG, short: 'Run a proxy to the Kubernetes API server' },
  { name: 'cp', group: DEBUG, short: 'Copy files and directories to and from containers' },
  { name: 'auth', group: DEBUG, short: 'Inspect authorization' },
  { name: 'debug', group: DEBUG, short: 'Create debugging sessions for troubleshooting workloads and nodes' },
  { name: 'events', group: DEBUG, short: 'List events' },
  { name: 'diff', group: ADVANCED, short: 'Diff the live version against a would-be applied version' },
  { name: 'apply', group: ADVANCED, short: 'Apply a configuration to a resource by file name or stdin' },
  { name: 'patch', group: ADVANCED, short: 'Update fields of a resource' },
  { name: 'replace', group: ADVANCED, short: 'Replace a resource by file name or stdin' },
  { name: 'wait', group: ADVANCED, short: 'Experimental: Wait for a specific condition on one or many resources' },
  { name: 'kustomize', group: ADVANCED, short: 'Build a kustomization target from a directory or URL' },
  { name: 'label', group: SETTINGS, short: 'Update the labels on a resource' },
  { name: 'annotate', group: SETTINGS, short: 'Update the annotations on a resource' },
  { name: 'completion', group: SETTINGS, short: 'Output shell completion code for the specified shell (bash, zsh, fish, or powershell)' },
  // kubectl hides `alpha` when no alpha feature is enabled.
  { name: 'alpha', group: OTHER, short: 'Commands for features in alpha', hidden: true },
  { name: 'config', group: OTHER, short: 'Modify kubeconfig files' },
  { name: 'plugin', group: OTHER, short: 'Provides utilities for interacting with plugins' },
  { name: 'version', group: OTHER, short: 'Print the client and server version information' },
  { name: 'api-versions', group: OTHER, short: 'Print the supported API versions on the server, in the form of "group/version"' },
  { name: 'api-resources', group: OTHER, short: 'Print the supported API resources on the server' },
  { name: 'options', group: OTHER, short: 'Print the list of flags inherited by all commands', hidden: true },
];

const GROUP_TITLES = [BEGINNER, INTERMEDIATE, DEPLOY, CLUSTER, DEBUG, ADVANCED, SETTINGS];
const GROUPED = new Set(ROOT_VERBS.filter((v) => v.group !== OTHER).map((v) => v.name));

/** The root spec around the given verb specs (already in registration order). */
export function rootSpec(subcommands: readonly CommandSpec[]): CommandSpec {
  return {
    name: 'kubectl',
    use: 'kubectl [flags]',
    short: 'kubectl controls the Kubernetes cluster manager',
    long: 'kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/',
    subcommands,
    groups: [
      ...GROUP_TITLES.map((title) => ({ title, commands: ROOT_VERBS.filter((v) => v.group === title).map((v) => v.name) })),
      // templater.AddAdditionalCommands lists the ungrouped rest sorted by name (cobra's Commands()).
      { title: OTHER, commands: subcommands.map((c) => c.name).filter((n) => !GROUPED.has(n)).sort() },
    ],
  };
}

/** A verb kubetutor does not emulate: listed in help like kubectl, and says so when run. */
export function unsupportedVerbSpec(verb: RootVerb): CommandSpec {
  return { name: verb.name, use: `${verb.name} [flags]`, short: verb.short, hidden: verb.hidden };
}

/** The message an unemulated verb prints (stderr, exit 1). */
export function unsupportedVerbMessage(path: readonly string[]): string {
  return `error: "kubectl ${path.join(' ')}" is not available in kubetutor's cluster\n`;
}
