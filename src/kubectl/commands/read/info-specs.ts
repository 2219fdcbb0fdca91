/** Flags and help texts of the cluster-information verbs, as kubectl prints them with --help. */
import type { CommandSpec } from '../../args/command.js';

export const API_RESOURCES_SPEC: CommandSpec = {
  name: 'api-resources',
  use: 'api-resources [flags]',
  short: 'Print the supported API resources on the server',
  long: `Print the supported API resources on the server.`,
  example: `  # Print the supported API resources
  kubectl api-resources
  
  # Print the supported API resources with more information
  kubectl api-resources -o wide
  
  # Print the supported API resources sorted by a column
  kubectl api-resources --sort-by=name
  
  # Print the supported namespaced resources
  kubectl api-resources --namespaced=true
  
  # Print the supported non-namespaced resources
  kubectl api-resources --namespaced=false
  
  # Print the supported API resources with a specific APIGroup
  kubectl api-resources --api-group=rbac.authorization.k8s.io`,
  flags: [
    { name: 'api-group', type: 'string', usage: 'Limit to resources in the specified API group.' },
    { name: 'cached', type: 'bool', usage: 'Use the cached list of resources if available.' },
    { name: 'categories', type: 'stringSlice', usage: 'Limit to resources that belong to the specified categories.' },
    { name: 'namespaced', type: 'bool', default: true, usage: 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.' },
    { name: 'no-headers', type: 'bool', usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (wide, name).' },
    { name: 'sort-by', type: 'string', usage: "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'." },
    { name: 'verbs', type: 'stringSlice', usage: 'Limit to resources that support the specified verbs.' },
  ],
};

export const API_VERSIONS_SPEC: CommandSpec = {
  name: 'api-versions',
  use: 'api-versions',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  long: `Print the supported API versions on the server, in the form of "group/version".`,
  example: `  # Print the supported API versions
  kubectl api-versions`,
  flags: [
  ],
};

export const VERSION_SPEC: CommandSpec = {
  name: 'version',
  use: 'version [flags]',
  short: 'Print the client and server version information',
  long: `Print the client and server version information for the current context.`,
  example: `  # Print the client and server versions for the current context
  kubectl version`,
  flags: [
    { name: 'client', type: 'bool', usage: 'If true, shows client version only (no server required).' },
    { name: 'output', short: 'o', type: 'string', usage: "One of 'yaml' or 'json'." },
  ],
};

export const CLUSTER_INFO_SPEC: CommandSpec = {
  name: 'cluster-info',
  use: 'cluster-info [flags]',
  short: 'Display cluster information',
  long: `Display addresses of the control plane and services with label kubernetes.io/cluster-service=true. To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.`,
  example: `  # Print the address of the control plane and cluster services
  kubectl cluster-info`,
  flags: [
  ],
};

export const CLUSTER_INFO_DUMP_SPEC: CommandSpec = {
  name: 'dump',
  use: 'dump [flags]',
  short: 'Dump relevant information for debugging and diagnosis',
  long: `Dump cluster information out suitable for debugging and diagnosing cluster problems.  By default, dumps everything to stdout. You can optionally specify a directory with --output-directory.  If you specify a directory, Kubernetes will build a set of files in that directory.  By default, only dumps things in the current namespace and 'kube-system' namespace, but you can switch to a different namespace with the --namespaces flag, or specify --all-namespaces to dump all namespaces.

 The command also dumps the logs of all of the pods in the cluster; these logs are dumped into different directories based on namespace and pod name.`,
  example: `  # Dump current cluster state to stdout
  kubectl cluster-info dump
  
  # Dump current cluster state to /path/to/cluster-state
  kubectl cluster-info dump --output-directory=/path/to/cluster-state
  
  # Dump all namespaces to stdout
  kubectl cluster-info dump --all-namespaces
  
  # Dump a set of namespaces to /path/to/cluster-state
  kubectl cluster-info dump --namespaces default,kube-system --output-directory=/path/to/cluster-state`,
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool', usage: 'If true, dump all namespaces.  If true, --namespaces is ignored.' },
    { name: 'allow-missing-template-keys', type: 'bool', default: true, usage: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.' },
    { name: 'namespaces', type: 'stringSlice', usage: 'A comma separated list of namespaces to dump.' },
    { name: 'output', short: 'o', type: 'string', default: 'json', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'output-directory', type: 'string', usage: "Where to output the files.  If empty or '-' uses stdout, otherwise creates a directory hierarchy in that directory" },
    { name: 'pod-running-timeout', type: 'duration', default: 20_000, usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
    { name: 'show-managed-fields', type: 'bool', usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.' },
    { name: 'template', type: 'string', usage: 'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].' },
  ],
};
