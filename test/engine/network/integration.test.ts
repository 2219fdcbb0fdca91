import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../src/engine/cluster.js';
import { exec } from '../../../src/engine/node/process/index.js';
import { createClusterNetwork, createIngressStatusController, ingressBootstrapObjects, processNetFor, resolvConfText } from '../../../src/engine/network/index.js';
import { Random } from '../../../src/engine/random.js';
import { fakeHost, image } from '../node/process/fake-host.js';
import { NGINX_PAGE, ref, testCluster } from './fixtures.js';

/** Runs a command in a busybox container whose network is the cluster network. */
function inPod(t: ReturnType<typeof testCluster>, argv: string[], imageRef = 'busybox:1.36') {
  const img = image(imageRef);
  const pod = ref('default', 'client', '10.244.1.2');
  const host = { ...fakeHost({ image: img }), net: processNetFor(t.net, pod) };
  return exec(argv, host, img, { budgetMs: 3_600_000 });
}

function webCluster() {
  const t = testCluster();
  t.pod('default', 'client', '10.244.1.2');
  t.pod('default', 'web-a', '10.244.1.5', { labels: { app: 'web' } });
  t.server.listen('10.244.1.5', 80);
  t.service('default', 'web', { clusterIP: '10.96.100.5', clusterIPs: ['10.96.100.5'], selector: { app: 'web' }, ports: [{ port: 80 }] });
  t.endpoints('default', 'web', ['10.244.1.5'], [{ port: 80, protocol: 'TCP' }]);
  return t;
}

describe('a container process on the cluster network', () => {
  it('nslookup answers from cluster DNS with the pod search path', () => {
    const t = webCluster();
    expect(inPod(t, ['nslookup', 'web'])).toMatchObject({ stdout: 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: 10.96.100.5\n\n', exitCode: 0 });
    expect(inPod(t, ['nslookup', 'nope'])).toMatchObject({ stdout: "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find nope.default.svc.cluster.local: NXDOMAIN\n\n", exitCode: 1 });
  });

  it('busybox 1.28 prints PTR names for the DNS server and the Service', () => {
    const t = webCluster();
    expect(inPod(t, ['nslookup', 'web'], 'busybox:1.28').stdout).toBe(
      'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      web\nAddress 1: 10.96.100.5 web.default.svc.cluster.local\n',
    );
  });

  it('wget fetches the page through the Service, and is refused once it has no endpoints', () => {
    const t = webCluster();
    expect(inPod(t, ['wget', '-qO-', 'http://web'])).toMatchObject({ stdout: NGINX_PAGE, exitCode: 0 });
    expect(t.server.seen[0]!.req.headers).toEqual({ 'User-Agent': 'Wget' });
    t.endpoints('default', 'web', [], []);
    expect(inPod(t, ['wget', '-qO-', 'http://web'])).toMatchObject({ stderr: "wget: can't connect to remote host (10.96.100.5): Connection refused\n", exitCode: 1 });
  });

  it('nc -z sees a dropped connection as a timeout under a deny-all policy', () => {
    const t = webCluster();
    expect(inPod(t, ['nc', '-zv', '-w', '2', 'web', '80'])).toMatchObject({ stderr: 'web (10.96.100.5:80) open\n', exitCode: 0 });
    t.policy('default', 'deny', { podSelector: {} });
    expect(inPod(t, ['nc', '-zv', '-w', '2', 'web', '80'])).toMatchObject({ stderr: 'nc: web (10.96.100.5:80): Connection timed out\n', exitCode: 1, elapsedMs: 2000 });
  });

  it('writes resolv.conf as the kubelet does for ClusterFirst', () => {
    const t = webCluster();
    expect(resolvConfText(t.net, ref('default', 'client', '10.244.1.2'))).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
  });
});

describe('on the default cluster', () => {
  it('resolves the bootstrap Services before any kubelet runs', () => {
    const cluster = createCluster(undefined, { kubelets: false });
    const net = createClusterNetwork(cluster.internals.store, { random: new Random(1) });
    const pod = ref('default', 'probe', '10.244.1.2');
    expect(net.resolve(pod, 'kubernetes.default')).toEqual({ ok: true, fqdn: 'kubernetes.default.svc.cluster.local', ips: ['10.96.0.1'] });
    expect(net.resolve(pod, 'kube-dns.kube-system')).toMatchObject({ ok: true, ips: ['10.96.0.10'] });
    expect(net.request(pod, 'https://kubernetes.default/api', { timeoutMs: 1000 })).toMatchObject({ ok: true, status: 403 });
    expect(net.allocatePodIP('node01', 'uid-1')).toBe('10.244.1.2');
  });

  it('publishes the controller address on Ingresses of class nginx', () => {
    const cluster = createCluster();
    const admin = cluster.client();
    expect(admin.get('ingressclasses', undefined, 'nginx').ok).toBe(true);
    const ing = (name: string, cls: string) => ({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name, namespace: 'default' },
      spec: { ingressClassName: cls, rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] },
    });
    expect(admin.create('ingresses', 'default', ing('web', 'nginx')).ok).toBe(true);
    expect(admin.create('ingresses', 'default', ing('other', 'traefik')).ok).toBe(true);
    cluster.advance(1000);
    const status = (name: string) => cluster.internals.store.get('ingresses', 'default', name)?.status;
    expect(status('web')).toEqual({ loadBalancer: { ingress: [{ ip: '172.30.1.2' }] } });
    expect(status('other')?.loadBalancer?.ingress).toBeUndefined();
  });
});
