import { describe, expect, it } from 'vitest';
import { session } from './transcript.js';

describe('kubectl create', () => {
  it('prints the name printer line and AlreadyExists with the file', () => {
    const s = session({ 'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n  - name: nginx\n    image: nginx\n' });
    expect(s.run('kubectl create -f pod.yaml')).toMatchObject({ text: 'pod/nginx created\n', code: 0 });
    expect(s.run('kubectl create -f pod.yaml')).toMatchObject({
      stderr: 'Error from server (AlreadyExists): error when creating "pod.yaml": pods "nginx" already exists\n',
      code: 1,
    });
  });

  it.each([
    ['kubectl create deployment web --image=nginx', 'deployment.apps/web created\n'],
    ['kubectl create deployment web --image=nginx --dry-run=client', 'deployment.apps/web created (dry run)\n'],
    ['kubectl create configmap app-cfg --from-literal=a=b', 'configmap/app-cfg created\n'],
    ['kubectl create secret generic db --from-literal=p=x', 'secret/db created\n'],
    ['kubectl create namespace dev', 'namespace/dev created\n'],
    ['kubectl create service clusterip web --tcp=80:8080', 'service/web created\n'],
    ['kubectl create rolebinding x --clusterrole=view --serviceaccount=default:default', 'rolebinding.rbac.authorization.k8s.io/x created\n'],
    ['kubectl create clusterrolebinding x --clusterrole=view --group=devs --dry-run=client', 'clusterrolebinding.rbac.authorization.k8s.io/x created (dry run)\n'],
    ['kubectl create role r --verb=get --resource=pods', 'role.rbac.authorization.k8s.io/r created\n'],
  ])('%s', (line, out) => {
    expect(session().run(line)).toMatchObject({ text: out, code: 0 });
  });

  it.each([
    ['kubectl create deployment', "error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples\n"],
    ['kubectl create deployment web', 'error: required flag(s) "image" not set\n'],
    ['kubectl create deployment web --image=a --image=b -- date', 'error: cannot specify multiple --image options and command\n'],
    ['kubectl create service clusterip web', 'error: at least one tcp port specifier must be provided\n'],
    ['kubectl create job j', 'error: either --image or --from must be specified\n'],
    ['kubectl create role r --resource=pods', 'error: at least one verb must be specified\n'],
    ['kubectl create role r --verb=get --resource=foo', 'error: the server doesn\'t have a resource type "foo"\n'],
    ['kubectl create role r --verb=use --resource=pods', "error: can not perform 'use' on 'pods' in group ''\n"],
    ['kubectl create rolebinding rb --user=x', 'error: exactly one of clusterrole or role must be specified\n'],
    ['kubectl create configmap c --from-literal=bad', 'error: invalid literal source bad, expected key=value\n'],
    ['kubectl create token nobody', 'error: failed to create token: serviceaccounts "nobody" not found\n'],
  ])('%s fails', (line, err) => {
    expect(session().run(line)).toMatchObject({ text: err, code: 1 });
  });

  it('expands short names and subresources in role rules, one rule per API group', () => {
    const r = session().run('kubectl create role reader --verb=get,list --resource=pods,pods/log,deploy,rs.apps --dry-run=client -o yaml');
    expect(r.stdout).toBe(`apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  creationTimestamp: null
  name: reader
rules:
- apiGroups:
  - ""
  resources:
  - pods
  - pods/log
  verbs:
  - get
  - list
- apiGroups:
  - apps
  resources:
  - deployments
  - replicasets
  verbs:
  - get
  - list
`);
  });

  it('create job --from=cronjob copies the template as a manual run', () => {
    const s = session();
    s.run("kubectl create cronjob nightly --image=busybox --schedule='0 0 * * *' -- echo hi");
    const r = s.run('kubectl create job manual --from=cronjob/nightly -o yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('cronjob.kubernetes.io/instantiate: manual');
    expect(r.stdout).toContain('kind: CronJob');
  });

  it('create token prints a JWT for an existing service account', () => {
    const r = session().run('kubectl create token default');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^eyJhbGciOiJSUzI1NiIs[\w-]+\.[\w-]+\.[\w-]+\n$/);
  });

  const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString())['kubernetes.io'];

  it('create token --bound-object-kind binds the token to a pod and its node, in sorted claims', () => {
    const s = session();
    s.run('kubectl run web --image=nginx');
    s.env.advance(5000);
    const r = s.run('kubectl create token default --bound-object-kind=Pod --bound-object-name=web');
    expect(r.code).toBe(0);
    const c = claims(r.stdout.trim());
    expect(Object.keys(c)).toEqual(['namespace', 'node', 'pod', 'serviceaccount']);
    expect(c.pod.name).toBe('web');
    expect(c.pod.uid).toBe(s.run('kubectl get pod web -o jsonpath={.metadata.uid}').stdout);
    expect(c.node.name).toBe(s.run('kubectl get pod web -o jsonpath={.spec.nodeName}').stdout);
  });

  it.each([
    ['--bound-object-kind=Deployment --bound-object-name=x', 'error: supported --bound-object-kind values are Pod, Secret\n'],
    ['--bound-object-kind=Pod', 'error: --bound-object-name is required if --bound-object-kind is provided\n'],
    ['--bound-object-name=web', 'error: --bound-object-name can only be set if --bound-object-kind is provided\n'],
    ['--bound-object-uid=123', 'error: --bound-object-uid can only be set if --bound-object-kind is provided\n'],
    ['--bound-object-kind=Secret --bound-object-name=nope', 'error: failed to create token: secrets "nope" not found\n'],
    ['--bound-object-kind=Pod --bound-object-name=web --bound-object-uid=123', 'error: failed to create token: Operation cannot be fulfilled on Pod "web": the UID in the bound object reference (123) does not match the UID in record. The object might have been deleted and then recreated\n'],
  ])('create token default %s fails', (flags, err) => {
    const s = session();
    s.run('kubectl run web --image=nginx');
    expect(s.run(`kubectl create token default ${flags}`)).toMatchObject({ text: err, code: 1 });
  });

  it('refuses to bind a token to a pod of another service account', () => {
    const s = session();
    s.run('kubectl create serviceaccount builder');
    s.run('kubectl run web --image=nginx');
    expect(s.run('kubectl create token builder --bound-object-kind=Pod --bound-object-name=web')).toMatchObject({
      text: 'error: failed to create token: cannot bind token for serviceaccount "builder" to pod running with different serviceaccount name.\n',
      code: 1,
    });
  });
});

describe('kubectl delete', () => {
  it('deletes by name and type/name, with NotFound for the missing one', () => {
    const s = session();
    s.run('kubectl create deployment web --image=nginx');
    s.run('kubectl create configmap a --from-literal=x=y');
    const r = s.run('kubectl delete deployment/web configmap/a configmap/nope');
    expect(r.stdout).toBe('deployment.apps "web" deleted\nconfigmap "a" deleted\n');
    expect(r.stderr).toBe('Error from server (NotFound): configmaps "nope" not found\n');
    expect(r.code).toBe(1);
  });

  it.each([
    ['kubectl delete pod', 'error: resource(s) were provided, but no name was specified\n'],
    ['kubectl delete pod x --force --grace-period=5', 'error: --force and --grace-period greater than 0 cannot be specified together\n'],
    ['kubectl delete pod x --now --grace-period=5', 'error: --now and --grace-period cannot be specified together\n'],
    ['kubectl delete pods --all -l app=x', 'error: cannot set --all and --selector at the same time\n'],
  ])('%s', (line, err) => {
    expect(session().run(line)).toMatchObject({ text: err, code: 1 });
  });

  it('says No resources found for an empty selector, and --ignore-not-found is quiet', () => {
    const s = session();
    expect(s.run('kubectl delete pods -l app=nothing')).toMatchObject({ text: 'No resources found\n', code: 0 });
    expect(s.run('kubectl delete pod ghost --ignore-not-found')).toMatchObject({ text: '', code: 0 });
  });

  it('waits for a running pod to terminate, and force deletes at once with the warning', () => {
    const s = session();
    s.run('kubectl run a --image=nginx');
    s.run('kubectl run b --image=nginx');
    s.cluster.advance(30_000);
    expect(s.run('kubectl delete pod a').text).toBe('pod "a" deleted\n');
    expect(s.env.client().get('pods', 'default', 'a').ok).toBe(false);
    const r = s.run('kubectl delete pod b --force --grace-period=0');
    expect(r.text).toBe(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\npod "b" force deleted\n',
    );
  });

  it('fails when the object outlives --timeout, and does not wait after an error', () => {
    const s = session();
    s.run('kubectl apply -f -', `apiVersion: v1
kind: Pod
metadata: {name: slow}
spec:
  terminationGracePeriodSeconds: 60
  containers: [{name: app, image: busybox:1.36, command: [sh, -c, "trap '' TERM; sleep 3600"]}]
`);
    s.cluster.advance(30_000);
    const start = s.env.now();
    expect(s.run('kubectl delete pod slow --timeout=5s')).toMatchObject({ text: 'pod "slow" deleted\nerror: timed out waiting for the condition on pods/slow\n', code: 1 });
    expect(s.env.now() - start).toBeLessThan(10_000);
    s.run('kubectl run other --image=nginx');
    s.cluster.advance(30_000);
    const before = s.env.now();
    expect(s.run('kubectl delete pod other ghost')).toMatchObject({ text: 'pod "other" deleted\nError from server (NotFound): pods "ghost" not found\n', code: 1 });
    expect(s.env.now()).toBe(before);
  });

  it('names the file in a NotFound for -f, refuses -o other than name, and warns once about cluster-scoped objects under -n', () => {
    const s = session({ 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ghost\n' });
    expect(s.run('kubectl delete -f cm.yaml')).toMatchObject({ text: 'Error from server (NotFound): error when deleting "cm.yaml": configmaps "ghost" not found\n', code: 1 });
    expect(s.run('kubectl delete pod x -o yaml')).toMatchObject({ text: "error: unexpected -o output mode: yaml. We only support '-o name'\n", code: 1 });
    s.run('kubectl create namespace a');
    s.run('kubectl create namespace b');
    expect(s.run('kubectl delete ns a b -n default --wait=false')).toMatchObject({
      text: 'warning: deleting cluster-scoped resources, not scoped to the provided namespace\nnamespace "a" deleted\nnamespace "b" deleted\n',
      code: 0,
    });
  });

  it('deletes what -f names', () => {
    const s = session({ 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n' });
    s.run('kubectl apply -f cm.yaml');
    expect(s.run('kubectl delete -f cm.yaml').text).toBe('configmap "app" deleted\n');
  });
});

describe('kubectl label and annotate', () => {
  it.each([
    ['kubectl label deploy web tier=front', 'deployment.apps/web labeled\n', 0],
    ['kubectl label deploy web app=web', 'deployment.apps/web not labeled\n', 0],
    ['kubectl label deploy web app=api', "error: 'app' already has a value (web), and --overwrite is false\n", 1],
    ['kubectl label deploy web app=api --overwrite', 'deployment.apps/web labeled\n', 0],
    ['kubectl label deploy web app-', 'deployment.apps/web unlabeled\n', 0],
    ['kubectl label deploy web', 'error: at least one label update is required\n', 1],
    ['kubectl label tier=x', 'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n', 1],
    ['kubectl annotate deploy web owner=team-a', 'deployment.apps/web annotated\n', 0],
    ['kubectl label deploy/web a=b --dry-run=client', 'deployment.apps/web labeled (dry run)\n', 0],
  ])('%s', (line, out, code) => {
    const s = session();
    s.run('kubectl create deployment web --image=nginx');
    expect(s.run(line)).toMatchObject({ text: out, code });
  });

  it('label --list prints the labels', () => {
    const s = session();
    s.run('kubectl create deployment web --image=nginx');
    expect(s.run('kubectl label deploy web --list').text).toBe('app=web\n');
  });

  it('labels several names and what a selector matches', () => {
    const s = session();
    s.run('kubectl create configmap a --from-literal=x=y');
    s.run('kubectl create configmap b --from-literal=x=y');
    expect(s.run('kubectl label configmaps a b env=dev').text).toBe('configmap/a labeled\nconfigmap/b labeled\n');
    expect(s.run('kubectl label configmaps -l env=dev tier=x').text).toBe('configmap/a labeled\nconfigmap/b labeled\n');
  });
});

describe('kubectl scale, set image, patch', () => {
  it('scales with and without a matching precondition', () => {
    const s = session();
    s.run('kubectl create deployment web --image=nginx --replicas=2');
    expect(s.run('kubectl scale deployment web --replicas=3').text).toBe('deployment.apps/web scaled\n');
    expect(s.run('kubectl scale deployment web --current-replicas=2 --replicas=4')).toMatchObject({ text: 'error: Expected replicas to be 2, was 3\n', code: 1 });
    expect(s.run('kubectl scale deployment web')).toMatchObject({ text: 'error: required flag(s) "replicas" not set\n', code: 1 });
    expect(s.run('kubectl scale deployment nope --replicas=1').text).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });

  it('set image updates the named container, or all with *', () => {
    const s = session();
    s.run('kubectl create deployment web --image=nginx:1.25');
    expect(s.run('kubectl set image deployment/web nginx=nginx:1.27').text).toBe('deployment.apps/web image updated\n');
    const d = s.env.client().get('deployments', 'default', 'web');
    expect(d.ok && d.value.spec.template.spec.containers[0].image).toBe('nginx:1.27');
    expect(s.run('kubectl set image deployment/web *=nginx:1.28').text).toBe('deployment.apps/web image updated\n');
    expect(s.run('kubectl set image deployment/web nginx=nginx:1.28')).toMatchObject({ text: '', code: 0 });
    expect(s.run('kubectl set image deployment/web app=x')).toMatchObject({ text: 'error: apps/v1, Resource=deployments/web unable to find container named "app"\n', code: 1 });
  });

  it.each([
    ['strategic', `kubectl patch deployment web -p '{"spec":{"replicas":3}}'`, 'deployment.apps/web patched\n'],
    ['merge', `kubectl patch deployment web --type=merge -p '{"metadata":{"labels":{"x":"y"}}}'`, 'deployment.apps/web patched\n'],
    ['json', `kubectl patch deployment web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":4}]'`, 'deployment.apps/web patched\n'],
    ['no change', `kubectl patch deployment web -p '{"spec":{"replicas":1}}'`, 'deployment.apps/web patched (no change)\n'],
  ])('patch (%s)', (_name, line, out) => {
    const s = session();
    s.run('kubectl create deployment web --image=nginx');
    expect(s.run(line)).toMatchObject({ text: out, code: 0 });
  });

  it('patch errors', () => {
    const s = session();
    s.run('kubectl create deployment web --image=nginx');
    expect(s.run('kubectl patch deployment web').text).toBe('error: must specify --patch or --patch-file containing the contents of the patch\n');
    expect(s.run(`kubectl patch deployment web --type=foo -p '{}'`).text).toBe('error: --type must be one of [json merge strategic], not "foo"\n');
    expect(s.run(`kubectl patch deployment nope -p '{}'`).text).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });
});

describe('kubectl run and expose', () => {
  it('run creates a Pod labelled run=NAME', () => {
    const s = session();
    expect(s.run('kubectl run nginx --image=nginx --port=80').text).toBe('pod/nginx created\n');
    const p = s.env.client().get('pods', 'default', 'nginx');
    expect(p.ok && [p.value.metadata.labels, p.value.spec.containers[0].ports]).toEqual([{ run: 'nginx' }, [{ containerPort: 80, protocol: 'TCP' }]]);
  });

  it('run --dry-run=client -o yaml prints the Pod', () => {
    expect(session().run('kubectl run nginx --image=nginx --dry-run=client -o yaml').stdout).toBe(`apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: nginx
  name: nginx
spec:
  containers:
  - image: nginx
    name: nginx
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`);
  });

  it('run -it in a transcript says where interactive attach works', () => {
    const r = session().run('kubectl run tmp --image=busybox -it --rm --restart=Never -- sh');
    expect(r.stderr).toBe("error: interactive attach (-it) is only available in the tutor's terminal\n");
    expect(r.code).toBe(1);
  });

  it('expose a deployment with its selector, and fail for a pod without labels', () => {
    const s = session();
    s.run('kubectl create deployment web --image=nginx --port=80');
    expect(s.run('kubectl expose deployment web --port=80 --target-port=8080').text).toBe('service/web exposed\n');
    const svc = s.env.client().get('services', 'default', 'web');
    expect(svc.ok && [svc.value.spec.selector, svc.value.spec.ports[0].targetPort]).toEqual([{ app: 'web' }, 8080]);
    s.run(`kubectl run bare --image=nginx --labels=''`);
    s.run('kubectl label pod bare run-');
    expect(s.run('kubectl expose pod bare --port=80').text).toBe(
      "error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed\nSee 'kubectl expose -h' for help and examples\n",
    );
  });
});
