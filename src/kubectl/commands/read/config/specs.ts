/** Flags and help texts of kubectl config and its subcommands, as kubectl prints them with --help. */
import type { CommandSpec } from '../../../args/command.js';

export const CONFIG_SPEC: CommandSpec = {
  name: 'config',
  use: 'config SUBCOMMAND',
  short: 'Modify kubeconfig files',
  long: `Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".

 The loading order follows these rules:

  1.  If the --kubeconfig flag is set, then only that file is loaded. The flag may only be set once and no merging takes place.
  2.  If $KUBECONFIG environment variable is set, then it is used as a list of paths (normal path delimiting rules for your system). These paths are merged. When a value is modified, it is modified in the file that defines the stanza. When a value is created, it is created in the first file that exists. If no files in the chain exist, then it creates the last file in the list.
  3.  Otherwise, \${HOME}/.kube/config is used and no merging takes place.`,
  flags: [
  ],
};

export const VIEW_SPEC: CommandSpec = {
  name: 'view',
  use: 'view [flags]',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  long: `Display merged kubeconfig settings or a specified kubeconfig file.

 You can use --output jsonpath={...} to extract specific values using a jsonpath expression.`,
  example: `  # Show merged kubeconfig settings
  kubectl config view
  
  # Show merged kubeconfig settings, raw certificate data, and exposed secrets
  kubectl config view --raw
  
  # Get the password for the e2e user
  kubectl config view -o jsonpath='{.users[?(@.name == "e2e")].user.password}'`,
  flags: [
    { name: 'allow-missing-template-keys', type: 'bool', default: true, usage: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.' },
    { name: 'flatten', type: 'bool', usage: 'Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)' },
    { name: 'merge', type: 'bool', default: true, usage: 'Merge the full hierarchy of kubeconfig files' },
    { name: 'minify', type: 'bool', usage: 'Remove all information not used by current-context from the output' },
    { name: 'output', short: 'o', type: 'string', default: 'yaml', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'raw', type: 'bool', usage: 'Display raw byte data and sensitive data' },
    { name: 'show-managed-fields', type: 'bool', usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.' },
    { name: 'template', type: 'string', usage: 'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].' },
  ],
};

export const GET_CONTEXTS_SPEC: CommandSpec = {
  name: 'get-contexts',
  use: 'get-contexts [(-o|--output=)name)]',
  short: 'Describe one or many contexts',
  long: `Display one or many contexts from the kubeconfig file.`,
  example: `  # List all the contexts in your kubeconfig file
  kubectl config get-contexts
  
  # Describe one context in your kubeconfig file
  kubectl config get-contexts my-context`,
  flags: [
    { name: 'no-headers', type: 'bool', usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (name).' },
  ],
};

export const CURRENT_CONTEXT_SPEC: CommandSpec = {
  name: 'current-context',
  use: 'current-context [flags]',
  short: 'Display the current-context',
  long: `Display the current-context.`,
  example: `  # Display the current-context
  kubectl config current-context`,
  flags: [
  ],
};

export const SET_CONTEXT_SPEC: CommandSpec = {
  name: 'set-context',
  use: 'set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace]',
  short: 'Set a context entry in kubeconfig',
  long: `Set a context entry in kubeconfig.

 Specifying a name that already exists will merge new fields on top of existing values for those fields.`,
  example: `  # Set the user field on the gce context entry without touching other values
  kubectl config set-context gce --user=cluster-admin`,
  flags: [
    { name: 'cluster', type: 'string', usage: 'cluster for the context entry in kubeconfig' },
    { name: 'current', type: 'bool', usage: 'Modify the current context' },
    { name: 'namespace', type: 'string', usage: 'namespace for the context entry in kubeconfig' },
    { name: 'user', type: 'string', usage: 'user for the context entry in kubeconfig' },
  ],
};

export const USE_CONTEXT_SPEC: CommandSpec = {
  name: 'use-context',
  aliases: [
    'use',
  ],
  use: 'use-context CONTEXT_NAME',
  short: 'Set the current-context in a kubeconfig file',
  long: `Set the current-context in a kubeconfig file.`,
  example: `  # Use the context for the minikube cluster
  kubectl config use-context minikube`,
  flags: [
  ],
};

export const GET_CLUSTERS_SPEC: CommandSpec = {
  name: 'get-clusters',
  use: 'get-clusters [flags]',
  short: 'Display clusters defined in the kubeconfig',
  long: `Display clusters defined in the kubeconfig.`,
  example: `  # List the clusters that kubectl knows about
  kubectl config get-clusters`,
  flags: [
  ],
};

export const GET_USERS_SPEC: CommandSpec = {
  name: 'get-users',
  use: 'get-users [flags]',
  short: 'Display users defined in the kubeconfig',
  long: `Display users defined in the kubeconfig.`,
  example: `  # List the users that kubectl knows about
  kubectl config get-users`,
  flags: [
  ],
};

export const RENAME_CONTEXT_SPEC: CommandSpec = {
  name: 'rename-context',
  use: 'rename-context CONTEXT_NAME NEW_NAME',
  short: 'Rename a context from the kubeconfig file',
  long: `Renames a context from the kubeconfig file.

 CONTEXT_NAME is the context name that you want to change.

 NEW_NAME is the new name you want to set.

 Note: If the context being renamed is the 'current-context', this field will also be updated.`,
  example: `  # Rename the context 'old-name' to 'new-name' in your kubeconfig file
  kubectl config rename-context old-name new-name`,
  flags: [],
};

export const DELETE_CONTEXT_SPEC: CommandSpec = {
  name: 'delete-context',
  use: 'delete-context NAME',
  short: 'Delete the specified context from the kubeconfig',
  long: `Delete the specified context from the kubeconfig.`,
  example: `  # Delete the context for the minikube cluster
  kubectl config delete-context minikube`,
  flags: [],
};
