/**
 * Flags and help of `kubectl rollout` and its subcommands, as data.
 * Texts are those of `kubectl <verb> --help` (v1.32 binary, same as v1.30 for these verbs).
 */
import type { CommandSpec } from '../../../args/command.js';
import { ALLOW_MISSING_TEMPLATE_KEYS_FLAG, DRY_RUN_FLAG, SELECTOR_FLAG, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAG, fieldManagerFlag, outputFlag } from '../../../shared-flags.js';

export const ROLLOUT_STATUS_SPEC: CommandSpec = {
  name: 'status',
  use: 'status (TYPE NAME | TYPE/NAME) [flags]',
  short: 'Show the status of the rollout',
  long: `Show the status of the rollout.

 By default 'rollout status' will watch the status of the latest rollout until it's done. If you don't want to wait for the rollout to finish then you can use --watch=false. Note that if a new rollout starts in-between, then 'rollout status' will continue watching the latest revision. If you want to pin to a specific revision and abort if it is rolled over by another revision, use --revision=N where N is the revision you need to watch for.`,
  example: `  # Watch the rollout status of a deployment
  kubectl rollout status deployment/nginx`,
  flags: [
    { name: 'filename', short: 'f', type: 'stringSlice', usage: 'Filename, directory, or URL to files identifying the resource to get from a server.' },
    { name: 'kustomize', short: 'k', type: 'string', usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: 'recursive', short: 'R', type: 'bool', usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    { name: 'revision', type: 'int', usage: 'Pin to a specific revision for showing its status. Defaults to 0 (last revision).' },
    SELECTOR_FLAG,
    { name: 'timeout', type: 'duration', default: 0, usage: 'The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).' },
    { name: 'watch', short: 'w', type: 'bool', default: true, usage: "Watch the status of the rollout until it's done." },
  ],
};

export const ROLLOUT_HISTORY_SPEC: CommandSpec = {
  name: 'history',
  use: 'history (TYPE NAME | TYPE/NAME) [flags]',
  short: 'View rollout history',
  long: `View previous rollout revisions and configurations.`,
  example: `  # View the rollout history of a deployment
  kubectl rollout history deployment/abc
  
  # View the details of daemonset revision 3
  kubectl rollout history daemonset/abc --revision=3`,
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    { name: 'filename', short: 'f', type: 'stringSlice', usage: 'Filename, directory, or URL to files identifying the resource to get from a server.' },
    { name: 'kustomize', short: 'k', type: 'string', usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    outputFlag(),
    { name: 'recursive', short: 'R', type: 'bool', usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    { name: 'revision', type: 'int', usage: 'See the details, including podTemplate of the revision specified' },
    SELECTOR_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
  ],
};

export const ROLLOUT_UNDO_SPEC: CommandSpec = {
  name: 'undo',
  use: 'undo (TYPE NAME | TYPE/NAME) [flags]',
  short: 'Undo a previous rollout',
  long: `Roll back to a previous rollout.`,
  example: `  # Roll back to the previous deployment
  kubectl rollout undo deployment/abc
  
  # Roll back to daemonset revision 3
  kubectl rollout undo daemonset/abc --to-revision=3
  
  # Roll back to the previous deployment with dry-run
  kubectl rollout undo --dry-run=server deployment/abc`,
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    DRY_RUN_FLAG,
    { name: 'filename', short: 'f', type: 'stringSlice', usage: 'Filename, directory, or URL to files identifying the resource to get from a server.' },
    { name: 'kustomize', short: 'k', type: 'string', usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    outputFlag(),
    { name: 'recursive', short: 'R', type: 'bool', usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    SELECTOR_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    { name: 'to-revision', type: 'int', usage: 'The revision to rollback to. Default to 0 (last revision).' },
  ],
};

export const ROLLOUT_RESTART_SPEC: CommandSpec = {
  name: 'restart',
  use: 'restart RESOURCE',
  short: 'Restart a resource',
  long: `Restart a resource.

        Resource rollout will be restarted.`,
  example: `  # Restart all deployments in the test-namespace namespace
  kubectl rollout restart deployment -n test-namespace
  
  # Restart a deployment
  kubectl rollout restart deployment/nginx
  
  # Restart a daemon set
  kubectl rollout restart daemonset/abc
  
  # Restart deployments with the app=nginx label
  kubectl rollout restart deployment --selector=app=nginx`,
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    fieldManagerFlag("kubectl-rollout"),
    { name: 'filename', short: 'f', type: 'stringSlice', usage: 'Filename, directory, or URL to files identifying the resource to get from a server.' },
    { name: 'kustomize', short: 'k', type: 'string', usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    outputFlag(),
    { name: 'recursive', short: 'R', type: 'bool', usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    SELECTOR_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
  ],
};

export const ROLLOUT_PAUSE_SPEC: CommandSpec = {
  name: 'pause',
  use: 'pause RESOURCE',
  short: 'Mark the provided resource as paused',
  long: `Mark the provided resource as paused.

 Paused resources will not be reconciled by a controller. Use "kubectl rollout resume" to resume a paused resource. Currently only deployments support being paused.`,
  example: `  # Mark the nginx deployment as paused
  # Any current state of the deployment will continue its function; new updates
  # to the deployment will not have an effect as long as the deployment is paused
  kubectl rollout pause deployment/nginx`,
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    fieldManagerFlag("kubectl-rollout"),
    { name: 'filename', short: 'f', type: 'stringSlice', usage: 'Filename, directory, or URL to files identifying the resource to get from a server.' },
    { name: 'kustomize', short: 'k', type: 'string', usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    outputFlag(),
    { name: 'recursive', short: 'R', type: 'bool', usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    SELECTOR_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
  ],
};

export const ROLLOUT_RESUME_SPEC: CommandSpec = {
  name: 'resume',
  use: 'resume RESOURCE',
  short: 'Resume a paused resource',
  long: `Resume a paused resource.

 Paused resources will not be reconciled by a controller. By resuming a resource, we allow it to be reconciled again. Currently only deployments support being resumed.`,
  example: `  # Resume an already paused deployment
  kubectl rollout resume deployment/nginx`,
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    fieldManagerFlag("kubectl-rollout"),
    { name: 'filename', short: 'f', type: 'stringSlice', usage: 'Filename, directory, or URL to files identifying the resource to get from a server.' },
    { name: 'kustomize', short: 'k', type: 'string', usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    outputFlag(),
    { name: 'recursive', short: 'R', type: 'bool', usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    SELECTOR_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
  ],
};

export const ROLLOUT_SPEC: CommandSpec = {
  name: 'rollout',
  use: 'rollout SUBCOMMAND',
  short: 'Manage the rollout of a resource',
  long: `Manage the rollout of one or many resources.
        
 Valid resource types include:

  *  deployments
  *  daemonsets
  *  statefulsets`,
  example: `  # Rollback to the previous deployment
  kubectl rollout undo deployment/abc
  
  # Check the rollout status of a daemonset
  kubectl rollout status daemonset/foo
  
  # Restart a deployment
  kubectl rollout restart deployment/abc
  
  # Restart deployments with the 'app=nginx' label
  kubectl rollout restart deployment --selector=app=nginx`,
};

