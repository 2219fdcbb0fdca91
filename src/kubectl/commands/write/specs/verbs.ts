/**
 * The other write verbs: flags, help texts and usage lines as `kubectl <verb> --help` prints them
 * (scraped from the real binary; types of list and int flags follow kubectl's source).
 */
import type { CommandSpec } from '../../../args/command.js';
import { ALLOW_MISSING_TEMPLATE_KEYS_FLAG, DRY_RUN_FLAG, FIELD_SELECTOR_FLAG, SELECTOR_FLAG, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAG, VALIDATE_FLAG, fieldManagerFlag, outputFlag } from '../../../shared-flags.js';

/** `kubectl run`. */
export const runSpec: CommandSpec = {
  name: "run",
  use: "run NAME --image=image [--env=\"key=value\"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...]",
  short: "Run a particular image on the cluster",
  long: `Create and run a particular image in a pod.`,
  example: `  # Start a nginx pod
  kubectl run nginx --image=nginx
  
  # Start a hazelcast pod and let the container expose port 5701
  kubectl run hazelcast --image=hazelcast/hazelcast --port=5701
  
  # Start a hazelcast pod and set environment variables "DNS_DOMAIN=cluster" and "POD_NAMESPACE=default" in the container
  kubectl run hazelcast --image=hazelcast/hazelcast --env="DNS_DOMAIN=cluster" --env="POD_NAMESPACE=default"
  
  # Start a hazelcast pod and set labels "app=hazelcast" and "env=prod" in the container
  kubectl run hazelcast --image=hazelcast/hazelcast --labels="app=hazelcast,env=prod"
  
  # Dry run; print the corresponding API objects without creating them
  kubectl run nginx --image=nginx --dry-run=client
  
  # Start a nginx pod, but overload the spec with a partial set of values parsed from JSON
  kubectl run nginx --image=nginx --overrides='{ "apiVersion": "v1", "spec": { ... } }'
  
  # Start a busybox pod and keep it in the foreground, don't restart it if it exits
  kubectl run -i -t busybox --image=busybox --restart=Never
  
  # Start the nginx pod using the default command, but use custom arguments (arg1 .. argN) for that command
  kubectl run nginx --image=nginx -- <arg1> <arg2> ... <argN>
  
  # Start the nginx pod using a different command and custom arguments
  kubectl run nginx --image=nginx --command -- <cmd> <arg1> ... <argN>`,
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    { name: "annotations", type: "stringArray", usage: "Annotations to apply to the pod." },
    { name: "attach", type: "bool", usage: "If true, wait for the Pod to start running, and then attach to the Pod as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true. With '--restart=Never' the exit code of the container process is returned." },
    { name: "cascade", type: "string", default: "background", noOptDefault: "background", usage: "Must be \"background\", \"orphan\", or \"foreground\". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background." },
    { name: "command", type: "bool", usage: "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default." },
    DRY_RUN_FLAG,
    { name: "env", type: "stringArray", usage: "Environment variables to set in the container." },
    { name: "expose", type: "bool", usage: "If true, create a ClusterIP service associated with the pod.  Requires `--port`." },
    fieldManagerFlag("kubectl-run"),
    { name: "filename", short: "f", type: "stringSlice", usage: "to use to replace the resource." },
    { name: "force", type: "bool", usage: "If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation." },
    { name: "grace-period", type: "int", default: -1, usage: "Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion)." },
    { name: "image", type: "string", usage: "The image for the container to run." },
    { name: "image-pull-policy", type: "string", usage: "The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server." },
    { name: "kustomize", short: "k", type: "string", usage: "Process a kustomization directory. This flag can't be used together with -f or -R." },
    { name: "labels", short: "l", type: "string", usage: "Comma separated labels to apply to the pod. Will override previous values." },
    { name: "leave-stdin-open", type: "bool", usage: "If the pod is started in interactive mode or with stdin, leave stdin open after the first attach completes. By default, stdin will be closed after the first attach completes." },
    outputFlag(),
    { name: "override-type", type: "string", default: "merge", usage: "The method used to override the generated object: json, merge, or strategic." },
    { name: "overrides", type: "string", usage: "An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field." },
    { name: "pod-running-timeout", type: "duration", default: 60000, usage: "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running" },
    { name: "port", type: "string", usage: "The port that this container exposes." },
    { name: "privileged", type: "bool", usage: "If true, run the container in privileged mode." },
    { name: "quiet", short: "q", type: "bool", usage: "If true, suppress prompt messages." },
    { name: "recursive", short: "R", type: "bool", usage: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory." },
    { name: "restart", type: "string", default: "Always", usage: "The restart policy for this Pod.  Legal values [Always, OnFailure, Never]." },
    { name: "rm", type: "bool", usage: "If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with '--attach' or with '-i/--stdin'." },
    { name: "save-config", type: "bool", usage: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future." },
    SHOW_MANAGED_FIELDS_FLAG,
    { name: "stdin", short: "i", type: "bool", usage: "Keep stdin open on the container in the pod, even if nothing is attached." },
    TEMPLATE_FLAG,
    { name: "timeout", type: "duration", default: 0, usage: "The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object" },
    { name: "tty", short: "t", type: "bool", usage: "Allocate a TTY for the container in the pod." },
    { name: "wait", type: "bool", usage: "If true, wait for resources to be gone before returning. This waits for finalizers." },
  ],
};

/** `kubectl expose`. */
export const exposeSpec: CommandSpec = {
  name: "expose",
  use: "expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type]",
  short: "Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service",
  long: `Expose a resource as a new Kubernetes service.

 Looks up a deployment, service, replica set, replication controller or pod by name and uses the selector for that resource as the selector for a new service on the specified port. A deployment or replica set will be exposed as a service only if its selector is convertible to a selector that service supports, i.e. when the selector contains only the matchLabels component. Note that if no port is specified via --port and the exposed resource has multiple ports, all will be re-used by the new service. Also if no labels are specified, the new service will re-use the labels from the resource it exposes.

 Possible resources include (case insensitive):

 pod (po), service (svc), replicationcontroller (rc), deployment (deploy), replicaset (rs)`,
  example: `  # Create a service for a replicated nginx, which serves on port 80 and connects to the containers on port 8000
  kubectl expose rc nginx --port=80 --target-port=8000
  
  # Create a service for a replication controller identified by type and name specified in "nginx-controller.yaml", which serves on port 80 and connects to the containers on port 8000
  kubectl expose -f nginx-controller.yaml --port=80 --target-port=8000
  
  # Create a service for a pod valid-pod, which serves on port 444 with the name "frontend"
  kubectl expose pod valid-pod --port=444 --name=frontend
  
  # Create a second service based on the above service, exposing the container port 8443 as port 443 with the name "nginx-https"
  kubectl expose service nginx --port=443 --target-port=8443 --name=nginx-https
  
  # Create a service for a replicated streaming application on port 4100 balancing UDP traffic and named 'video-stream'.
  kubectl expose rc streamer --port=4100 --protocol=UDP --name=video-stream
  
  # Create a service for a replicated nginx using replica set, which serves on port 80 and connects to the containers on port 8000
  kubectl expose rs nginx --port=80 --target-port=8000
  
  # Create a service for an nginx deployment, which serves on port 80 and connects to the containers on port 8000
  kubectl expose deployment nginx --port=80 --target-port=8000`,
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    { name: "cluster-ip", type: "string", usage: "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service." },
    DRY_RUN_FLAG,
    { name: "external-ip", type: "string", usage: "Additional external IP address (not managed by Kubernetes) to accept for the service. If this IP is routed to a node, the service can be accessed by this IP in addition to its generated service IP." },
    fieldManagerFlag("kubectl-expose"),
    { name: "filename", short: "f", type: "stringSlice", usage: "Filename, directory, or URL to files identifying the resource to expose a service" },
    { name: "kustomize", short: "k", type: "string", usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: "labels", short: "l", type: "string", usage: "Labels to apply to the service created by this call." },
    { name: "load-balancer-ip", type: "string", usage: "IP to assign to the LoadBalancer. If empty, an ephemeral IP will be created and used (cloud-provider specific)." },
    { name: "name", type: "string", usage: "The name for the newly created object." },
    outputFlag(),
    { name: "override-type", type: "string", default: "merge", usage: "The method used to override the generated object: json, merge, or strategic." },
    { name: "overrides", type: "string", usage: "An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field." },
    { name: "port", type: "string", usage: "The port that the service should serve on. Copied from the resource being exposed, if unspecified" },
    { name: "protocol", type: "string", usage: "The network protocol for the service to be created. Default is 'TCP'." },
    { name: "recursive", short: "R", type: "bool", usage: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory." },
    { name: "save-config", type: "bool", usage: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future." },
    { name: "selector", type: "string", usage: "A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)" },
    { name: "session-affinity", type: "string", usage: "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'" },
    SHOW_MANAGED_FIELDS_FLAG,
    { name: "target-port", type: "string", usage: "Name or number for the port on the container that the service should direct traffic to. Optional." },
    TEMPLATE_FLAG,
    { name: "type", type: "string", usage: "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'." },
  ],
};

/** `kubectl delete`. */
export const deleteSpec: CommandSpec = {
  name: "delete",
  use: "delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)])",
  short: "Delete resources by file names, stdin, resources and names, or by resources and label selector",
  long: `Delete resources by file names, stdin, resources and names, or by resources and label selector.

 JSON and YAML formats are accepted. Only one type of argument may be specified: file names, resources and names, or resources and label selector.

 Some resources, such as pods, support graceful deletion. These resources define a default period before they are forcibly terminated (the grace period) but you may override that value with the --grace-period flag, or pass --now to set a grace-period of 1. Because these resources often represent entities in the cluster, deletion may not be acknowledged immediately. If the node hosting a pod is down or cannot reach the API server, termination may take significantly longer than the grace period. To force delete a resource, you must specify the --force flag. Note: only a subset of resources support graceful deletion. In absence of the support, the --grace-period flag is ignored.

 IMPORTANT: Force deleting pods does not wait for confirmation that the pod's processes have been terminated, which can leave those processes running until the node detects the deletion and completes graceful deletion. If your processes use shared storage or talk to a remote API and depend on the name of the pod to identify themselves, force deleting those pods may result in multiple processes running on different machines using the same identification which may lead to data corruption or inconsistency. Only force delete pods when you are sure the pod is terminated, or if your application can tolerate multiple copies of the same pod running at once. Also, if you force delete pods, the scheduler may place new pods on those nodes before the node has released those resources and causing those pods to be evicted immediately.

 Note that the delete command does NOT do resource version checks, so if someone submits an update to a resource right when you submit a delete, their update will be lost along with the rest of the resource.

 After a CustomResourceDefinition is deleted, invalidation of discovery cache may take up to 6 hours. If you don't want to wait, you might want to run "kubectl api-resources" to refresh the discovery cache.`,
  example: `  # Delete a pod using the type and name specified in pod.json
  kubectl delete -f ./pod.json
  
  # Delete resources from a directory containing kustomization.yaml - e.g. dir/kustomization.yaml
  kubectl delete -k dir
  
  # Delete resources from all files that end with '.json'
  kubectl delete -f '*.json'
  
  # Delete a pod based on the type and name in the JSON passed into stdin
  cat pod.json | kubectl delete -f -
  
  # Delete pods and services with same names "baz" and "foo"
  kubectl delete pod,service baz foo
  
  # Delete pods and services with label name=myLabel
  kubectl delete pods,services -l name=myLabel
  
  # Delete a pod with minimal delay
  kubectl delete pod foo --now
  
  # Force delete a pod on a dead node
  kubectl delete pod foo --force
  
  # Delete all pods
  kubectl delete pods --all
  
  # Delete all pods only if the user confirms the deletion
  kubectl delete pods --all --interactive`,
  flags: [
    { name: "all", type: "bool", usage: "Delete all resources, in the namespace of the specified resource types." },
    { name: "all-namespaces", short: "A", type: "bool", usage: "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace." },
    { name: "cascade", type: "string", default: "background", noOptDefault: "background", usage: "Must be \"background\", \"orphan\", or \"foreground\". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background." },
    DRY_RUN_FLAG,
    FIELD_SELECTOR_FLAG,
    { name: "filename", short: "f", type: "stringSlice", usage: "containing the resource to delete." },
    { name: "force", type: "bool", usage: "If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation." },
    { name: "grace-period", type: "int", default: -1, usage: "Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion)." },
    { name: "ignore-not-found", type: "bool", usage: "Treat \"resource not found\" as a successful delete. Defaults to \"true\" when --all is specified." },
    { name: "interactive", short: "i", type: "bool", usage: "If true, delete resource only when user confirms." },
    { name: "kustomize", short: "k", type: "string", usage: "Process a kustomization directory. This flag can't be used together with -f or -R." },
    { name: "now", type: "bool", usage: "If true, resources are signaled for immediate shutdown (same as --grace-period=1)." },
    { name: "output", short: "o", type: "string", usage: "Output mode. Use \"-o name\" for shorter output (resource/name)." },
    { name: "raw", type: "string", usage: "Raw URI to DELETE to the server.  Uses the transport specified by the kubeconfig file." },
    { name: "recursive", short: "R", type: "bool", usage: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory." },
    SELECTOR_FLAG,
    { name: "timeout", type: "duration", default: 0, usage: "The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object" },
    { name: "wait", type: "bool", default: true, usage: "If true, wait for resources to be gone before returning. This waits for finalizers." },
  ],
};

/** `kubectl edit`. */
export const editSpec: CommandSpec = {
  name: "edit",
  use: "edit (RESOURCE/NAME | -f FILENAME)",
  short: "Edit a resource on the server",
  long: `Edit a resource from the default editor.

 The edit command allows you to directly edit any API resource you can retrieve via the command-line tools. It will open the editor defined by your KUBE_EDITOR, or EDITOR environment variables, or fall back to 'vi' for Linux or 'notepad' for Windows. When attempting to open the editor, it will first attempt to use the shell that has been defined in the 'SHELL' environment variable. If this is not defined, the default shell will be used, which is '/bin/bash' for Linux or 'cmd' for Windows.

 You can edit multiple objects, although changes are applied one at a time. The command accepts file names as well as command-line arguments, although the files you point to must be previously saved versions of resources.

 Editing is done with the API version used to fetch the resource. To edit using a specific API version, fully-qualify the resource, version, and group.

 The default format is YAML. To edit in JSON, specify "-o json".

 The flag --windows-line-endings can be used to force Windows line endings, otherwise the default for your operating system will be used.

 In the event an error occurs while updating, a temporary file will be created on disk that contains your unapplied changes. The most common error when updating a resource is another editor changing the resource on the server. When this occurs, you will have to apply your changes to the newer version of the resource, or update your temporary saved copy to include the latest resource version.`,
  example: `  # Edit the service named 'registry'
  kubectl edit svc/registry
  
  # Use an alternative editor
  KUBE_EDITOR="nano" kubectl edit svc/registry
  
  # Edit the job 'myjob' in JSON using the v1 API format
  kubectl edit job.v1.batch/myjob -o json
  
  # Edit the deployment 'mydeployment' in YAML and save the modified config in its annotation
  kubectl edit deployment/mydeployment -o yaml --save-config
  
  # Edit the 'status' subresource for the 'mydeployment' deployment
  kubectl edit deployment mydeployment --subresource='status'`,
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    fieldManagerFlag("kubectl-edit"),
    { name: "filename", short: "f", type: "stringSlice", usage: "Filename, directory, or URL to files to use to edit the resource" },
    { name: "kustomize", short: "k", type: "string", usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    outputFlag(),
    { name: "output-patch", type: "bool", usage: "Output the patch if the resource is edited." },
    { name: "recursive", short: "R", type: "bool", usage: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory." },
    { name: "save-config", type: "bool", usage: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future." },
    SHOW_MANAGED_FIELDS_FLAG,
    { name: "subresource", type: "string", usage: "If specified, edit will operate on the subresource of the requested object. This flag is beta and may change in the future." },
    TEMPLATE_FLAG,
    VALIDATE_FLAG,
    { name: "windows-line-endings", type: "bool", usage: "Defaults to the line ending native to your platform." },
  ],
};

/** `kubectl patch`. */
export const patchSpec: CommandSpec = {
  name: "patch",
  use: "patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE]",
  short: "Update fields of a resource",
  long: `Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.

 JSON and YAML formats are accepted.

 Note: Strategic merge patch is not supported for custom resources.`,
  example: `  # Partially update a node using a strategic merge patch, specifying the patch as JSON
  kubectl patch node k8s-node-1 -p '{"spec":{"unschedulable":true}}'
  
  # Partially update a node using a strategic merge patch, specifying the patch as YAML
  kubectl patch node k8s-node-1 -p $'spec:\\n unschedulable: true'
  
  # Partially update a node identified by the type and name specified in "node.json" using strategic merge patch
  kubectl patch -f node.json -p '{"spec":{"unschedulable":true}}'
  
  # Update a container's image; spec.containers[*].name is required because it's a merge key
  kubectl patch pod valid-pod -p '{"spec":{"containers":[{"name":"kubernetes-serve-hostname","image":"new image"}]}}'
  
  # Update a container's image using a JSON patch with positional arrays
  kubectl patch pod valid-pod --type='json' -p='[{"op": "replace", "path": "/spec/containers/0/image", "value":"new image"}]'
  
  # Update a deployment's replicas through the 'scale' subresource using a merge patch
  kubectl patch deployment nginx-deployment --subresource='scale' --type='merge' -p '{"spec":{"replicas":2}}'`,
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-patch"),
    { name: "filename", short: "f", type: "stringSlice", usage: "Filename, directory, or URL to files identifying the resource to update" },
    { name: "kustomize", short: "k", type: "string", usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: "local", type: "bool", usage: "If true, patch will operate on the content of the file, not the server-side resource." },
    outputFlag(),
    { name: "patch", short: "p", type: "string", usage: "The patch to be applied to the resource JSON file." },
    { name: "patch-file", type: "string", usage: "A file containing a patch to be applied to the resource." },
    { name: "recursive", short: "R", type: "bool", usage: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory." },
    SHOW_MANAGED_FIELDS_FLAG,
    { name: "subresource", type: "string", usage: "If specified, patch will operate on the subresource of the requested object. This flag is beta and may change in the future." },
    TEMPLATE_FLAG,
    { name: "type", type: "string", default: "strategic", usage: "The type of patch being provided; one of [json merge strategic]" },
  ],
};

/** `kubectl replace`. */
export const replaceSpec: CommandSpec = {
  name: "replace",
  use: "replace -f FILENAME",
  short: "Replace a resource by file name or stdin",
  long: `Replace a resource by file name or stdin.

 JSON and YAML formats are accepted. If replacing an existing resource, the complete resource spec must be provided. This can be obtained by

        $ kubectl get TYPE NAME -o yaml`,
  example: `  # Replace a pod using the data in pod.json
  kubectl replace -f ./pod.json
  
  # Replace a pod based on the JSON passed into stdin
  cat pod.json | kubectl replace -f -
  
  # Update a single-container pod's image version (tag) to v4
  kubectl get pod mypod -o yaml | sed 's/\\(image: myimage\\):.*$/\\1:v4/' | kubectl replace -f -
  
  # Force replace, delete and then re-create the resource
  kubectl replace --force -f ./pod.json`,
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    { name: "cascade", type: "string", default: "background", noOptDefault: "background", usage: "Must be \"background\", \"orphan\", or \"foreground\". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background." },
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-replace"),
    { name: "filename", short: "f", type: "stringSlice", usage: "The files that contain the configurations to replace." },
    { name: "force", type: "bool", usage: "If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation." },
    { name: "grace-period", type: "int", default: -1, usage: "Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion)." },
    { name: "kustomize", short: "k", type: "string", usage: "Process a kustomization directory. This flag can't be used together with -f or -R." },
    outputFlag(),
    { name: "raw", type: "string", usage: "Raw URI to PUT to the server.  Uses the transport specified by the kubeconfig file." },
    { name: "recursive", short: "R", type: "bool", usage: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory." },
    { name: "save-config", type: "bool", usage: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future." },
    SHOW_MANAGED_FIELDS_FLAG,
    { name: "subresource", type: "string", usage: "If specified, replace will operate on the subresource of the requested object. This flag is beta and may change in the future." },
    TEMPLATE_FLAG,
    { name: "timeout", type: "duration", default: 0, usage: "The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object" },
    VALIDATE_FLAG,
    { name: "wait", type: "bool", usage: "If true, wait for resources to be gone before returning. This waits for finalizers." },
  ],
};

/** `kubectl label`. */
export const labelSpec: CommandSpec = {
  name: "label",
  use: "label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]",
  short: "Update the labels on a resource",
  long: `Update the labels on a resource.

  *  A label key and value must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters each.
  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.
  *  If --overwrite is true, then existing labels can be overwritten, otherwise attempting to overwrite a label will result in an error.
  *  If --resource-version is specified, then updates will use this resource version, otherwise the existing resource-version will be used.`,
  example: `  # Update pod 'foo' with the label 'unhealthy' and the value 'true'
  kubectl label pods foo unhealthy=true
  
  # Update pod 'foo' with the label 'status' and the value 'unhealthy', overwriting any existing value
  kubectl label --overwrite pods foo status=unhealthy
  
  # Update all pods in the namespace
  kubectl label pods --all status=unhealthy
  
  # Update a pod identified by the type and name in "pod.json"
  kubectl label -f pod.json status=unhealthy
  
  # Update pod 'foo' only if the resource is unchanged from version 1
  kubectl label pods foo status=unhealthy --resource-version=1
  
  # Update pod 'foo' by removing a label named 'bar' if it exists
  # Does not require the --overwrite flag
  kubectl label pods foo bar-`,
  flags: [
    { name: "all", type: "bool", usage: "Select all resources, in the namespace of the specified resource types" },
    { name: "all-namespaces", short: "A", type: "bool", usage: "If true, check the specified action in all namespaces." },
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-label"),
    FIELD_SELECTOR_FLAG,
    { name: "filename", short: "f", type: "stringSlice", usage: "Filename, directory, or URL to files identifying the resource to update the labels" },
    { name: "kustomize", short: "k", type: "string", usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: "list", type: "bool", usage: "If true, display the labels for a given resource." },
    { name: "local", type: "bool", usage: "If true, label will NOT contact api-server but run locally." },
    outputFlag(),
    { name: "overwrite", type: "bool", usage: "If true, allow labels to be overwritten, otherwise reject label updates that overwrite existing labels." },
    { name: "recursive", short: "R", type: "bool", usage: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory." },
    { name: "resource-version", type: "string", usage: "If non-empty, the labels update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource." },
    SELECTOR_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
  ],
};

/** `kubectl annotate`. */
export const annotateSpec: CommandSpec = {
  name: "annotate",
  use: "annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]",
  short: "Update the annotations on a resource",
  long: `Update the annotations on one or more resources.

 All Kubernetes objects support the ability to store additional data with the object as annotations. Annotations are key/value pairs that can be larger than labels and include arbitrary string values such as structured JSON. Tools and system extensions may use annotations to store their own data.

 Attempting to set an annotation that already exists will fail unless --overwrite is set. If --resource-version is specified and does not match the current resource version on the server the command will fail.

Use "kubectl api-resources" for a complete list of supported resources.`,
  example: `  # Update pod 'foo' with the annotation 'description' and the value 'my frontend'
  # If the same annotation is set multiple times, only the last value will be applied
  kubectl annotate pods foo description='my frontend'
  
  # Update a pod identified by type and name in "pod.json"
  kubectl annotate -f pod.json description='my frontend'
  
  # Update pod 'foo' with the annotation 'description' and the value 'my frontend running nginx', overwriting any existing value
  kubectl annotate --overwrite pods foo description='my frontend running nginx'
  
  # Update all pods in the namespace
  kubectl annotate pods --all description='my frontend running nginx'
  
  # Update pod 'foo' only if the resource is unchanged from version 1
  kubectl annotate pods foo description='my frontend running nginx' --resource-version=1
  
  # Update pod 'foo' by removing an annotation named 'description' if it exists
  # Does not require the --overwrite flag
  kubectl annotate pods foo description-`,
  flags: [
    { name: "all", type: "bool", usage: "Select all resources, in the namespace of the specified resource types." },
    { name: "all-namespaces", short: "A", type: "bool", usage: "If true, check the specified action in all namespaces." },
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-annotate"),
    FIELD_SELECTOR_FLAG,
    { name: "filename", short: "f", type: "stringSlice", usage: "Filename, directory, or URL to files identifying the resource to update the annotation" },
    { name: "kustomize", short: "k", type: "string", usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: "list", type: "bool", usage: "If true, display the annotations for a given resource." },
    { name: "local", type: "bool", usage: "If true, annotation will NOT contact api-server but run locally." },
    outputFlag(),
    { name: "overwrite", type: "bool", usage: "If true, allow annotations to be overwritten, otherwise reject annotation updates that overwrite existing annotations." },
    { name: "recursive", short: "R", type: "bool", usage: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory." },
    { name: "resource-version", type: "string", usage: "If non-empty, the annotation update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource." },
    SELECTOR_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
  ],
};

/** `kubectl diff`. */
export const diffSpec: CommandSpec = {
  name: "diff",
  use: "diff -f FILENAME",
  short: "Diff the live version against a would-be applied version",
  long: `Diff configurations specified by file name or stdin between the current online configuration, and the configuration as it would be if applied.

 The output is always YAML.

 KUBECTL_EXTERNAL_DIFF environment variable can be used to select your own diff command. Users can use external commands with params too, example: KUBECTL_EXTERNAL_DIFF="colordiff -N -u"

 By default, the "diff" command available in your path will be run with the "-u" (unified diff) and "-N" (treat absent files as empty) options.

 Exit status: 0 No differences were found. 1 Differences were found. >1 Kubectl or diff failed with an error.

 Note: KUBECTL_EXTERNAL_DIFF, if used, is expected to follow that convention.`,
  example: `  # Diff resources included in pod.json
  kubectl diff -f pod.json
  
  # Diff file read from stdin
  cat service.yaml | kubectl diff -f -`,
  flags: [
    { name: "concurrency", type: "int", default: 1, usage: "Number of objects to process in parallel when diffing against the live version. Larger number = faster, but more memory, I/O and CPU over that shorter period of time." },
    fieldManagerFlag("kubectl-client-side-apply"),
    { name: "filename", short: "f", type: "stringSlice", usage: "Filename, directory, or URL to files contains the configuration to diff" },
    { name: "force-conflicts", type: "bool", usage: "If true, server-side apply will force the changes against conflicts." },
    { name: "kustomize", short: "k", type: "string", usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: "prune", type: "bool", usage: "Include resources that would be deleted by pruning. Can be used with -l and default shows all resources would be pruned" },
    { name: "prune-allowlist", type: "stringSlice", usage: "Overwrite the default allowlist with <group/version/kind> for --prune" },
    { name: "recursive", short: "R", type: "bool", usage: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory." },
    SELECTOR_FLAG,
    { name: "server-side", type: "bool", usage: "If true, apply runs in the server instead of the client." },
    { name: "show-managed-fields", type: "bool", usage: "If true, include managed fields in the diff." },
  ],
};

/** `kubectl scale`. */
export const scaleSpec: CommandSpec = {
  name: "scale",
  use: "scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)",
  short: "Set a new size for a deployment, replica set, or replication controller",
  long: `Set a new size for a deployment, replica set, replication controller, or stateful set.

 Scale also allows users to specify one or more preconditions for the scale action.

 If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is guaranteed that the precondition holds true when the scale is sent to the server.`,
  example: `  # Scale a replica set named 'foo' to 3
  kubectl scale --replicas=3 rs/foo
  
  # Scale a resource identified by type and name specified in "foo.yaml" to 3
  kubectl scale --replicas=3 -f foo.yaml
  
  # If the deployment named mysql's current size is 2, scale mysql to 3
  kubectl scale --current-replicas=2 --replicas=3 deployment/mysql
  
  # Scale multiple replication controllers
  kubectl scale --replicas=5 rc/example1 rc/example2 rc/example3
  
  # Scale stateful set named 'web' to 3
  kubectl scale --replicas=3 statefulset/web`,
  flags: [
    { name: "all", type: "bool", usage: "Select all resources in the namespace of the specified resource types" },
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    { name: "current-replicas", type: "int", default: -1, usage: "Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition." },
    DRY_RUN_FLAG,
    { name: "filename", short: "f", type: "stringSlice", usage: "Filename, directory, or URL to files identifying the resource to set a new size" },
    { name: "kustomize", short: "k", type: "string", usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    outputFlag(),
    { name: "recursive", short: "R", type: "bool", usage: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory." },
    { name: "replicas", type: "int", usage: "The new desired number of replicas. Required." },
    { name: "resource-version", type: "string", usage: "Precondition for resource version. Requires that the current resource version match this value in order to scale." },
    SELECTOR_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    { name: "timeout", type: "duration", default: 0, usage: "The length of time to wait before giving up on a scale operation, zero means don't wait. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h)." },
  ],
};

/** `kubectl autoscale`. */
export const autoscaleSpec: CommandSpec = {
  name: "autoscale",
  use: "autoscale (-f FILENAME | TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS [--cpu-percent=CPU]",
  short: "Auto-scale a deployment, replica set, stateful set, or replication controller",
  long: `Creates an autoscaler that automatically chooses and sets the number of pods that run in a Kubernetes cluster.

 Looks up a deployment, replica set, stateful set, or replication controller by name and creates an autoscaler that uses the given resource as a reference. An autoscaler can automatically increase or decrease number of pods deployed within the system as needed.`,
  example: `  # Auto scale a deployment "foo", with the number of pods between 2 and 10, no target CPU utilization specified so a default autoscaling policy will be used
  kubectl autoscale deployment foo --min=2 --max=10
  
  # Auto scale a replication controller "foo", with the number of pods between 1 and 5, target CPU utilization at 80%
  kubectl autoscale rc foo --max=5 --cpu-percent=80`,
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    { name: "cpu-percent", type: "int32", default: -1, usage: "The target average CPU utilization (represented as a percent of requested CPU) over all the pods. If it's not specified or negative, a default autoscaling policy will be used." },
    DRY_RUN_FLAG,
    fieldManagerFlag("kubectl-autoscale"),
    { name: "filename", short: "f", type: "stringSlice", usage: "Filename, directory, or URL to files identifying the resource to autoscale." },
    { name: "kustomize", short: "k", type: "string", usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: "max", type: "int32", default: -1, usage: "The upper limit for the number of pods that can be set by the autoscaler. Required." },
    { name: "min", type: "int32", default: -1, usage: "The lower limit for the number of pods that can be set by the autoscaler. If it's not specified or negative, the server will apply a default value." },
    { name: "name", type: "string", usage: "The name for the newly created object. If not specified, the name of the input resource will be used." },
    outputFlag(),
    { name: "recursive", short: "R", type: "bool", usage: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory." },
    { name: "save-config", type: "bool", usage: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future." },
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
  ],
};
