/**
 * `kubectl create` and its generators: flags, help texts and usage lines as `kubectl <verb> --help` prints them
 * (scraped from the real binary; types of list and int flags follow kubectl's source).
 */
import type { CommandSpec } from '../../../args/command.js';
import type { FlagSpec } from '../../../args/flags.js';
import { ALLOW_MISSING_TEMPLATE_KEYS_FLAG, DRY_RUN_FLAG, SELECTOR_FLAG, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAG, VALIDATE_FLAG, fieldManagerFlag, outputFlag } from '../../../shared-flags.js';

/**
 * The printing, dry-run, validation and save-config flags every `kubectl create`
 * generator declares (help lists flags sorted by name, so their place here is free).
 */
const GENERATOR_FLAGS: readonly FlagSpec[] = [
  ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
  DRY_RUN_FLAG,
  fieldManagerFlag("kubectl-create"),
  outputFlag(),
  { name: "save-config", type: "bool", usage: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future." },
  SHOW_MANAGED_FIELDS_FLAG,
  TEMPLATE_FLAG,
  VALIDATE_FLAG,
];


/** `kubectl create clusterrole`. */
export const createClusterroleSpec: CommandSpec = {
  name: "clusterrole",
  use: "clusterrole NAME --verb=verb --resource=resource.group [--resource-name=resourcename] [--dry-run=server|client|none]",
  short: "Create a cluster role",
  long: `Create a cluster role.`,
  example: `  # Create a cluster role named "pod-reader" that allows user to perform "get", "watch" and "list" on pods
  kubectl create clusterrole pod-reader --verb=get,list,watch --resource=pods
  
  # Create a cluster role named "pod-reader" with ResourceName specified
  kubectl create clusterrole pod-reader --verb=get --resource=pods --resource-name=readablepod --resource-name=anotherpod
  
  # Create a cluster role named "foo" with API Group specified
  kubectl create clusterrole foo --verb=get,list,watch --resource=rs.apps
  
  # Create a cluster role named "foo" with SubResource specified
  kubectl create clusterrole foo --verb=get,list,watch --resource=pods,pods/status
  
  # Create a cluster role name "foo" with NonResourceURL specified
  kubectl create clusterrole "foo" --verb=get --non-resource-url=/logs/*
  
  # Create a cluster role name "monitoring" with AggregationRule specified
  kubectl create clusterrole monitoring --aggregation-rule="rbac.example.com/aggregate-to-monitoring=true"`,
  flags: [
    ...GENERATOR_FLAGS,
    { name: "aggregation-rule", type: "stringToString", defaultText: "", usage: "An aggregation label selector for combining ClusterRoles." },
    { name: "non-resource-url", type: "stringSlice", usage: "A partial url that user should have access to." },
    { name: "resource", type: "stringSlice", usage: "Resource that the rule applies to" },
    { name: "resource-name", type: "stringArray", usage: "Resource in the white list that the rule applies to, repeat this flag for multiple items" },
    { name: "verb", type: "stringSlice", usage: "Verb that applies to the resources contained in the rule" },
  ],
};

/** `kubectl create clusterrolebinding`. */
export const createClusterrolebindingSpec: CommandSpec = {
  name: "clusterrolebinding",
  use: "clusterrolebinding NAME --clusterrole=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none]",
  short: "Create a cluster role binding for a particular cluster role",
  long: `Create a cluster role binding for a particular cluster role.`,
  example: `  # Create a cluster role binding for user1, user2, and group1 using the cluster-admin cluster role
  kubectl create clusterrolebinding cluster-admin --clusterrole=cluster-admin --user=user1 --user=user2 --group=group1`,
  flags: [
    ...GENERATOR_FLAGS,
    { name: "clusterrole", type: "string", usage: "ClusterRole this ClusterRoleBinding should reference" },
    { name: "group", type: "stringArray", usage: "Groups to bind to the clusterrole. The flag can be repeated to add multiple groups." },
    { name: "serviceaccount", type: "stringArray", usage: "Service accounts to bind to the clusterrole, in the format <namespace>:<name>. The flag can be repeated to add multiple service accounts." },
    { name: "user", type: "stringArray", usage: "Usernames to bind to the clusterrole. The flag can be repeated to add multiple users." },
  ],
};

/** `kubectl create configmap`. */
export const createConfigmapSpec: CommandSpec = {
  name: "configmap",
  aliases: ["cm"],
  use: "configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]",
  short: "Create a config map from a local file, directory or literal value",
  long: `Create a config map based on a file, directory, or specified literal value.

 A single config map may package one or more key/value pairs.

 When creating a config map based on a file, the key will default to the basename of the file, and the value will default to the file content.  If the basename is an invalid key, you may specify an alternate key.

 When creating a config map based on a directory, each file whose basename is a valid key in the directory will be packaged into the config map.  Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).`,
  example: `  # Create a new config map named my-config based on folder bar
  kubectl create configmap my-config --from-file=path/to/bar
  
  # Create a new config map named my-config with specified keys instead of file basenames on disk
  kubectl create configmap my-config --from-file=key1=/path/to/bar/file1.txt --from-file=key2=/path/to/bar/file2.txt
  
  # Create a new config map named my-config with key1=config1 and key2=config2
  kubectl create configmap my-config --from-literal=key1=config1 --from-literal=key2=config2
  
  # Create a new config map named my-config from the key=value pairs in the file
  kubectl create configmap my-config --from-file=path/to/bar
  
  # Create a new config map named my-config from an env file
  kubectl create configmap my-config --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env`,
  flags: [
    ...GENERATOR_FLAGS,
    { name: "append-hash", type: "bool", usage: "Append a hash of the configmap to its name." },
    { name: "from-env-file", type: "stringSlice", usage: "Specify the path to a file to read lines of key=val pairs to create a configmap." },
    { name: "from-file", type: "stringSlice", usage: "Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory whose basename is a valid configmap key." },
    { name: "from-literal", type: "stringArray", usage: "Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)" },
  ],
};

/** `kubectl create cronjob`. */
export const createCronjobSpec: CommandSpec = {
  name: "cronjob",
  aliases: ["cj"],
  use: "cronjob NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...] [flags]",
  short: "Create a cron job with the specified name",
  long: `Create a cron job with the specified name.`,
  example: `  # Create a cron job
  kubectl create cronjob my-job --image=busybox --schedule="*/1 * * * *"
  
  # Create a cron job with a command
  kubectl create cronjob my-job --image=busybox --schedule="*/1 * * * *" -- date`,
  flags: [
    ...GENERATOR_FLAGS,
    { name: "image", type: "string", usage: "Image name to run." },
    { name: "restart", type: "string", usage: "job's restart policy. supported values: OnFailure, Never" },
    { name: "schedule", type: "string", usage: "A schedule in the Cron format the job should be run with." },
  ],
};

/** `kubectl create deployment`. */
export const createDeploymentSpec: CommandSpec = {
  name: "deployment",
  aliases: ["deploy"],
  use: "deployment NAME --image=image -- [COMMAND] [args...]",
  short: "Create a deployment with the specified name",
  long: `Create a deployment with the specified name.`,
  example: `  # Create a deployment named my-dep that runs the busybox image
  kubectl create deployment my-dep --image=busybox
  
  # Create a deployment with a command
  kubectl create deployment my-dep --image=busybox -- date
  
  # Create a deployment named my-dep that runs the nginx image with 3 replicas
  kubectl create deployment my-dep --image=nginx --replicas=3
  
  # Create a deployment named my-dep that runs the busybox image and expose port 5701
  kubectl create deployment my-dep --image=busybox --port=5701
  
  # Create a deployment named my-dep that runs multiple containers
  kubectl create deployment my-dep --image=busybox:latest --image=ubuntu:latest --image=nginx`,
  flags: [
    ...GENERATOR_FLAGS,
    { name: "image", type: "stringSlice", usage: "Image names to run. A deployment can have multiple images set for multi-container pod." },
    { name: "port", type: "int32", default: -1, usage: "The containerPort that this deployment exposes." },
    { name: "replicas", short: "r", type: "int32", default: 1, usage: "Number of replicas to create. Default is 1." },
  ],
};

/** `kubectl create ingress`. */
export const createIngressSpec: CommandSpec = {
  name: "ingress",
  aliases: ["ing"],
  use: "ingress NAME --rule=host/path=service:port[,tls[=secret]] ",
  short: "Create an ingress with the specified name",
  long: `Create an ingress with the specified name.`,
  example: `  # Create a single ingress called 'simple' that directs requests to foo.com/bar to svc
  # svc1:8080 with a TLS secret "my-cert"
  kubectl create ingress simple --rule="foo.com/bar=svc1:8080,tls=my-cert"
  
  # Create a catch all ingress of "/path" pointing to service svc:port and Ingress Class as "otheringress"
  kubectl create ingress catch-all --class=otheringress --rule="/path=svc:port"
  
  # Create an ingress with two annotations: ingress.annotation1 and ingress.annotations2
  kubectl create ingress annotated --class=default --rule="foo.com/bar=svc:port" \\
  --annotation ingress.annotation1=foo \\
  --annotation ingress.annotation2=bla
  
  # Create an ingress with the same host and multiple paths
  kubectl create ingress multipath --class=default \\
  --rule="foo.com/=svc:port" \\
  --rule="foo.com/admin/=svcadmin:portadmin"
  
  # Create an ingress with multiple hosts and the pathType as Prefix
  kubectl create ingress ingress1 --class=default \\
  --rule="foo.com/path*=svc:8080" \\
  --rule="bar.com/admin*=svc2:http"
  
  # Create an ingress with TLS enabled using the default ingress certificate and different path types
  kubectl create ingress ingtls --class=default \\
  --rule="foo.com/=svc:https,tls" \\
  --rule="foo.com/path/subpath*=othersvc:8080"
  
  # Create an ingress with TLS enabled using a specific secret and pathType as Prefix
  kubectl create ingress ingsecret --class=default \\
  --rule="foo.com/*=svc:8080,tls=secret1"
  
  # Create an ingress with a default backend
  kubectl create ingress ingdefault --class=default \\
  --default-backend=defaultsvc:http \\
  --rule="foo.com/*=svc:8080,tls=secret1"`,
  flags: [
    ...GENERATOR_FLAGS,
    { name: "annotation", type: "stringArray", usage: "Annotation to insert in the ingress object, in the format annotation=value" },
    { name: "class", type: "string", usage: "Ingress Class to be used" },
    { name: "default-backend", type: "string", usage: "Default service for backend, in format of svcname:port" },
    { name: "rule", type: "stringArray", usage: "Rule in format host/path=service:port[,tls=secretname]. Paths containing the leading character '*' are considered pathType=Prefix. tls argument is optional." },
  ],
};

/** `kubectl create job`. */
export const createJobSpec: CommandSpec = {
  name: "job",
  use: "job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...]",
  short: "Create a job with the specified name",
  long: `Create a job with the specified name.`,
  example: `  # Create a job
  kubectl create job my-job --image=busybox
  
  # Create a job with a command
  kubectl create job my-job --image=busybox -- date
  
  # Create a job from a cron job named "a-cronjob"
  kubectl create job test-job --from=cronjob/a-cronjob`,
  flags: [
    ...GENERATOR_FLAGS,
    { name: "from", type: "string", usage: "The name of the resource to create a Job from (only cronjob is supported)." },
    { name: "image", type: "string", usage: "Image name to run." },
  ],
};

/** `kubectl create namespace`. */
export const createNamespaceSpec: CommandSpec = {
  name: "namespace",
  aliases: ["ns"],
  use: "namespace NAME [--dry-run=server|client|none]",
  short: "Create a namespace with the specified name",
  long: `Create a namespace with the specified name.`,
  example: `  # Create a new namespace named my-namespace
  kubectl create namespace my-namespace`,
  flags: [
    ...GENERATOR_FLAGS,
  ],
};

/** `kubectl create poddisruptionbudget`. */
export const createPoddisruptionbudgetSpec: CommandSpec = {
  name: "poddisruptionbudget",
  aliases: ["pdb"],
  use: "poddisruptionbudget NAME --selector=SELECTOR --min-available=N [--dry-run=server|client|none]",
  short: "Create a pod disruption budget with the specified name",
  long: `Create a pod disruption budget with the specified name, selector, and desired minimum available pods.`,
  example: `  # Create a pod disruption budget named my-pdb that will select all pods with the app=rails label
  # and require at least one of them being available at any point in time
  kubectl create poddisruptionbudget my-pdb --selector=app=rails --min-available=1
  
  # Create a pod disruption budget named my-pdb that will select all pods with the app=nginx label
  # and require at least half of the pods selected to be available at any point in time
  kubectl create pdb my-pdb --selector=app=nginx --min-available=50%`,
  flags: [
    ...GENERATOR_FLAGS,
    { name: "max-unavailable", type: "string", usage: "The maximum number or percentage of unavailable pods this budget requires." },
    { name: "min-available", type: "string", usage: "The minimum number or percentage of available pods this budget requires." },
    { name: "selector", type: "string", usage: "A label selector to use for this budget. Only equality-based selector requirements are supported." },
  ],
};

/** `kubectl create priorityclass`. */
export const createPriorityclassSpec: CommandSpec = {
  name: "priorityclass",
  aliases: ["pc"],
  use: "priorityclass NAME --value=VALUE --global-default=BOOL [--dry-run=server|client|none]",
  short: "Create a priority class with the specified name",
  long: `Create a priority class with the specified name, value, globalDefault and description.`,
  example: `  # Create a priority class named high-priority
  kubectl create priorityclass high-priority --value=1000 --description="high priority"
  
  # Create a priority class named default-priority that is considered as the global default priority
  kubectl create priorityclass default-priority --value=1000 --global-default=true --description="default priority"
  
  # Create a priority class named high-priority that cannot preempt pods with lower priority
  kubectl create priorityclass high-priority --value=1000 --description="high priority" --preemption-policy="Never"`,
  flags: [
    ...GENERATOR_FLAGS,
    { name: "description", type: "string", usage: "description is an arbitrary string that usually provides guidelines on when this priority class should be used." },
    { name: "global-default", type: "bool", usage: "global-default specifies whether this PriorityClass should be considered as the default priority." },
    { name: "preemption-policy", type: "string", default: "PreemptLowerPriority", usage: "preemption-policy is the policy for preempting pods with lower priority." },
    { name: "value", type: "int", usage: "the value of this priority class." },
  ],
};

/** `kubectl create quota`. */
export const createQuotaSpec: CommandSpec = {
  name: "quota",
  aliases: ["resourcequota"],
  use: "quota NAME [--hard=key1=value1,key2=value2] [--scopes=Scope1,Scope2] [--dry-run=server|client|none]",
  short: "Create a quota with the specified name",
  long: `Create a resource quota with the specified name, hard limits, and optional scopes.`,
  example: `  # Create a new resource quota named my-quota
  kubectl create quota my-quota --hard=cpu=1,memory=1G,pods=2,services=3,replicationcontrollers=2,resourcequotas=1,secrets=5,persistentvolumeclaims=10
  
  # Create a new resource quota named best-effort
  kubectl create quota best-effort --hard=pods=100 --scopes=BestEffort`,
  flags: [
    ...GENERATOR_FLAGS,
    { name: "hard", type: "string", usage: "A comma-delimited set of resource=quantity pairs that define a hard limit." },
    { name: "scopes", type: "string", usage: "A comma-delimited set of quota scopes that must all match each object tracked by the quota." },
  ],
};

/** `kubectl create role`. */
export const createRoleSpec: CommandSpec = {
  name: "role",
  use: "role NAME --verb=verb --resource=resource.group/subresource [--resource-name=resourcename] [--dry-run=server|client|none]",
  short: "Create a role with single rule",
  long: `Create a role with single rule.`,
  example: `  # Create a role named "pod-reader" that allows user to perform "get", "watch" and "list" on pods
  kubectl create role pod-reader --verb=get --verb=list --verb=watch --resource=pods
  
  # Create a role named "pod-reader" with ResourceName specified
  kubectl create role pod-reader --verb=get --resource=pods --resource-name=readablepod --resource-name=anotherpod
  
  # Create a role named "foo" with API Group specified
  kubectl create role foo --verb=get,list,watch --resource=rs.apps
  
  # Create a role named "foo" with SubResource specified
  kubectl create role foo --verb=get,list,watch --resource=pods,pods/status`,
  flags: [
    ...GENERATOR_FLAGS,
    { name: "resource", type: "stringSlice", usage: "Resource that the rule applies to" },
    { name: "resource-name", type: "stringArray", usage: "Resource in the white list that the rule applies to, repeat this flag for multiple items" },
    { name: "verb", type: "stringSlice", usage: "Verb that applies to the resources contained in the rule" },
  ],
};

/** `kubectl create rolebinding`. */
export const createRolebindingSpec: CommandSpec = {
  name: "rolebinding",
  use: "rolebinding NAME --clusterrole=NAME|--role=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none]",
  short: "Create a role binding for a particular role or cluster role",
  long: `Create a role binding for a particular role or cluster role.`,
  example: `  # Create a role binding for user1, user2, and group1 using the admin cluster role
  kubectl create rolebinding admin --clusterrole=admin --user=user1 --user=user2 --group=group1
  
  # Create a role binding for service account monitoring:sa-dev using the admin role
  kubectl create rolebinding admin-binding --role=admin --serviceaccount=monitoring:sa-dev`,
  flags: [
    ...GENERATOR_FLAGS,
    { name: "clusterrole", type: "string", usage: "ClusterRole this RoleBinding should reference" },
    { name: "group", type: "stringArray", usage: "Groups to bind to the role. The flag can be repeated to add multiple groups." },
    { name: "role", type: "string", usage: "Role this RoleBinding should reference" },
    { name: "serviceaccount", type: "stringArray", usage: "Service accounts to bind to the role, in the format <namespace>:<name>. The flag can be repeated to add multiple service accounts." },
    { name: "user", type: "stringArray", usage: "Usernames to bind to the role. The flag can be repeated to add multiple users." },
  ],
};

/** `kubectl create secret docker-registry`. */
export const createSecretDockerRegistrySpec: CommandSpec = {
  name: "docker-registry",
  use: "docker-registry NAME --docker-username=user --docker-password=password --docker-email=email [--docker-server=string] [--from-file=[key=]source] [--dry-run=server|client|none]",
  short: "Create a secret for use with a Docker registry",
  long: `Create a new secret for use with Docker registries.
        
        Dockercfg secrets are used to authenticate against Docker registries.
        
        When using the Docker command line to push images, you can authenticate to a given registry by running:
        '$ docker login DOCKER_REGISTRY_SERVER --username=DOCKER_USER --password=DOCKER_PASSWORD --email=DOCKER_EMAIL'.
        
 That produces a ~/.dockercfg file that is used by subsequent 'docker push' and 'docker pull' commands to authenticate to the registry. The email address is optional.

        When creating applications, you may have a Docker registry that requires authentication.  In order for the
        nodes to pull images on your behalf, they must have the credentials.  You can provide this information
        by creating a dockercfg secret and attaching it to your service account.`,
  example: `  # If you do not already have a .dockercfg file, create a dockercfg secret directly
  kubectl create secret docker-registry my-secret --docker-server=DOCKER_REGISTRY_SERVER --docker-username=DOCKER_USER --docker-password=DOCKER_PASSWORD --docker-email=DOCKER_EMAIL
  
  # Create a new secret named my-secret from ~/.docker/config.json
  kubectl create secret docker-registry my-secret --from-file=path/to/.docker/config.json`,
  flags: [
    ...GENERATOR_FLAGS,
    { name: "append-hash", type: "bool", usage: "Append a hash of the secret to its name." },
    { name: "docker-email", type: "string", usage: "Email for Docker registry" },
    { name: "docker-password", type: "string", usage: "Password for Docker registry authentication" },
    { name: "docker-server", type: "string", default: "https://index.docker.io/v1/", usage: "Server location for Docker registry" },
    { name: "docker-username", type: "string", usage: "Username for Docker registry authentication" },
    { name: "from-file", type: "stringSlice", usage: "Key files can be specified using their file path, in which case a default name of .dockerconfigjson will be given to them, or optionally with a name and file path, in which case the given name will be used. Specifying a directory will iterate each named file in the directory that is a valid secret key. For this command, the key should always be .dockerconfigjson." },
  ],
};

/** `kubectl create secret generic`. */
export const createSecretGenericSpec: CommandSpec = {
  name: "generic",
  use: "generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]",
  short: "Create a secret from a local file, directory, or literal value",
  long: `Create a secret based on a file, directory, or specified literal value.

 A single secret may package one or more key/value pairs.

 When creating a secret based on a file, the key will default to the basename of the file, and the value will default to the file content. If the basename is an invalid key or you wish to chose your own, you may specify an alternate key.

 When creating a secret based on a directory, each file whose basename is a valid key in the directory will be packaged into the secret. Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).`,
  example: `  # Create a new secret named my-secret with keys for each file in folder bar
  kubectl create secret generic my-secret --from-file=path/to/bar
  
  # Create a new secret named my-secret with specified keys instead of names on disk
  kubectl create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa --from-file=ssh-publickey=path/to/id_rsa.pub
  
  # Create a new secret named my-secret with key1=supersecret and key2=topsecret
  kubectl create secret generic my-secret --from-literal=key1=supersecret --from-literal=key2=topsecret
  
  # Create a new secret named my-secret using a combination of a file and a literal
  kubectl create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa --from-literal=passphrase=topsecret
  
  # Create a new secret named my-secret from env files
  kubectl create secret generic my-secret --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env`,
  flags: [
    ...GENERATOR_FLAGS,
    { name: "append-hash", type: "bool", usage: "Append a hash of the secret to its name." },
    { name: "from-env-file", type: "stringSlice", usage: "Specify the path to a file to read lines of key=val pairs to create a secret." },
    { name: "from-file", type: "stringSlice", usage: "Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.  Specifying a directory will iterate each named file in the directory that is a valid secret key." },
    { name: "from-literal", type: "stringArray", usage: "Specify a key and literal value to insert in secret (i.e. mykey=somevalue)" },
    { name: "type", type: "string", usage: "The type of secret to create" },
  ],
};

/** `kubectl create secret tls`. */
export const createSecretTlsSpec: CommandSpec = {
  name: "tls",
  use: "tls NAME --cert=path/to/cert/file --key=path/to/key/file [--dry-run=server|client|none]",
  short: "Create a TLS secret",
  long: `Create a TLS secret from the given public/private key pair.

 The public/private key pair must exist beforehand. The public key certificate must be .PEM encoded and match the given private key.`,
  example: `  # Create a new TLS secret named tls-secret with the given key pair
  kubectl create secret tls tls-secret --cert=path/to/tls.crt --key=path/to/tls.key`,
  flags: [
    ...GENERATOR_FLAGS,
    { name: "append-hash", type: "bool", usage: "Append a hash of the secret to its name." },
    { name: "cert", type: "string", usage: "Path to PEM encoded public key certificate." },
    { name: "key", type: "string", usage: "Path to private key associated with given certificate." },
  ],
};

/** `kubectl create secret`. */
export const createSecretSpec: CommandSpec = {
  name: "secret",
  use: "secret (docker-registry | generic | tls)",
  short: "Create a secret using a specified subcommand",
  long: `Create a secret with specified type.

 A docker-registry type secret is for accessing a container registry.

 A generic type secret indicate an Opaque secret type.

 A tls type secret holds TLS certificate and its associated key.`,
  subcommands: [createSecretDockerRegistrySpec, createSecretGenericSpec, createSecretTlsSpec],
};

/** `kubectl create service clusterip`. */
export const createServiceClusteripSpec: CommandSpec = {
  name: "clusterip",
  use: "clusterip NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none]",
  short: "Create a ClusterIP service",
  long: `Create a ClusterIP service with the specified name.`,
  example: `  # Create a new ClusterIP service named my-cs
  kubectl create service clusterip my-cs --tcp=5678:8080
  
  # Create a new ClusterIP service named my-cs (in headless mode)
  kubectl create service clusterip my-cs --clusterip="None"`,
  flags: [
    ...GENERATOR_FLAGS,
    { name: "clusterip", type: "string", usage: "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing)." },
    { name: "tcp", type: "stringSlice", usage: "Port pairs can be specified as '<port>:<targetPort>'." },
  ],
};

/** `kubectl create service externalname`. */
export const createServiceExternalnameSpec: CommandSpec = {
  name: "externalname",
  use: "externalname NAME --external-name external.name [--dry-run=server|client|none]",
  short: "Create an ExternalName service",
  long: `Create an ExternalName service with the specified name.

 ExternalName service references to an external DNS address instead of only pods, which will allow application authors to reference services that exist off platform, on other clusters, or locally.`,
  example: `  # Create a new ExternalName service named my-ns
  kubectl create service externalname my-ns --external-name bar.com`,
  flags: [
    ...GENERATOR_FLAGS,
    { name: "external-name", type: "string", usage: "External name of service" },
    { name: "tcp", type: "stringSlice", usage: "Port pairs can be specified as '<port>:<targetPort>'." },
  ],
};

/** `kubectl create service loadbalancer`. */
export const createServiceLoadbalancerSpec: CommandSpec = {
  name: "loadbalancer",
  use: "loadbalancer NAME [--tcp=port:targetPort] [--dry-run=server|client|none]",
  short: "Create a LoadBalancer service",
  long: `Create a LoadBalancer service with the specified name.`,
  example: `  # Create a new LoadBalancer service named my-lbs
  kubectl create service loadbalancer my-lbs --tcp=5678:8080`,
  flags: [
    ...GENERATOR_FLAGS,
    { name: "tcp", type: "stringSlice", usage: "Port pairs can be specified as '<port>:<targetPort>'." },
  ],
};

/** `kubectl create service nodeport`. */
export const createServiceNodeportSpec: CommandSpec = {
  name: "nodeport",
  use: "nodeport NAME [--tcp=port:targetPort] [--dry-run=server|client|none]",
  short: "Create a NodePort service",
  long: `Create a NodePort service with the specified name.`,
  example: `  # Create a new NodePort service named my-ns
  kubectl create service nodeport my-ns --tcp=5678:8080`,
  flags: [
    ...GENERATOR_FLAGS,
    { name: "node-port", type: "int", usage: "Port used to expose the service on each node in a cluster." },
    { name: "tcp", type: "stringSlice", usage: "Port pairs can be specified as '<port>:<targetPort>'." },
  ],
};

/** `kubectl create service`. */
export const createServiceSpec: CommandSpec = {
  name: "service",
  aliases: ["svc"],
  use: "service [flags]",
  short: "Create a service using a specified subcommand",
  long: `Create a service using a specified subcommand.`,
  subcommands: [createServiceClusteripSpec, createServiceExternalnameSpec, createServiceLoadbalancerSpec, createServiceNodeportSpec],
};

/** `kubectl create serviceaccount`. */
export const createServiceaccountSpec: CommandSpec = {
  name: "serviceaccount",
  aliases: ["sa"],
  use: "serviceaccount NAME [--dry-run=server|client|none]",
  short: "Create a service account with the specified name",
  long: `Create a service account with the specified name.`,
  example: `  # Create a new service account named my-service-account
  kubectl create serviceaccount my-service-account`,
  flags: [
    ...GENERATOR_FLAGS,
  ],
};

/** `kubectl create token`. */
export const createTokenSpec: CommandSpec = {
  name: "token",
  use: "token SERVICE_ACCOUNT_NAME",
  short: "Request a service account token",
  long: `Request a service account token.`,
  example: `  # Request a token to authenticate to the kube-apiserver as the service account "myapp" in the current namespace
  kubectl create token myapp
  
  # Request a token for a service account in a custom namespace
  kubectl create token myapp --namespace myns
  
  # Request a token with a custom expiration
  kubectl create token myapp --duration 10m
  
  # Request a token with a custom audience
  kubectl create token myapp --audience https://example.com
  
  # Request a token bound to an instance of a Secret object
  kubectl create token myapp --bound-object-kind Secret --bound-object-name mysecret
  
  # Request a token bound to an instance of a Secret object with a specific UID
  kubectl create token myapp --bound-object-kind Secret --bound-object-name mysecret --bound-object-uid 0d4691ed-659b-4935-a832-355f77ee47cc`,
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    { name: "audience", type: "stringArray", usage: "Audience of the requested token. If unset, defaults to requesting a token for use with the Kubernetes API server. May be repeated to request a token valid for multiple audiences." },
    { name: "bound-object-kind", type: "string", usage: "Kind of an object to bind the token to. Supported kinds are Node, Pod, Secret. If set, --bound-object-name must be provided." },
    { name: "bound-object-name", type: "string", usage: "Name of an object to bind the token to. The token will expire when the object is deleted. Requires --bound-object-kind." },
    { name: "bound-object-uid", type: "string", usage: "UID of an object to bind the token to. Requires --bound-object-kind and --bound-object-name. If unset, the UID of the existing object is used." },
    { name: "duration", type: "duration", default: 0, usage: "Requested lifetime of the issued token. If not set or if set to 0, the lifetime will be determined by the server automatically. The server may return a token with a longer or shorter lifetime." },
    outputFlag(),
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
  ],
};

/** `kubectl create`. */
export const createSpec: CommandSpec = {
  name: "create",
  use: "create -f FILENAME",
  short: "Create a resource from a file or from stdin",
  long: `Create a resource from a file or from stdin.

 JSON and YAML formats are accepted.`,
  example: `  # Create a pod using the data in pod.json
  kubectl create -f ./pod.json
  
  # Create a pod based on the JSON passed into stdin
  cat pod.json | kubectl create -f -
  
  # Edit the data in registry.yaml in JSON then create the resource using the edited data
  kubectl create -f registry.yaml --edit -o json`,
  flags: [
    ...GENERATOR_FLAGS,
    { name: "edit", type: "bool", usage: "Edit the API resource before creating" },
    { name: "filename", short: "f", type: "stringSlice", usage: "Filename, directory, or URL to files to use to create the resource" },
    { name: "kustomize", short: "k", type: "string", usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: "raw", type: "string", usage: "Raw URI to POST to the server.  Uses the transport specified by the kubeconfig file." },
    { name: "recursive", short: "R", type: "bool", usage: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory." },
    SELECTOR_FLAG,
    { name: "windows-line-endings", type: "bool", usage: "Only relevant if --edit=true. Defaults to the line ending native to your platform." },
  ],
  subcommands: [createClusterroleSpec, createClusterrolebindingSpec, createConfigmapSpec, createCronjobSpec, createDeploymentSpec, createIngressSpec, createJobSpec, createNamespaceSpec, createPoddisruptionbudgetSpec, createPriorityclassSpec, createQuotaSpec, createRoleSpec, createRolebindingSpec, createSecretSpec, createServiceSpec, createServiceaccountSpec, createTokenSpec],
};
