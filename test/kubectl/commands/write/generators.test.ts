import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/engine/cluster.js';
import { createKubectlEnv, runKubectl, outputText } from '../../../../src/kubectl/index.js';
import type { KubectlEnv } from '../../../../src/kubectl/types.js';
import { hasKubectl, kubectl } from '../../printers/real-kubectl.js';

// Each line runs through our kubectl and through /usr/bin/kubectl with
// `--dry-run=client -o yaml`; the printed objects must be identical.
const dir = mkdtempSync(join(tmpdir(), 'gen-'));
writeFileSync(join(dir, 'app.properties'), 'color=blue\nsize=10\n');
writeFileSync(join(dir, 'game.env'), '# comment\nLIVES=3\n\n  ENEMIES=aliens\n');
mkdirSync(join(dir, 'conf'));
writeFileSync(join(dir, 'conf', 'a.txt'), 'alpha');
writeFileSync(join(dir, 'conf', 'b.txt'), 'beta\n');

const LINES: string[][] = [
  ['create', 'deployment', 'web', '--image=nginx', '--replicas=3'],
  ['create', 'deployment', 'web', '--image=nginx:1.25', '--image=registry.k8s.io/busybox:1.36', '--port=80'],
  ['create', 'deployment', 'web', '--image=busybox', '-n', 'dev', '--', 'sleep', '3600'],
  ['create', 'service', 'clusterip', 'web', '--tcp=80:8080', '--tcp=443'],
  ['create', 'service', 'clusterip', 'hl', '--clusterip=None'],
  ['create', 'service', 'nodeport', 'np', '--tcp=80:http', '--node-port=30080'],
  ['create', 'service', 'loadbalancer', 'lb', '--tcp=80'],
  ['create', 'service', 'externalname', 'ext', '--external-name=example.com'],
  ['create', 'configmap', 'cfg', '--from-literal=a=1', "--from-literal=b='two'", `--from-file=${dir}/app.properties`, `--from-file=k=${dir}/conf/a.txt`],
  ['create', 'configmap', 'dir', `--from-file=${dir}/conf`],
  ['create', 'configmap', 'env', `--from-env-file=${dir}/game.env`],
  ['create', 'secret', 'generic', 'db', '--from-literal=user=admin', '--from-literal=password=s3cr3t', '--type=Opaque'],
  ['create', 'secret', 'generic', 'plain', '--from-literal=a=b'],
  ['create', 'secret', 'docker-registry', 'reg', '--docker-server=r.example.com', '--docker-username=u', '--docker-password=p', '--docker-email=e@x.io'],
  ['create', 'namespace', 'dev'],
  ['create', 'serviceaccount', 'builder', '-n', 'ci'],
  ['create', 'clusterrole', 'monitoring', '--aggregation-rule=rbac.example.com/aggregate-to-monitoring=true'],
  // role/clusterrole need a server for their REST mapper even with --dry-run=client: see rbac tests.
  // `--user` on rolebindings waits on local flags shadowing the global --user (reported).
  ['create', 'rolebinding', 'rb2', '--clusterrole=view', '--serviceaccount=default:default', '-n', 'dev'],
  ['create', 'job', 'pi', '--image=perl:5.34', '--', 'perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'],
  ['create', 'cronjob', 'hello', '--image=busybox', '--schedule=*/1 * * * *', '--', 'date'],
  ['create', 'cronjob', 'never', '--image=busybox', '--schedule=0 0 * * *', '--restart=Never'],
  ['create', 'ingress', 'ing', '--rule=foo.com/bar*=svc:80,tls=my-cert', '--rule=foo.com/x=svc2:http', '--rule=/=svc3:8080', '--class=nginx', '--default-backend=def:80', '--annotation=a=b'],
  ['create', 'ingress', 'tls', '--rule=a.com/*=s:80,tls', '--rule=b.com/=s:80,tls', '--rule=c.com/x=s:80,tls=sec', '--rule=d.com/x=s:80,tls=sec'],
  ['create', 'quota', 'q', '--hard=cpu=1,memory=1024Mi,pods=10,requests.cpu=500m', '--scopes=BestEffort'],
  ['create', 'poddisruptionbudget', 'pdb', '--selector=app=web', '--min-available=2'],
  ['create', 'pdb', 'pdb2', '--selector=app=web,tier in (a,b)', '--max-unavailable=50%'],
  ['create', 'priorityclass', 'high', '--value=1000', '--description=important', '--preemption-policy=Never'],
  ['create', 'configmap', 'hashed', '--from-literal=a=1', '--from-literal=b=<&>', '--append-hash'],
  ['create', 'configmap', 'empty', '--append-hash'],
  ['create', 'secret', 'generic', 'hashed', '--from-literal=user=admin', '--append-hash'],
  ['create', 'secret', 'generic', 'typed', '--from-literal=a=b', '--type=Opaque', '--append-hash'],
  ['create', 'secret', 'docker-registry', 'reghash', '--docker-server=r.example.com', '--docker-username=u', '--docker-password=p', '--append-hash'],
];

/** The flags go before `--`, as a learner types them. */
function withDryRun(line: string[], flags = ['--dry-run=client', '-o', 'yaml']): string[] {
  const dash = line.indexOf('--');
  return dash < 0 ? [...line, ...flags] : [...line.slice(0, dash), ...flags, ...line.slice(dash)];
}

let env: KubectlEnv;
beforeAll(() => {
  env = createKubectlEnv(createCluster(), { cwd: dir });
});

describe.skipIf(!hasKubectl)('generated objects match /usr/bin/kubectl --dry-run=client -o yaml', () => {
  it.each(LINES.map((l) => [l.join(' '), l] as const))('kubectl %s', (_label, line) => {
    const args = withDryRun(line);
    const ours = runKubectl(args, env);
    expect(outputText(ours.output)).toBe(kubectl(args));
    expect(ours.exitCode).toBe(0);
  });
});

// Generated objects are typed Go structs: -o json and the --save-config annotation keep struct order.
describe.skipIf(!hasKubectl)('generated objects keep struct order like /usr/bin/kubectl (-o json, --save-config)', () => {
  it.each(LINES.map((l) => [l.join(' '), l] as const))('kubectl %s', (_label, line) => {
    for (const flags of [['--dry-run=client', '-o', 'json'], ['--dry-run=client', '--save-config', '-o', 'yaml']]) {
      const args = withDryRun(line, flags);
      expect(outputText(runKubectl(args, env).output)).toBe(kubectl(args));
    }
  });
});
