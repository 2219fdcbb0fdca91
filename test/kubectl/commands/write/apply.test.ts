import { describe, expect, it } from 'vitest';
import { session } from './transcript.js';

const deployment = (image: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: ${image}
${extra}`;

describe('kubectl apply', () => {
  it('creates, then reports unchanged, then configured', () => {
    const s = session({ 'web.yaml': deployment('nginx:1.25') });
    expect(s.run('kubectl apply -f web.yaml')).toMatchObject({ text: 'deployment.apps/web created\n', code: 0 });
    expect(s.run('kubectl apply -f web.yaml').text).toBe('deployment.apps/web unchanged\n');
    s.env.readFile('/work/web.yaml');
    const s2 = s.run('kubectl apply -f -', deployment('nginx:1.27'));
    expect(s2.text).toBe('deployment.apps/web configured\n');
    const live = s.env.client().get('deployments', 'default', 'web');
    expect(live.ok && live.value.spec.template.spec.containers[0].image).toBe('nginx:1.27');
  });

  it('stores the last-applied configuration as compact JSON with a newline', () => {
    const s = session();
    s.run('kubectl apply -f -', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  mode: dev\n');
    const cm = s.env.client().get('configmaps', 'default', 'app');
    expect(cm.ok && cm.value.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toBe(
      '{"apiVersion":"v1","data":{"mode":"dev"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"app","namespace":"default"}}\n',
    );
  });

  it('removes a field dropped from the manifest through the three-way merge', () => {
    const s = session();
    s.run('kubectl apply -f -', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  mode: dev\n  level: debug\n');
    expect(s.run('kubectl apply -f -', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  mode: dev\n').text).toBe('configmap/app configured\n');
    const cm = s.env.client().get('configmaps', 'default', 'app');
    expect(cm.ok && cm.value.data).toEqual({ mode: 'dev' });
  });

  it('keeps fields set only on the live object', () => {
    const s = session({ 'web.yaml': deployment('nginx:1.25') });
    s.run('kubectl apply -f web.yaml');
    s.run('kubectl scale deployment web --replicas=5');
    // replicas is in the manifest, so apply sets it back; a label added live stays.
    s.run('kubectl label deployment web team=blue');
    expect(s.run('kubectl apply -f web.yaml').text).toBe('deployment.apps/web configured\n');
    const d = s.env.client().get('deployments', 'default', 'web');
    expect(d.ok && [d.value.spec.replicas, d.value.metadata.labels?.team]).toEqual([2, 'blue']);
  });

  it('warns about objects created imperatively, then patches the annotation in', () => {
    const s = session();
    s.run('kubectl create configmap app --from-literal=mode=dev');
    const r = s.run('kubectl apply -f -', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  mode: dev\n');
    expect(r.stderr).toBe(
      'Warning: resource configmaps/app is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
    );
    expect(r.stdout).toBe('configmap/app configured\n');
    expect(s.run('kubectl apply -f -', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  mode: dev\n').text).toBe('configmap/app unchanged\n');
  });

  it('applies every document of a stream and a List', () => {
    const s = session();
    const r = s.run(
      'kubectl apply -f -',
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ServiceAccount\n  metadata:\n    name: bot\n    namespace: dev\n',
    );
    expect(r.text).toBe('namespace/dev created\nserviceaccount/bot created\n');
  });

  it.each([
    ['--dry-run=client', 'configmap/app created (dry run)\n'],
    ['--dry-run=server', 'configmap/app created (server dry run)\n'],
    ['--server-side', 'configmap/app serverside-applied\n'],
    ['-o name', 'configmap/app\n'],
  ])('apply %s', (flag, out) => {
    const s = session();
    expect(s.run(`kubectl apply ${flag} -f -`, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n').text).toBe(out);
  });

  it('prints Invalid errors with their causes', () => {
    const s = session();
    const r = s.run('kubectl apply -f -', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n');
    expect(r).toMatchObject({ stderr: 'The Pod "p" is invalid: spec.containers[0].image: Required value\n', code: 1 });
  });

  it('needs -f', () => {
    expect(session().run('kubectl apply').text).toBe('error: must specify one of -f and -k\n');
  });
});
