/**
 * `kubectl apply` and its subcommands: flags, help texts and usage lines as `kubectl <verb> --help` prints them
 * (scraped from the real binary; types of list and int flags follow kubectl's source).
 */
import type { CommandSpec } from '../../../args/command.js';
import { ALLOW_MISSING_TEMPLATE_KEYS_FLAG, DRY_RUN_FLAG, SELECTOR_FLAG, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAG, VALIDATE_FLAG, fieldManagerFlag, outputFlag } from '../../../shared-flags.js';

/** `kubectl apply edit-last-applied`. */
export const applyEditLastAppliedSpec: CommandSpec = {
  name: "edit-last-applied",
  use: "edit-last-applied (RESOURCE/NAME | -f FILENAME)",
  short: "Edit latest last-applied-configuration annotations of a resource/object",
  long: `Edit the latest last-applied-configuration annotations of resources from the default editor.

 The edit-last-applied command allows you to directly edit any API resource you can retrieve via the command-line tools. It will open the editor defined by your KUBE_EDITOR, or EDITOR environment variables, or fall back to 'vi' for Linux or 'notepad' for Windows. You can edit multiple objects, although changes are applied one at a time. The command accepts file names as well as command-line arguments, although the files you point to must be previously saved versions of resources.

 The default format is YAML. To edit in JSON, specify "-o json".

 The flag --windows-line-endings can be used to force Windows line endings, otherwise the default for your operating system will be used.

 In the event an error occurs while updating, a temporary file will be created on disk that contains your unapplied changes. The most common error when updating a resource is another editor changing the resource on the server. When this occurs, you will have to apply your changes to the newer version of the resource, or update your temporary saved copy to include the latest resource version.`,
  example: `  # Edit the last-applied-configuration annotations by type/name in YAML
  kubectl apply edit-last-applied deployment/nginx
  
  # Edit the last-applied-configuration annotations by file in JSON
  kubectl apply edit-last-applied -f deploy.yaml -o json`,
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    fieldManagerFlag("kubectl-client-side-apply"),
    { name: "filename", short: "f", type: "stringSlice", usage: "Filename, directory, or URL to files to use to edit the resource" },
    { name: "kustomize", short: "k", type: "string", usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    outputFlag(),
    { name: "recursive", short: "R", type: "bool", usage: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory." },
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    VALIDATE_FLAG,
    { name: "windows-line-endings", type: "bool", usage: "Defaults to the line ending native to your platform." },
  ],
};

/** `kubectl apply set-last-applied`. */
export const applySetLastAppliedSpec: CommandSpec = {
  name: "set-last-applied",
  use: "set-last-applied -f FILENAME",
  short: "Set the last-applied-configuration annotation on a live object to match the contents of a file",
  long: `Set the latest last-applied-configuration annotations by setting it to match the contents of a file. This results in the last-applied-configuration being updated as though 'kubectl apply -f<file> ' was run, without updating any other parts of the object.`,
  example: `  # Set the last-applied-configuration of a resource to match the contents of a file
  kubectl apply set-last-applied -f deploy.yaml
  
  # Execute set-last-applied against each configuration file in a directory
  kubectl apply set-last-applied -f path/
  
  # Set the last-applied-configuration of a resource to match the contents of a file; will create the annotation if it does not already exist
  kubectl apply set-last-applied -f deploy.yaml --create-annotation=true`,
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    { name: "create-annotation", type: "bool", usage: "Will create 'last-applied-configuration' annotations if current objects doesn't have one" },
    DRY_RUN_FLAG,
    { name: "filename", short: "f", type: "stringSlice", usage: "Filename, directory, or URL to files that contains the last-applied-configuration annotations" },
    outputFlag(),
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
  ],
};

/** `kubectl apply view-last-applied`. */
export const applyViewLastAppliedSpec: CommandSpec = {
  name: "view-last-applied",
  use: "view-last-applied (TYPE [NAME | -l label] | TYPE/NAME | -f FILENAME)",
  short: "View the latest last-applied-configuration annotations of a resource/object",
  long: `View the latest last-applied-configuration annotations by type/name or file.

 The default output will be printed to stdout in YAML format. You can use the -o option to change the output format.`,
  example: `  # View the last-applied-configuration annotations by type/name in YAML
  kubectl apply view-last-applied deployment/nginx
  
  # View the last-applied-configuration annotations by file in JSON
  kubectl apply view-last-applied -f deploy.yaml -o json`,
  flags: [
    { name: "all", type: "bool", usage: "Select all resources in the namespace of the specified resource types" },
    { name: "filename", short: "f", type: "stringSlice", usage: "Filename, directory, or URL to files that contains the last-applied-configuration annotations" },
    { name: "kustomize", short: "k", type: "string", usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: "output", short: "o", type: "string", default: "yaml", usage: "Output format. Must be one of (yaml, json)" },
    { name: "recursive", short: "R", type: "bool", usage: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory." },
    SELECTOR_FLAG,
  ],
};

/** `kubectl apply`. */
export const applySpec: CommandSpec = {
  name: "apply",
  use: "apply (-f FILENAME | -k DIRECTORY)",
  short: "Apply a configuration to a resource by file name or stdin",
  long: `Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn't exist yet. To use 'apply', always create the resource initially with either 'apply' or 'create --save-config'.

 JSON and YAML formats are accepted.

 Alpha Disclaimer: the --prune functionality is not yet complete. Do not use unless you are aware of what the current state is. See https://issues.k8s.io/34274.`,
  example: `  # Apply the configuration in pod.json to a pod
  kubectl apply -f ./pod.json
  
  # Apply resources from a directory containing kustomization.yaml - e.g. dir/kustomization.yaml
  kubectl apply -k dir/
  
  # Apply the JSON passed into stdin to a pod
  cat pod.json | kubectl apply -f -
  
  # Apply the configuration from all files that end with '.json'
  kubectl apply -f '*.json'
  
  # Note: --prune is still in Alpha
  # Apply the configuration in manifest.yaml that matches label app=nginx and delete all other resources that are not in the file and match label app=nginx
  kubectl apply --prune -f manifest.yaml -l app=nginx
  
  # Apply the configuration in manifest.yaml and delete all the other config maps that are not in the file
  kubectl apply --prune -f manifest.yaml --all --prune-allowlist=core/v1/ConfigMap`,
  flags: [
    { name: "all", type: "bool", usage: "Select all resources in the namespace of the specified resource types." },
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    { name: "cascade", type: "string", default: "background", noOptDefault: "background", usage: "Must be \"background\", \"orphan\", or \"foreground\". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background." },
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-client-side-apply"),
    { name: "filename", short: "f", type: "stringSlice", usage: "The files that contain the configurations to apply." },
    { name: "force", type: "bool", usage: "If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation." },
    { name: "force-conflicts", type: "bool", usage: "If true, server-side apply will force the changes against conflicts." },
    { name: "grace-period", type: "int", default: -1, usage: "Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion)." },
    { name: "kustomize", short: "k", type: "string", usage: "Process a kustomization directory. This flag can't be used together with -f or -R." },
    { name: "openapi-patch", type: "bool", default: true, usage: "If true, use openapi to calculate diff when the openapi presents and the resource can be found in the openapi spec. Otherwise, fall back to use baked-in types." },
    outputFlag(),
    { name: "overwrite", type: "bool", default: true, usage: "Automatically resolve conflicts between the modified and live configuration by using values from the modified configuration" },
    { name: "prune", type: "bool", usage: "Automatically delete resource objects, that do not appear in the configs and are created by either apply or create --save-config. Should be used with either -l or --all." },
    { name: "prune-allowlist", type: "stringSlice", usage: "Overwrite the default allowlist with <group/version/kind> for --prune" },
    { name: "recursive", short: "R", type: "bool", usage: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory." },
    SELECTOR_FLAG,
    { name: "server-side", type: "bool", usage: "If true, apply runs in the server instead of the client." },
    SHOW_MANAGED_FIELDS_FLAG,
    { name: "subresource", type: "string", usage: "If specified, apply will operate on the subresource of the requested object.  Only allowed when using --server-side. This flag is beta and may change in the future." },
    TEMPLATE_FLAG,
    { name: "timeout", type: "duration", default: 0, usage: "The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object" },
    VALIDATE_FLAG,
    { name: "wait", type: "bool", usage: "If true, wait for resources to be gone before returning. This waits for finalizers." },
  ],
  subcommands: [applyEditLastAppliedSpec, applySetLastAppliedSpec, applyViewLastAppliedSpec],
};
