import { describe, expect, it } from 'vitest';
import { explain } from '../../../../src/engine/api/schema/explain.js';
import { session } from '../../helpers.js';

const s = session();

describe('kubectl explain', () => {
  it('prints the schema text of a field', () => {
    expect(s.exec('kubectl explain deploy.spec.paused')).toEqual({
      text: 'GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: paused <boolean>\n\nDESCRIPTION:\n    Indicates that the deployment is paused.\n    \n\n',
      stdout: expect.any(String),
      stderr: '',
      code: 0,
    });
  });

  it('passes --recursive through', () => {
    const r = explain('pods.spec.containers', { recursive: true });
    expect(s.run('kubectl explain pods.spec.containers --recursive')).toBe(r.ok ? r.text : '');
  });

  it.each([
    ['kubectl explain', 'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n'],
    ['kubectl explain pods svc', 'error: We accept only this format: explain RESOURCE\n'],
    ['kubectl explain foo', 'error: the server doesn\'t have a resource type "foo"\n'],
    ['kubectl explain pods.spec.nope', 'error: field "nope" does not exist\n'],
  ])('%s', (line, text) => {
    expect(s.exec(line)).toMatchObject({ text, code: 1 });
  });
});

describe('kubectl api-resources', () => {
  it.each([
    [
      'kubectl api-resources --api-group=apps',
      `NAME                  SHORTNAMES   APIVERSION   NAMESPACED   KIND
controllerrevisions                apps/v1      true         ControllerRevision
daemonsets            ds           apps/v1      true         DaemonSet
deployments           deploy       apps/v1      true         Deployment
replicasets           rs           apps/v1      true         ReplicaSet
statefulsets          sts          apps/v1      true         StatefulSet
`,
    ],
    ['kubectl api-resources --api-group=apps -o name', 'controllerrevisions.apps\ndaemonsets.apps\ndeployments.apps\nreplicasets.apps\nstatefulsets.apps\n'],
    ['kubectl api-resources --api-group=batch --no-headers', 'cronjobs   cj    batch/v1   true   CronJob\njobs             batch/v1   true   Job\n'],
    [
      'kubectl api-resources --api-group=batch -o wide',
      `NAME       SHORTNAMES   APIVERSION   NAMESPACED   KIND      VERBS                                                        CATEGORIES
cronjobs   cj           batch/v1     true         CronJob   create,delete,deletecollection,get,list,patch,update,watch   all
jobs                    batch/v1     true         Job       create,delete,deletecollection,get,list,patch,update,watch   all
`,
    ],
    ['kubectl api-resources --api-group=policy --sort-by=kind -o name', 'poddisruptionbudgets.policy\n'],
  ])('%s', (line, text) => {
    expect(s.exec(line)).toMatchObject({ text, code: 0 });
  });

  it('lists core types first, then groups in name order', () => {
    const names = s.run('kubectl api-resources -o name').trim().split('\n');
    expect(names.slice(0, 3)).toEqual(['bindings', 'componentstatuses', 'configmaps']);
    expect(names.indexOf('services')).toBeLessThan(names.indexOf('deployments.apps'));
    expect(names.at(-1)).toBe('storageclasses.storage.k8s.io');
  });

  it('filters by scope', () => {
    const cluster = s.run('kubectl api-resources --namespaced=false -o name');
    expect(cluster).toContain('nodes\n');
    expect(cluster).not.toContain('pods\n');
  });

  it('refuses other sort keys', () => {
    expect(s.exec('kubectl api-resources --sort-by=age')).toMatchObject({ text: 'error: --sort-by accepts only name or kind\n', code: 1 });
  });
});

describe('kubectl api-versions', () => {
  it('lists every group/version, sorted', () => {
    expect(s.run('kubectl api-versions')).toBe(
      'apps/v1\nauthentication.k8s.io/v1\nauthorization.k8s.io/v1\nautoscaling/v1\nautoscaling/v2\nbatch/v1\ncoordination.k8s.io/v1\ndiscovery.k8s.io/v1\nnetworking.k8s.io/v1\npolicy/v1\nrbac.authorization.k8s.io/v1\nstorage.k8s.io/v1\nv1\n',
    );
  });
});

describe('kubectl version', () => {
  it.each([
    ['kubectl version', 'Client Version: v1.30.2\nKustomize Version: v5.0.4-0.20230601165947-6ce0bf390ce3\nServer Version: v1.30.2\n'],
    ['kubectl version --client', 'Client Version: v1.30.2\nKustomize Version: v5.0.4-0.20230601165947-6ce0bf390ce3\n'],
    [
      'kubectl version --client -o yaml',
      'clientVersion:\n  buildDate: "2024-06-11T20:29:44Z"\n  compiler: gc\n  gitCommit: 39683505b630ff2121012f3c5b16215a1449d5ed\n  gitTreeState: clean\n  gitVersion: v1.30.2\n  goVersion: go1.22.4\n  major: "1"\n  minor: "30"\n  platform: linux/amd64\nkustomizeVersion: v5.0.4-0.20230601165947-6ce0bf390ce3\n',
    ],
  ])('%s', (line, text) => {
    expect(s.exec(line)).toMatchObject({ text, code: 0 });
  });

  it('prints JSON in version.Info field order with two-space indentation', () => {
    expect(s.run('kubectl version --client -o json')).toBe(`{
  "clientVersion": {
    "major": "1",
    "minor": "30",
    "gitVersion": "v1.30.2",
    "gitCommit": "39683505b630ff2121012f3c5b16215a1449d5ed",
    "gitTreeState": "clean",
    "buildDate": "2024-06-11T20:29:44Z",
    "goVersion": "go1.22.4",
    "compiler": "gc",
    "platform": "linux/amd64"
  },
  "kustomizeVersion": "v5.0.4-0.20230601165947-6ce0bf390ce3"
}
`);
  });

  it('refuses other formats', () => {
    expect(s.exec('kubectl version -o wide')).toMatchObject({ text: "error: --output must be 'yaml' or 'json'\n", code: 1 });
  });
});

describe('kubectl cluster-info', () => {
  it('names the control plane and the cluster services', () => {
    expect(s.exec('kubectl cluster-info')).toMatchObject({
      text: `Kubernetes control plane is running at https://172.30.1.2:6443
CoreDNS is running at https://172.30.1.2:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy

To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.
`,
      code: 0,
    });
  });

  it('paints names green and addresses yellow on a terminal', () => {
    const tty = session({ env: { interactive: true } });
    expect(tty.run('kubectl cluster-info').split('\n')[0]).toBe('\x1b[0;32mKubernetes control plane\x1b[0m is running at \x1b[0;33mhttps://172.30.1.2:6443\x1b[0m');
  });
});

describe('kubectl options', () => {
  it('lists the global flags', () => {
    const text = s.run('kubectl options');
    expect(text).toMatch(/^The following options can be passed to any command:\n\n {4}--as='':\n/);
    expect(text).toContain("    -n, --namespace='':\n\tIf present, the namespace scope for this CLI request\n");
  });
});
