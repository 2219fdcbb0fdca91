import { describe, expect, it } from 'vitest';
import { APPLY_EDIT_HEADER } from '../../../../src/kubectl/commands/write/edit-session.js';
import { session } from './transcript.js';

const web = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
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
        image: nginx:1.25
`;
const webV2 = web.replace('replicas: 2', 'replicas: 3');
const applied = (files: Record<string, string> = {}, editor?: (text: string, file: string) => string | undefined) => {
  const s = session({ 'web.yaml': web, 'web-v2.yaml': webV2, ...files }, { editor });
  s.run('kubectl apply -f web.yaml');
  return s;
};
const annotation = (s: ReturnType<typeof session>, name = 'web') =>
  s.run(`kubectl get deploy ${name} -o jsonpath='{.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}'`).stdout;

describe('kubectl apply view-last-applied', () => {
  it('prints the annotation as YAML by default and as JSON indented by two with -o json', () => {
    const s = applied();
    expect(s.run('kubectl apply view-last-applied deploy/web')).toMatchObject({
      stdout: `apiVersion: apps/v1
kind: Deployment
metadata:
  annotations: {}
  labels:
    app: web
  name: web
  namespace: default
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - image: nginx:1.25
        name: nginx
`,
      code: 0,
    });
    const json = s.run('kubectl apply view-last-applied deployment web -o json').stdout;
    expect(json).toMatch(/^\{\n  "apiVersion": "apps\/v1",\n  "kind": "Deployment",\n  "metadata": \{\n    "annotations": \{\},\n/);
    expect(json.endsWith('}\n')).toBe(true);
  });

  it('reads the objects named in a file, and those a selector picks', () => {
    const s = applied();
    expect(s.run('kubectl apply view-last-applied -f web.yaml').stdout).toBe(s.run('kubectl apply view-last-applied deploy web').stdout);
    expect(s.run('kubectl apply view-last-applied deploy -l app=web').stdout).toBe(s.run('kubectl apply view-last-applied deploy web').stdout);
    expect(s.run('kubectl apply view-last-applied deploy -l app=none')).toMatchObject({ text: '', code: 0 });
  });

  it('skips an object without the annotation when named as an argument, as kubectl does', () => {
    expect(session().run('kubectl apply view-last-applied svc kubernetes')).toMatchObject({ text: '', code: 0 });
  });

  it("wraps kubectl's nil error when the object came from a file", () => {
    const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: kubernetes\n';
    expect(session({ 'svc.yaml': svc }).run('kubectl apply view-last-applied -f svc.yaml')).toMatchObject({
      text: 'error: error when no last-applied-configuration annotation found on resource: kubernetes\n "svc.yaml": <nil>\n',
      code: 1,
    });
  });

  it.each([
    ['kubectl apply view-last-applied deploy web -o wide', "error: Unexpected -o output mode: wide, the flag 'output' must be one of yaml|json\nSee 'kubectl apply view-last-applied -h' for help and examples\n"],
    ['kubectl apply view-last-applied deploy', 'error: resource(s) were provided, but no name was specified\n'],
    ['kubectl apply view-last-applied deploy nope', 'Error from server (NotFound): deployments.apps "nope" not found\n'],
    ['kubectl apply view-last-applied deploy nope web', 'Error from server (NotFound): deployments.apps "nope" not found\n'],
  ])('%s fails', (line, err) => {
    expect(applied().run(line)).toMatchObject({ text: err, code: 1 });
  });
});

describe('kubectl apply set-last-applied', () => {
  it('stores the file as the annotation (no empty annotations map, unlike apply) and changes nothing else', () => {
    const s = applied();
    const before = s.run('kubectl get deploy web -o jsonpath={.spec.replicas}/{.metadata.generation}').stdout;
    expect(s.run('kubectl apply set-last-applied -f web-v2.yaml')).toMatchObject({ text: 'deployment.apps/web configured\n', code: 0 });
    expect(annotation(s)).toBe(
      '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"labels":{"app":"web"},"name":"web","namespace":"default"},"spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx:1.25","name":"nginx"}]}}}}\n',
    );
    expect(s.run('kubectl get deploy web -o jsonpath={.spec.replicas}/{.metadata.generation}').stdout).toBe(before);
  });

  it('says no changes are required when the annotation already matches the file', () => {
    const s = applied();
    s.run('kubectl apply set-last-applied -f web-v2.yaml');
    expect(s.run('kubectl apply set-last-applied -f web-v2.yaml')).toMatchObject({ stdout: 'set-last-applied web: no changes required.\n', code: 0 });
  });

  it('prints the live object unchanged for client dry run, and the patched one for server dry run, without storing either', () => {
    const s = applied();
    const old = annotation(s);
    expect(s.run('kubectl apply set-last-applied -f web-v2.yaml --dry-run=client')).toMatchObject({ text: 'deployment.apps/web configured (dry run)\n', code: 0 });
    expect(s.run('kubectl apply set-last-applied -f web-v2.yaml --dry-run=server')).toMatchObject({ text: 'deployment.apps/web configured (server dry run)\n', code: 0 });
    expect(s.run('kubectl apply set-last-applied -f web-v2.yaml --dry-run=client -o yaml').stdout).toContain('"replicas":2');
    expect(s.run('kubectl apply set-last-applied -f web-v2.yaml --dry-run=server -o yaml').stdout).toContain('"replicas":3');
    expect(annotation(s)).toBe(old);
    expect(s.run('kubectl apply set-last-applied -f web-v2.yaml -o name').stdout).toBe('deployment.apps/web\n');
  });

  it('needs --create-annotation for an object created imperatively', () => {
    const s = session({ 'web.yaml': web });
    s.run('kubectl create deployment web --image=nginx:1.25');
    expect(s.run('kubectl apply set-last-applied -f web.yaml')).toMatchObject({
      text: 'error: no last-applied-configuration annotation found on resource: web, to create the annotation, run the command with --create-annotation\n',
      code: 1,
    });
    expect(s.run('kubectl apply set-last-applied -f web.yaml --create-annotation')).toMatchObject({ text: 'deployment.apps/web configured\n', code: 0 });
    expect(s.run('kubectl apply view-last-applied deploy web').stdout).toContain('replicas: 2\n');
  });

  it.each([
    ['kubectl apply set-last-applied', "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n"],
    ['kubectl apply set-last-applied -f web.yaml', 'Error from server (NotFound): deployments.apps "web" not found\n'],
    ['kubectl apply set-last-applied -f nope.yaml', 'error: the path "nope.yaml" does not exist\n'],
  ])('%s fails', (line, err) => {
    expect(session({ 'web.yaml': web }).run(line)).toMatchObject({ text: err, code: 1 });
  });
});

describe('kubectl apply edit-last-applied', () => {
  it('opens the annotation under its own header and stores the edit as the new annotation only', () => {
    const opened: string[] = [];
    const s = applied({}, (text, file) => (opened.push(`${file}\n${text}`), text.replace('replicas: 2', 'replicas: 5')));
    expect(s.run('kubectl apply edit-last-applied deploy/web')).toMatchObject({ text: 'deployment.apps/web edited\n', code: 0 });
    expect(opened[0]).toMatch(/^\/tmp\/kubectl-edit-\d+\.yaml\n/);
    expect(opened[0]!.slice(opened[0]!.indexOf('\n') + 1)).toBe(`${APPLY_EDIT_HEADER}${s.run('kubectl apply view-last-applied deploy web').stdout.replace('replicas: 5', 'replicas: 2')}`);
    expect(annotation(s)).toContain('"replicas":5');
    expect(s.run('kubectl get deploy web -o jsonpath={.spec.replicas}').stdout).toBe('2');
    // The next apply of the file now sees replicas going 5 -> 2 and sends it.
    expect(s.run('kubectl apply -f web.yaml').stdout).toBe('deployment.apps/web configured\n');
  });

  it('has the exact header kubectl writes in this mode', () => {
    expect(APPLY_EDIT_HEADER).toBe("# Please edit the 'last-applied-configuration' annotations below.\n# Lines beginning with a '#' will be ignored, and an empty file will abort the edit.\n#\n");
  });

  it('edits JSON without a header with -o json and prints the edited object as JSON', () => {
    const opened: string[] = [];
    const s = applied({}, (text) => (opened.push(text), text.replace('"replicas": 2', '"replicas": 4')));
    const r = s.run('kubectl apply edit-last-applied deploy web -o json');
    expect(r.code).toBe(0);
    expect(opened[0]!.startsWith('{\n    "apiVersion": "apps/v1",')).toBe(true);
    expect(JSON.parse(r.stdout).spec.replicas).toBe(4);
  });

  it('cancels an unchanged edit', () => {
    expect(applied({}, (t) => t).run('kubectl apply edit-last-applied deploy/web')).toMatchObject({ text: 'Edit cancelled, no changes made.\n', code: 0 });
  });

  it.each([
    ['kubectl apply edit-last-applied svc/kubernetes', 'error: no last-applied-configuration annotation found on resources, to create the annotation, use command `kubectl apply set-last-applied --create-annotation`\n'],
    ['kubectl apply edit-last-applied deploy/nope', 'Error from server (NotFound): deployments.apps "nope" not found\n'],
    ['kubectl apply edit-last-applied deploy/web -o name', 'error: unable to match a printer suitable for the output format "name", allowed formats are: json,yaml\n'],
  ])('%s fails', (line, err) => {
    expect(applied({}, (t) => t).run(line)).toMatchObject({ text: err, code: 1 });
  });

  it("fails like kubectl edit where there is no editor (scripts)", () => {
    expect(applied().run('kubectl apply edit-last-applied deploy/web')).toMatchObject({ text: "error: edit is only available in the tutor's terminal\n", code: 1 });
  });
});
