import { describe, expect, it } from 'vitest';
import type { CommandSpec } from '../../../src/kubectl/args/command.js';
import { defaultText, renderHelp, renderOptions } from '../../../src/kubectl/args/help.js';

// Expected texts are `--help` output of /usr/bin/kubectl (v1.32, same layout as v1.30) piped, so unwrapped.

const createDeployment: CommandSpec = {
  name: 'deployment',
  aliases: ['deploy'],
  use: 'deployment NAME --image=image -- [COMMAND] [args...]',
  short: 'Create a deployment with the specified name',
  long: 'Create a deployment with the specified name.',
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
    { name: 'replicas', short: 'r', type: 'int32', default: 1, usage: "Number of replicas to create. Default is 1." },
    { name: 'image', type: 'stringSlice', usage: "Image names to run. A deployment can have multiple images set for multi-container pod." },
    { name: 'port', type: 'int32', default: -1, usage: "The containerPort that this deployment exposes." },
    { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged', usage: "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource." },
    { name: 'output', short: 'o', type: 'string', usage: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)." },
    { name: 'template', type: 'string', usage: "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]." },
    { name: 'allow-missing-template-keys', type: 'bool', default: true, usage: "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats." },
    { name: 'show-managed-fields', type: 'bool', usage: "If true, keep the managedFields when printing objects in JSON or YAML format." },
    { name: 'save-config', type: 'bool', usage: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future." },
    { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict', usage: "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields." },
    { name: 'field-manager', type: 'string', default: 'kubectl-create', usage: "Name of the manager used to track field ownership." },
  ],
};

const rolloutChild = (name: string, short: string): CommandSpec => ({ name, use: `${name} (TYPE NAME | TYPE/NAME) [flags]`, short });
const rollout: CommandSpec = {
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
  subcommands: [
    rolloutChild('history', 'View rollout history'),
    rolloutChild('pause', 'Mark the provided resource as paused'),
    rolloutChild('restart', 'Restart a resource'),
    rolloutChild('resume', 'Resume a paused resource'),
    rolloutChild('status', 'Show the status of the rollout'),
    rolloutChild('undo', 'Undo a previous rollout'),
  ],
};

const version: CommandSpec = {
  name: 'version',
  use: 'version [flags]',
  short: 'Print the client and server version information',
  long: 'Print the client and server version information for the current context.',
  example: `  # Print the client and server versions for the current context
  kubectl version`,
  flags: [
    { name: 'client', type: 'bool', usage: 'If true, shows client version only (no server required).' },
    { name: 'output', short: 'o', type: 'string', usage: "One of 'yaml' or 'json'." },
  ],
};

const create: CommandSpec = { name: 'create', use: 'create -f FILENAME', short: 'Create a resource from a file or from stdin', subcommands: [createDeployment] };
const kubectl: CommandSpec = { name: 'kubectl', use: 'kubectl', short: 'kubectl controls the Kubernetes cluster manager', subcommands: [create, rollout, version] };

describe('renderHelp', () => {
  it('prints description, aliases, examples, sorted options, usage and the options tip (create deployment)', () => {
    expect(renderHelp([kubectl, create, createDeployment])).toBe(`Create a deployment with the specified name.

Aliases:
deployment, deploy

Examples:
  # Create a deployment named my-dep that runs the busybox image
  kubectl create deployment my-dep --image=busybox
  
  # Create a deployment with a command
  kubectl create deployment my-dep --image=busybox -- date
  
  # Create a deployment named my-dep that runs the nginx image with 3 replicas
  kubectl create deployment my-dep --image=nginx --replicas=3
  
  # Create a deployment named my-dep that runs the busybox image and expose port 5701
  kubectl create deployment my-dep --image=busybox --port=5701
  
  # Create a deployment named my-dep that runs multiple containers
  kubectl create deployment my-dep --image=busybox:latest --image=ubuntu:latest --image=nginx

Options:
    --allow-missing-template-keys=true:
\tIf true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.

    --dry-run='none':
\tMust be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.

    --field-manager='kubectl-create':
\tName of the manager used to track field ownership.

    --image=[]:
\tImage names to run. A deployment can have multiple images set for multi-container pod.

    -o, --output='':
\tOutput format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).

    --port=-1:
\tThe containerPort that this deployment exposes.

    -r, --replicas=1:
\tNumber of replicas to create. Default is 1.

    --save-config=false:
\tIf true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.

    --show-managed-fields=false:
\tIf true, keep the managedFields when printing objects in JSON or YAML format.

    --template='':
\tTemplate string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].

    --validate='strict':
\tMust be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.

Usage:
  kubectl create deployment NAME --image=image -- [COMMAND] [args...] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`);
  });

  it('lists subcommands padded like cobra and adds the <command> --help tip (rollout)', () => {
    expect(renderHelp([kubectl, rollout])).toBe(`Manage the rollout of one or many resources.
        
 Valid resource types include:

  *  deployments
  *  daemonsets
  *  statefulsets

Examples:
  # Rollback to the previous deployment
  kubectl rollout undo deployment/abc
  
  # Check the rollout status of a daemonset
  kubectl rollout status daemonset/foo
  
  # Restart a deployment
  kubectl rollout restart deployment/abc
  
  # Restart deployments with the 'app=nginx' label
  kubectl rollout restart deployment --selector=app=nginx

Available Commands:
  history       View rollout history
  pause         Mark the provided resource as paused
  restart       Restart a resource
  resume        Resume a paused resource
  status        Show the status of the rollout
  undo          Undo a previous rollout

Usage:
  kubectl rollout SUBCOMMAND [options]

Use "kubectl rollout <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`);
  });

  it('prints a use line as declared (version)', () => {
    expect(renderHelp([kubectl, version])).toBe(`Print the client and server version information for the current context.

Examples:
  # Print the client and server versions for the current context
  kubectl version

Options:
    --client=false:
\tIf true, shows client version only (no server required).

    -o, --output='':
\tOne of 'yaml' or 'json'.

Usage:
  kubectl version [flags] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`);
  });
});

describe('defaultText', () => {
  it.each([
    [{ name: 'a', type: 'string', usage: '' }, "''"],
    [{ name: 'a', type: 'string', default: 'none', usage: '' }, "'none'"],
    [{ name: 'a', type: 'bool', usage: '' }, 'false'],
    [{ name: 'a', type: 'int', default: 500, usage: '' }, '500'],
    [{ name: 'a', type: 'int32', default: -1, usage: '' }, '-1'],
    [{ name: 'a', type: 'stringArray', usage: '' }, '[]'],
    [{ name: 'a', type: 'stringSlice', default: ['x', 'y'], usage: '' }, '[x,y]'],
    [{ name: 'a', type: 'stringToString', default: { b: '2', a: '1' }, usage: '' }, '[a=1,b=2]'],
    [{ name: 'a', type: 'duration', usage: '' }, '0s'],
    [{ name: 'a', type: 'duration', default: 5000, usage: '' }, '5s'],
    [{ name: 'a', type: 'duration', default: 60000, usage: '' }, '1m0s'],
    [{ name: 'a', type: 'duration', default: 7_230_500, usage: '' }, '2h0m30.5s'],
    [{ name: 'a', type: 'duration', default: 250, usage: '' }, '250ms'],
    [{ name: 'a', type: 'string', defaultText: '', usage: '' }, ''],
  ] as const)('%j -> %s', (spec, text) => {
    expect(defaultText(spec)).toBe(text);
  });
});

describe('renderOptions', () => {
  it('prints the global flags like kubectl options', () => {
    expect(renderOptions()).toBe(`The following options can be passed to any command:

    --as='':
\tUsername to impersonate for the operation. User could be a regular user or a service account in a namespace.

    --as-group=[]:
\tGroup to impersonate for the operation, this flag can be repeated to specify multiple groups.

    --as-uid='':
\tUID to impersonate for the operation.

    --cache-dir='/root/.kube/cache':
\tDefault cache directory

    --certificate-authority='':
\tPath to a cert file for the certificate authority

    --client-certificate='':
\tPath to a client certificate file for TLS

    --client-key='':
\tPath to a client key file for TLS

    --cluster='':
\tThe name of the kubeconfig cluster to use

    --context='':
\tThe name of the kubeconfig context to use

    --disable-compression=false:
\tIf true, opt-out of response compression for all requests to the server

    --insecure-skip-tls-verify=false:
\tIf true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure

    --kubeconfig='':
\tPath to the kubeconfig file to use for CLI requests.

    --log-flush-frequency=5s:
\tMaximum number of seconds between log flushes

    --match-server-version=false:
\tRequire server version to match client version

    -n, --namespace='':
\tIf present, the namespace scope for this CLI request

    --password='':
\tPassword for basic authentication to the API server

    --profile='none':
\tName of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)

    --profile-output='profile.pprof':
\tName of the file to write the profile to

    --request-timeout='0':
\tThe length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests.

    -s, --server='':
\tThe address and port of the Kubernetes API server

    --tls-server-name='':
\tServer name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used

    --token='':
\tBearer token for authentication to the API server

    --user='':
\tThe name of the kubeconfig user to use

    --username='':
\tUsername for basic authentication to the API server

    -v, --v=0:
\tnumber for the log level verbosity

    --vmodule=:
\tcomma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)

    --warnings-as-errors=false:
\tTreat warnings received from the server as errors and exit with a non-zero exit code

`);
  });
});
