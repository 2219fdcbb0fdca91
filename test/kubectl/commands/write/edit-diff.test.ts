import { describe, expect, it } from 'vitest';
import { EDIT_HEADER } from '../../../../src/kubectl/commands/write/edit.js';
import { session } from './transcript.js';

const deployment = (replicas: number, image = 'nginx') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: ${image}
`;

describe('kubectl edit', () => {
  it('opens the YAML under kubectl header, without managedFields, and patches the change', () => {
    const opened: string[] = [];
    const s = session({}, { editor: (text, file) => (opened.push(`${file}\n${text}`), text.replace('replicas: 1', 'replicas: 3')) });
    s.run('kubectl create deployment web --image=nginx');
    expect(s.run('kubectl edit deploy web')).toMatchObject({ text: 'deployment.apps/web edited\n', code: 0 });
    expect(opened[0]).toMatch(/^\/tmp\/kubectl-edit-\d+\.yaml\n/);
    expect(opened[0]!.split('\n').slice(1).join('\n').startsWith(EDIT_HEADER + 'apiVersion: apps/v1\nkind: Deployment\n')).toBe(true);
    expect(opened[0]).not.toContain('managedFields');
    expect(s.run('kubectl get deploy web -o jsonpath={.spec.replicas}').stdout).toBe('3');
  });

  it('has the exact header kubectl writes', () => {
    expect(EDIT_HEADER).toBe(
      "# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\n",
    );
  });

  it.each([
    ['an unchanged file', (t: string) => t, 'Edit cancelled, no changes made.\n'],
    ['a closed editor', () => undefined, 'Edit cancelled, no changes made.\n'],
    ['only comments changed', (t: string) => `# my note\n${t}`, 'Edit cancelled, no changes made.\n'],
    ['an empty file', () => '', 'Edit cancelled, saved file was empty.\n'],
  ])('cancels on %s', (_name, editor, message) => {
    const s = session({}, { editor });
    s.run('kubectl create deployment web --image=nginx');
    expect(s.run('kubectl edit deployment/web')).toMatchObject({ stderr: message, stdout: '', code: 0 });
  });

  it('reopens an invalid edit with the failure in the header; saving it unchanged keeps a copy and fails', () => {
    const opened: string[] = [];
    const s = session({}, { editor: (text) => (opened.push(text), text.replace(/replicas: \d+/, 'replicas: -1')) });
    s.run('kubectl create deployment web --image=nginx');
    const r = s.run('kubectl edit deploy web');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^error: deployments\.apps "web" is invalid\nA copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: Edit cancelled, no valid changes were saved\.\n$/,
    );
    expect(opened).toHaveLength(2);
    expect(opened[1]).toContain(`${EDIT_HEADER}# deployments.apps "web" was not valid:\n# * spec.replicas: `);
    expect(s.run('kubectl get deploy web -o jsonpath={.spec.replicas}').stdout).toBe('1');
  });

  it('takes a fix made in the reopened file', () => {
    let round = 0;
    const s = session({}, { editor: (text) => text.replace(/replicas: -?\d+/, ++round === 1 ? 'replicas: -1' : 'replicas: 2') });
    s.run('kubectl create deployment web --image=nginx');
    expect(s.run('kubectl edit deploy web')).toMatchObject({ stdout: 'deployment.apps/web edited\n', stderr: 'error: deployments.apps "web" is invalid\n', code: 0 });
    expect(s.run('kubectl get deploy web -o jsonpath={.spec.replicas}').stdout).toBe('2');
  });

  it('refuses a changed name', () => {
    const s = session({}, { editor: (text) => text.replace('name: web\n', 'name: other\n') });
    s.run('kubectl create deployment web --image=nginx');
    const r = s.run('kubectl edit deploy web');
    expect(r.stderr).toMatch(/^A copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: At least one of apiVersion, kind and name was changed\n$/);
    expect(r.code).toBe(1);
  });

  it('prints the patch with --output-patch and edits in JSON, without a header, with -o json; the result prints as JSON', () => {
    const opened: string[] = [];
    const s = session({}, { editor: (text, file) => (opened.push(`${file}\n${text}`), text.replace('"replicas": 1', '"replicas": 4')) });
    s.run('kubectl create deployment web --image=nginx');
    const r = s.run('kubectl edit deploy web -o json --output-patch');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Patch: \{"spec":\{"replicas":4\}\}\n\{\n    "apiVersion": "apps\/v1",\n    "kind": "Deployment",\n/);
    expect(JSON.parse(r.stdout.slice(r.stdout.indexOf('\n') + 1)).spec.replicas).toBe(4);
    expect(opened[0]).toMatch(/^\/tmp\/kubectl-edit-\d+\.json\n\{\n/);
  });

  it.each([
    ['name', 'error: unable to match a printer suitable for the output format "name", allowed formats are: json,yaml\n'],
    ['wide', 'error: unable to match a printer suitable for the output format "wide", allowed formats are: json,yaml\n'],
  ])('refuses -o %s before opening the editor', (format, err) => {
    const opened: string[] = [];
    const s = session({}, { editor: (t) => (opened.push(t), t) });
    s.run('kubectl create deployment web --image=nginx');
    expect(s.run(`kubectl edit deploy web -o ${format}`)).toMatchObject({ text: err, code: 1 });
    expect(opened).toEqual([]);
  });

  it('writes CRLF line endings with --windows-line-endings and still reads the edit', () => {
    const opened: string[] = [];
    const s = session({}, { editor: (text) => (opened.push(text), text.replace('replicas: 1', 'replicas: 2')) });
    s.run('kubectl create deployment web --image=nginx');
    expect(s.run('kubectl edit deploy web --windows-line-endings')).toMatchObject({ stdout: 'deployment.apps/web edited\n', code: 0 });
    expect(opened[0]).toContain("# Please edit the object below. Lines beginning with a '#' will be ignored,\r\n");
    expect(opened[0]!.replace(/\r\n/g, '')).not.toContain('\n');
    expect(s.run('kubectl get deploy web -o jsonpath={.spec.replicas}').stdout).toBe('2');
  });

  it.each([
    ['kubectl edit deploy missing', 'Error from server (NotFound): deployments.apps "missing" not found\n'],
    ['kubectl edit', "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n"],
  ])('%s fails', (line, err) => {
    expect(session({}, { editor: (t) => t }).run(line)).toMatchObject({ text: err, code: 1 });
  });

  it('is refused where there is no editor (scripts), once the objects are found', () => {
    const s = session();
    expect(s.run('kubectl edit deploy web')).toMatchObject({ text: 'Error from server (NotFound): deployments.apps "web" not found\n', code: 1 });
    s.run('kubectl create deployment web --image=nginx');
    expect(s.run('kubectl edit deploy web')).toMatchObject({ text: "error: edit is only available in the tutor's terminal\n", code: 1 });
  });
});

describe('kubectl diff', () => {
  it('prints the unified diff of live and merged objects and exits 1', () => {
    const s = session({ 'web.yaml': deployment(1), 'web3.yaml': deployment(3) });
    s.run('kubectl apply -f web.yaml');
    const r = s.run('kubectl diff -f web3.yaml');
    expect(r.code).toBe(1);
    const [first, minus, plus, ...rest] = r.stdout.split('\n');
    expect(first).toMatch(/^diff -u -N \/tmp\/LIVE-\d+\/apps\.v1\.Deployment\.default\.web \/tmp\/MERGED-\d+\/apps\.v1\.Deployment\.default\.web$/);
    expect(minus).toMatch(/^--- \/tmp\/LIVE-\d+\/apps\.v1\.Deployment\.default\.web\t2024-07-01 10:00:00\.000000000 \+0000$/);
    expect(plus).toMatch(/^\+\+\+ \/tmp\/MERGED-\d+\/apps\.v1\.Deployment\.default\.web\t2024-07-01 10:00:00\.000000000 \+0000$/);
    expect(rest.join('\n')).toContain('@@ -3,16 +3,16 @@\n metadata:\n   annotations:\n     kubectl.kubernetes.io/last-applied-configuration: |\n');
    expect(rest.join('\n')).toContain('   creationTimestamp: "2024-07-01T10:00:00Z"\n-  generation: 1\n+  generation: 2\n');
    expect(rest.join('\n')).toContain(' spec:\n   progressDeadlineSeconds: 600\n-  replicas: 1\n+  replicas: 3\n');
    expect(r.stdout).not.toContain('managedFields');
    // Nothing was changed on the server.
    expect(s.run('kubectl get deploy web -o jsonpath={.spec.replicas}').stdout).toBe('1');
  });

  it('prints nothing and exits 0 when the file matches the live object', () => {
    const s = session({ 'web.yaml': deployment(1) });
    s.run('kubectl apply -f web.yaml');
    expect(s.run('kubectl diff -f web.yaml')).toMatchObject({ text: '', code: 0 });
  });

  it('shows a new object against an empty file dated 1970', () => {
    const s = session({ 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: b\n' });
    const r = s.run('kubectl diff -f cm.yaml');
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').slice(1, 5).join('\n')).toMatch(
      /^--- \/tmp\/LIVE-\d+\/v1\.ConfigMap\.default\.cfg\t1970-01-01 00:00:00\.000000000 \+0000\n\+\+\+ \/tmp\/MERGED-\d+\/v1\.ConfigMap\.default\.cfg\t2024-07-01 10:00:00\.000000000 \+0000\n@@ -0,0 \+1,9 @@\n\+apiVersion: v1$/,
    );
    expect(s.run('kubectl get cm cfg').code).toBe(1);
  });

  it('masks Secret values', () => {
    const s = session({ 's.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  p: x\n' });
    s.run('kubectl create secret generic db --from-literal=p=old');
    const r = s.run('kubectl diff -f s.yaml');
    expect(r.stdout).toContain('-  p: \'*** (before)\'\n+  p: \'*** (after)\'\n');
  });

  it('fails with exit code 2 on its own errors', () => {
    expect(session().run('kubectl diff')).toMatchObject({ text: 'error: must specify one of -f and -k\n', code: 2 });
    expect(session().run('kubectl diff -f nope.yaml')).toMatchObject({ text: 'error: the path "nope.yaml" does not exist\n', code: 2 });
  });
});
