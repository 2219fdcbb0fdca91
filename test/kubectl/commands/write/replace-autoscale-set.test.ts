import { describe, expect, it } from 'vitest';
import { session } from './transcript.js';

const pod = (image: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n  - name: nginx\n    image: ${image}\n`;
const cm = (value: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: ${value}\n`;

describe('kubectl replace', () => {
  it('replaces an object with the file and reports a missing one with the file name', () => {
    const s = session({ 'cm1.yaml': cm('one'), 'cm2.yaml': cm('two') });
    expect(s.run('kubectl replace -f cm1.yaml')).toMatchObject({ text: 'Error from server (NotFound): error when replacing "cm1.yaml": configmaps "cfg" not found\n', code: 1 });
    s.run('kubectl create -f cm1.yaml');
    expect(s.run('kubectl replace -f cm2.yaml')).toMatchObject({ text: 'configmap/cfg replaced\n', code: 0 });
    expect(s.run('kubectl get cm cfg -o jsonpath={.data.a}').stdout).toBe('two');
  });

  it('--force deletes, waits and creates again (a pod change replace cannot make)', () => {
    const s = session({ 'p1.yaml': pod('nginx'), 'p2.yaml': pod('busybox') });
    s.run('kubectl create -f p1.yaml');
    const uid = s.run('kubectl get pod nginx -o jsonpath={.metadata.uid}').stdout;
    expect(s.run('kubectl replace -f p2.yaml').stderr).toMatch(/^The Pod "nginx" is invalid: spec: Forbidden: pod updates may not change fields/);
    expect(s.run('kubectl replace --force -f p2.yaml')).toMatchObject({ text: 'pod "nginx" deleted\npod/nginx replaced\n', code: 0 });
    expect(s.run('kubectl get pod nginx -o jsonpath={.spec.containers[0].image}').stdout).toBe('busybox');
    expect(s.run('kubectl get pod nginx -o jsonpath={.metadata.uid}').stdout).not.toBe(uid);
  });

  it('--force creates what does not exist yet', () => {
    expect(session({ 'cm.yaml': cm('x') }).run('kubectl replace --force -f cm.yaml')).toMatchObject({ text: 'configmap/cfg replaced\n', code: 0 });
  });

  it.each([
    ['kubectl replace', 'error: must specify one of -f and -k\n'],
    ['kubectl replace --grace-period=3 -f x.yaml', 'error: --grace-period must have --force specified\n'],
    ['kubectl replace --timeout=3s -f x.yaml', 'error: --timeout must have --force specified\n'],
  ])('%s fails', (line, err) => {
    expect(session().run(line)).toMatchObject({ text: err, code: 1 });
  });
});

describe('kubectl autoscale', () => {
  it('creates the HPA through v1; the stored v2 object has the CPU target as a Utilization metric', () => {
    const s = session();
    s.run('kubectl create deployment web --image=nginx');
    expect(s.run('kubectl autoscale deployment web --min=2 --max=5 --cpu-percent=80')).toMatchObject({ text: 'horizontalpodautoscaler.autoscaling/web autoscaled\n', code: 0 });
    expect(s.run('kubectl get hpa web -o jsonpath={.spec.minReplicas}/{.spec.maxReplicas}/{.spec.metrics[0].resource.target.averageUtilization}/{.spec.scaleTargetRef.kind}').stdout).toBe(
      '2/5/80/Deployment',
    );
  });

  it('prints the object for client dry run, named by --name', () => {
    const s = session();
    s.run('kubectl create deployment web --image=nginx');
    // kubectl 1.30 (and 1.32) build an autoscaling/v1 object; v2 came with --cpu in 1.33.
    expect(s.run('kubectl autoscale deploy/web --max=3 --name=web-hpa --dry-run=client -o yaml').stdout).toBe(`apiVersion: autoscaling/v1
kind: HorizontalPodAutoscaler
metadata:
  creationTimestamp: null
  name: web-hpa
spec:
  maxReplicas: 3
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
status:
  currentReplicas: 0
  desiredReplicas: 0
`);
    expect(s.run('kubectl autoscale deploy/web --max=3 --dry-run=client')).toMatchObject({ text: 'horizontalpodautoscaler.autoscaling/web created (dry run)\n' });
  });

  it('prints the typed v1 object in struct order with -o json', () => {
    const s = session();
    s.run('kubectl create deployment web --image=nginx');
    expect(s.run('kubectl autoscale deploy web --min=2 --max=5 --cpu-percent=70 --dry-run=client -o json').stdout).toBe(`{
    "kind": "HorizontalPodAutoscaler",
    "apiVersion": "autoscaling/v1",
    "metadata": {
        "name": "web",
        "creationTimestamp": null
    },
    "spec": {
        "scaleTargetRef": {
            "kind": "Deployment",
            "name": "web",
            "apiVersion": "apps/v1"
        },
        "minReplicas": 2,
        "maxReplicas": 5,
        "targetCPUUtilizationPercentage": 70
    },
    "status": {
        "currentReplicas": 0,
        "desiredReplicas": 0
    }
}
`);
  });

  it('shows the created object as the v1 API returns it: defaults and the 80% CPU target filled in', () => {
    const s = session();
    s.run('kubectl create deployment web --image=nginx');
    const out = s.run('kubectl autoscale deploy web --max=4 -o yaml').stdout;
    expect(out).toMatch(/^apiVersion: autoscaling\/v1\nkind: HorizontalPodAutoscaler\n/);
    expect(out).toContain(`spec:
  maxReplicas: 4
  minReplicas: 1
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  targetCPUUtilizationPercentage: 80
status:
  currentReplicas: 0
  desiredReplicas: 0
`);
  });

  it('stores the typed v1 object, in struct order and without empty annotations, with --save-config', () => {
    const s = session();
    s.run('kubectl create deployment web --image=nginx');
    s.run('kubectl autoscale deploy web --max=4 --cpu-percent=60 --save-config');
    expect(s.run('kubectl apply view-last-applied hpa web -o json').stdout).toBe(`{
  "kind": "HorizontalPodAutoscaler",
  "apiVersion": "autoscaling/v1",
  "metadata": {
    "name": "web",
    "creationTimestamp": null
  },
  "spec": {
    "scaleTargetRef": {
      "kind": "Deployment",
      "name": "web",
      "apiVersion": "apps/v1"
    },
    "maxReplicas": 4,
    "targetCPUUtilizationPercentage": 60
  },
  "status": {
    "currentReplicas": 0,
    "desiredReplicas": 0
  }
}
`);
  });

  it('creates the HPA in the command namespace', () => {
    const s = session();
    s.run('kubectl create namespace dev');
    s.run('kubectl create deployment web --image=nginx -n dev');
    expect(s.run('kubectl autoscale deploy web --max=2 -n dev')).toMatchObject({ text: 'horizontalpodautoscaler.autoscaling/web autoscaled\n', code: 0 });
    expect(s.run('kubectl get hpa -n dev -o name').stdout).toBe('horizontalpodautoscaler.autoscaling/web\n');
  });

  // Texts checked against kubectl v1.32.
  it.each([
    ['kubectl autoscale deploy web', 'error: required flag(s) "max" not set\n'],
    ['kubectl autoscale deploy web --max=0', 'error: --max=MAXPODS is required and must be at least 1, max: 0\n'],
    ['kubectl autoscale deploy web --max=-1', 'error: --max=MAXPODS is required and must be at least 1, max: -1\n'],
    ['kubectl autoscale deploy web --max=2 --min=3', 'error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: 2, min: 3\n'],
    ['kubectl autoscale svc kubernetes --max=2', 'error: cannot autoscale a Service: could not find scale subresource for /v1, Resource=services in discovery information\n'],
    ['kubectl autoscale deploy missing --max=2', 'Error from server (NotFound): deployments.apps "missing" not found\n'],
  ])('%s fails', (line, err) => {
    expect(session().run(line)).toMatchObject({ text: err, code: 1 });
  });
});

describe('kubectl set resources / serviceaccount / selector / subject', () => {
  const cluster = () => {
    const s = session();
    s.run('kubectl create deployment web --image=nginx');
    s.run('kubectl create service clusterip web --tcp=80:80');
    s.run('kubectl create rolebinding x --clusterrole=view --user=alice');
    return s;
  };

  it('set resources merges canonical quantities into the chosen containers', () => {
    const s = cluster();
    expect(s.run('kubectl set resources deploy web --limits=cpu=200m,memory=512Mi --requests=cpu=0.1')).toMatchObject({ text: 'deployment.apps/web resource requirements updated\n', code: 0 });
    expect(s.run('kubectl get deploy web -o jsonpath={.spec.template.spec.containers[0].resources}').stdout).toBe('{"limits":{"cpu":"200m","memory":"512Mi"},"requests":{"cpu":"100m"}}');
    expect(s.run("kubectl set resources deploy web -c='ngi*' --requests=memory=256Mi")).toMatchObject({ code: 0 });
    expect(s.run('kubectl get deploy web -o jsonpath={.spec.template.spec.containers[0].resources.requests}').stdout).toBe('{"cpu":"100m","memory":"256Mi"}');
  });

  it('set serviceaccount sets the pod template service account (sa alias)', () => {
    const s = cluster();
    expect(s.run('kubectl set sa deploy web robot')).toMatchObject({ text: 'deployment.apps/web serviceaccount updated\n', code: 0 });
    expect(s.run('kubectl get deploy web -o jsonpath={.spec.template.spec.serviceAccountName}').stdout).toBe('robot');
  });

  it('set selector replaces a Service selector', () => {
    const s = cluster();
    expect(s.run('kubectl set selector svc web app=web2,tier=fe')).toMatchObject({ text: 'service/web selector updated\n', code: 0 });
    expect(s.run('kubectl get svc web -o jsonpath={.spec.selector}').stdout).toBe('{"app":"web2","tier":"fe"}');
  });

  it('set subject adds users, groups and service accounts once each, sorted per kind', () => {
    const s = cluster();
    expect(s.run('kubectl set subject rolebinding x --user=bob --user=alice --group=devs --serviceaccount=:robot')).toMatchObject({
      text: 'rolebinding.rbac.authorization.k8s.io/x subjects updated\n',
      code: 0,
    });
    expect(s.run("kubectl get rolebinding x -o jsonpath='{range .subjects[*]}{.kind}:{.name}:{.namespace} {end}'").stdout).toBe('User:alice: User:bob: Group:devs: ServiceAccount:robot:default ');
    expect(s.run('kubectl set subject rolebinding x --user=bob')).toMatchObject({ text: 'error: info: rolebindings.rbac.authorization.k8s.io/x was not changed\n', code: 1 });
  });

  it.each([
    ['kubectl set resources deploy web', 'error: you must specify an update to requests or limits (in the form of --requests/--limits)\n'],
    ['kubectl set resources deploy web --limits=cpu', 'error: Invalid argument syntax cpu, expected <resource>=<value>\n'],
    ['kubectl set resources deploy web --limits=cpu=lots', "error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n"],
    ['kubectl set resources deploy web -c=nope --limits=cpu=1', 'error: apps/v1, Resource=deployments/web error: unable to find container named nope\n'],
    ['kubectl set serviceaccount', 'error: serviceaccount is required\n'],
    ['kubectl set selector svc', 'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n'],
    ['kubectl set selector deploy web app=x', 'error: apps/v1, Resource=deployments/web setting a selector is only supported for Services\n'],
    ['kubectl set subject rolebinding x', 'error: you must specify at least one value of user, group or serviceaccount\n'],
    ['kubectl set subject rolebinding x --serviceaccount=robot', 'error: serviceaccount must be <namespace>:<name>\n'],
    ['kubectl set subject deploy web --user=bob', 'error: apps/v1, Resource=deployments/web setting subjects is only supported for RoleBinding/ClusterRoleBinding\n'],
  ])('%s fails', (line, err) => {
    expect(cluster().run(line)).toMatchObject({ text: err, code: 1 });
  });
});

describe('a command flag shadowing a global one', () => {
  it('create rolebinding keeps every --user (not the kubeconfig user)', () => {
    const s = session();
    s.run('kubectl create rolebinding x --clusterrole=view --user=alice --user=bob');
    expect(s.run('kubectl get rolebinding x -o jsonpath={.subjects[*].name}').stdout).toBe('alice bob');
  });
});
