import { describe, expect, it } from 'vitest';
import { runKubectl, outputText } from '../../../../src/kubectl/index.js';
import type { KubectlEnv } from '../../../../src/kubectl/types.js';
import { pod } from '../../helpers.js';
import { fixture, transcript } from './fixture.js';

// Expected texts follow kubectl v1.30 (reference §1 and §5): tables via the tabwriter, one
// header per kind with `kind/name` prefixes when several kinds print, errors after output.

describe('kubectl get: tables', () => {
  const s = fixture();

  it.each([
    [
      'kubectl get pods',
      `NAME    READY   STATUS    RESTARTS   AGE
db-0    0/1     Pending   0          65s
web-1   1/1     Running   0          65s
web-2   1/1     Running   0          65s
`,
    ],
    [
      'kubectl get pods -A',
      `NAMESPACE   NAME    READY   STATUS    RESTARTS   AGE
default     db-0    0/1     Pending   0          65s
default     web-1   1/1     Running   0          65s
default     web-2   1/1     Running   0          65s
dev         api-1   1/1     Running   0          65s
`,
    ],
    [
      'kubectl get pods -o wide -n dev',
      `NAME    READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
api-1   1/1     Running   0          65s   10.244.2.9   <none>   <none>           <none>
`,
    ],
    [
      'kubectl get pods,svc',
      `NAME        READY   STATUS    RESTARTS   AGE
pod/db-0    0/1     Pending   0          65s
pod/web-1   1/1     Running   0          65s
pod/web-2   1/1     Running   0          65s

NAME          TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)   AGE
service/web   ClusterIP   10.111.21.87   <none>        80/TCP    65s
`,
    ],
    [
      'kubectl get pod/web-1 svc/web',
      `NAME        READY   STATUS    RESTARTS   AGE
pod/web-1   1/1     Running   0          65s

NAME          TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)   AGE
service/web   ClusterIP   10.111.21.87   <none>        80/TCP    65s
`,
    ],
    [
      'kubectl get pods -l app=web --show-labels',
      `NAME    READY   STATUS    RESTARTS   AGE   LABELS
web-1   1/1     Running   0          65s   app=web,tier=front
web-2   1/1     Running   0          65s   app=web
`,
    ],
    [
      'kubectl get pods -L app,tier',
      `NAME    READY   STATUS    RESTARTS   AGE   APP   TIER
db-0    0/1     Pending   0          65s   db    
web-1   1/1     Running   0          65s   web   front
web-2   1/1     Running   0          65s   web   
`,
    ],
    [
      'kubectl get pods --sort-by=.status.podIP --no-headers',
      // kubectl's RuntimeSort puts objects without the field first.
      `db-0    0/1   Pending   0     65s
web-1   1/1   Running   0     65s
web-2   1/1   Running   0     65s
`,
    ],
    [
      'kubectl get pods --field-selector=status.phase=Running',
      `NAME    READY   STATUS    RESTARTS   AGE
web-1   1/1     Running   0          65s
web-2   1/1     Running   0          65s
`,
    ],
  ])('%s', (line, expected) => {
    expect(s.exec(line)).toMatchObject({ text: expected, code: 0 });
  });

  it('prints `get all` as one table per kind, with kind prefixes', () => {
    expect(s.run('kubectl get all')).toBe(s.run('kubectl get pods,rc,svc,ds,deploy,rs,sts,hpa,cj,jobs'));
    expect(s.run('kubectl get all')).toContain('\n\nNAME          TYPE');
  });
});

describe('kubectl get: empty results and errors', () => {
  const s = fixture();

  it.each([
    ['kubectl get pods -n empty', 'No resources found in empty namespace.\n', 0],
    ['kubectl get nodes', 'No resources found\n', 0],
    ['kubectl get deploy -A', 'No resources found\n', 0],
    ['kubectl get foo', 'error: the server doesn\'t have a resource type "foo"\n', 1],
    ['kubectl get pod nope', 'Error from server (NotFound): pods "nope" not found\n', 1],
    ['kubectl get pod nope -o yaml', 'Error from server (NotFound): pods "nope" not found\n', 1],
    ['kubectl get deploy nope', 'Error from server (NotFound): deployments.apps "nope" not found\n', 1],
    ['kubectl get pod nope --ignore-not-found', '', 0],
    ['kubectl get pod web-1 -A', 'error: a resource cannot be retrieved by name across all namespaces\n', 1],
    ['kubectl get pods web-1 -l app=web', 'error: name cannot be provided when a selector is specified\n', 1],
    ['kubectl get pods --sort-by=.spec.nope', 'error: couldn\'t find any field with path "{.spec.nope}" in the list of objects\n', 1],
    [
      'kubectl get pods -o foo',
      'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
      1,
    ],
    ['kubectl get pods -o jsonpath', 'error: template format specified but no template given\n', 1],
    ['kubectl get --raw /healthz', 'ok', 0],
    ['kubectl get --raw /nope', 'Error from server (NotFound): the server could not find the requested resource\n', 1],
    [
      'kubectl get',
      `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples
`,
      1,
    ],
  ])('%s', (line, expected, code) => {
    const r = s.exec(line);
    expect(r).toMatchObject({ text: expected, code });
  });

  it('prints the objects it found, then NotFound for each missing name (stderr)', () => {
    const r = s.exec('kubectl get pods web-1 nope web-2 gone');
    expect(r.stdout).toBe(`NAME    READY   STATUS    RESTARTS   AGE
web-1   1/1     Running   0          65s
web-2   1/1     Running   0          65s
`);
    expect(r.stderr).toBe('Error from server (NotFound): pods "nope" not found\nError from server (NotFound): pods "gone" not found\n');
    expect(r.code).toBe(1);
  });

  it('says "No resources found" on stderr, leaving stdout empty', () => {
    expect(s.exec('kubectl get pods -n empty')).toMatchObject({ stdout: '', stderr: 'No resources found in empty namespace.\n' });
  });
});

describe('kubectl get: other formats', () => {
  const s = fixture();

  it.each([
    ['kubectl get pods -A -o name', 'pod/db-0\npod/web-1\npod/web-2\npod/api-1\n'],
    ['kubectl get svc,pods -n dev -o name', 'pod/api-1\n'],
    [
      `kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}'`,
      'db-0\t\nweb-1\t10.244.1.5\nweb-2\t10.244.2.7\n',
    ],
    ["kubectl get pod web-1 -o jsonpath='{.spec.containers[0].image}'", 'nginx:1.25'],
    ["kubectl get pods -o jsonpath='{.items[*].metadata.name}'", 'db-0 web-1 web-2'],
    ['kubectl get pods -o custom-columns=NAME:.metadata.name,IP:.status.podIP', 'NAME    IP\ndb-0    <none>\nweb-1   10.244.1.5\nweb-2   10.244.2.7\n'],
    ["kubectl get pod web-1 -o go-template='{{.metadata.name}} {{.status.phase}}'", 'web-1 Running'],
    ["kubectl get pods -o template --template='{{range .items}}{{.metadata.name}} {{end}}'", 'db-0 web-1 web-2 '],
    ['kubectl get pods -n empty -o yaml', 'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n'],
  ])('%s', (line, expected) => {
    expect(s.exec(line)).toMatchObject({ text: expected, code: 0 });
  });

  it('prints one named object as itself, several as a List', () => {
    expect(s.run('kubectl get pod web-1 -o yaml')).toMatch(/^apiVersion: v1\nkind: Pod\nmetadata:\n/);
    expect(s.run('kubectl get pod/web-1 -o json')).toMatch(/^\{\n {4}"apiVersion": "v1",\n {4}"kind": "Pod",/);
    expect(s.run('kubectl get pods web-1 web-2 -o yaml')).toMatch(/^apiVersion: v1\nitems:\n- apiVersion: v1\n {2}kind: Pod\n/);
    expect(s.run('kubectl get pods -l tier=front -o json')).toMatch(/"kind": "List",\n {4}"metadata": \{\n {8}"resourceVersion": ""\n {4}\}\n\}\n$/);
  });

  it('reads the objects to get from -f', () => {
    const env: KubectlEnv = new Proxy(s.env, { get: (t, k) => (k === 'stdin' ? 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-2\n' : Reflect.get(t, k)) });
    expect(outputText(runKubectl(['get', '-f', '-', '-o', 'name'], env).output)).toBe('pod/web-2\n');
  });
});

describe('kubectl get -w', () => {
  it('prints the table, then a row per change until the request timeout', () => {
    const s = fixture();
    // Every advance of the watch: at 2 s a new pod appears, at 4 s it is deleted.
    let elapsed = 0;
    const env: KubectlEnv = new Proxy(s.env, {
      get: (t, k) =>
        k === 'advance'
          ? (ms: number) => {
              s.cluster.advance(ms);
              elapsed += ms;
              if (elapsed === 2000) s.create(pod('dev', 'api-2', { app: 'api' }));
              if (elapsed === 4000) s.cluster.client().delete('pods', 'dev', 'api-2');
            }
          : Reflect.get(t, k),
    });
    const r = runKubectl(['get', 'pods', '-n', 'dev', '-w', '--request-timeout=6s'], env);
    expect(outputText(r.output)).toBe(`NAME    READY   STATUS    RESTARTS   AGE
api-1   1/1     Running   0          65s
api-2   0/1     Pending   0          0s
api-2   0/1     Pending   0          2s
`);
    expect(r.exitCode).toBe(0);
    expect(s.cluster.now() - Date.UTC(2024, 6, 1, 10, 1, 5)).toBe(6000);
  });

  it('refuses several kinds', () => {
    expect(fixture().exec('kubectl get pods,svc -w')).toMatchObject({ text: 'error: you may only specify a single resource type\n', code: 1 });
  });
});

describe('kubectl get in a transcript', () => {
  it('reads like a terminal session', () => {
    expect(transcript(fixture(), ['kubectl get pods -n dev', 'kubectl get pod nope -n dev'])).toBe(`$ kubectl get pods -n dev
NAME    READY   STATUS    RESTARTS   AGE
api-1   1/1     Running   0          65s
$ kubectl get pod nope -n dev
Error from server (NotFound): pods "nope" not found
[exit 1]
`);
  });
});
