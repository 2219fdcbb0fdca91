import { describe, expect, it } from 'vitest';
import { session } from './transcript.js';

const envOf = (s: ReturnType<typeof session>, name = 'db') =>
  JSON.parse(s.run(`kubectl get deployment ${name} -o jsonpath={.spec.template.spec.containers[0].env}`).stdout || '[]');

const withDb = () => {
  const s = session();
  s.run('kubectl create deployment db --image=postgres');
  s.run('kubectl create secret generic db-credentials --from-literal=username=admin --from-literal=db.password=s3cret');
  s.run('kubectl create configmap db-config --from-literal=max-connections=100 --from-literal=mode=rw');
  return s;
};

describe('kubectl set env --from', () => {
  it('adds one variable per secret key, each a secretKeyRef, the key turned into an env name', () => {
    const s = withDb();
    expect(s.run('kubectl set env deployment/db --from=secret/db-credentials')).toMatchObject({ text: 'deployment.apps/db env updated\n', code: 0 });
    expect(envOf(s)).toEqual([
      { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { key: 'db.password', name: 'db-credentials' } } },
      { name: 'USERNAME', valueFrom: { secretKeyRef: { key: 'username', name: 'db-credentials' } } },
    ]);
  });

  it('--from=configmap uses configMapKeyRef; --prefix and --keys shape the result', () => {
    const s = withDb();
    expect(s.run('kubectl set env deploy/db --from=configmap/db-config --prefix=PG_ --keys=max-connections').code).toBe(0);
    expect(envOf(s)).toEqual([{ name: 'PG_MAX_CONNECTIONS', valueFrom: { configMapKeyRef: { key: 'max-connections', name: 'db-config' } } }]);
  });

  it('--prefix also renames explicit pairs, and --list names the references', () => {
    const s = withDb();
    s.run('kubectl set env deploy/db --from=secret/db-credentials --keys=username --prefix=APP_ LEVEL=debug');
    expect(s.run('kubectl set env deploy/db --list').stdout).toBe('# Deployment db, container postgres\nAPP_LEVEL=debug\n# APP_USERNAME from secret db-credentials, key username\n');
  });

  it('--list --resolve prints the values references point at, and the ones it cannot read as errors', () => {
    const s = withDb();
    s.run('kubectl set env deploy/db --from=secret/db-credentials --keys=username');
    s.run('kubectl set env deploy/db --from=configmap/db-config --keys=mode');
    s.run('kubectl set resources deploy/db --limits=cpu=250m,memory=64Mi');
    s.run(`kubectl patch deploy db --type=json -p '[{"op":"add","path":"/spec/template/spec/containers/0/env/-","value":{"name":"ME","valueFrom":{"fieldRef":{"fieldPath":"metadata.name"}}}},{"op":"add","path":"/spec/template/spec/containers/0/env/-","value":{"name":"CPU","valueFrom":{"resourceFieldRef":{"resource":"limits.cpu","divisor":"100m"}}}},{"op":"add","path":"/spec/template/spec/containers/0/env/-","value":{"name":"IP","valueFrom":{"fieldRef":{"fieldPath":"status.podIP"}}}},{"op":"add","path":"/spec/template/spec/containers/0/env/-","value":{"name":"GONE","valueFrom":{"secretKeyRef":{"name":"nope","key":"x"}}}}]'`);
    expect(s.run('kubectl set env deploy/db --list --resolve')).toMatchObject({
      stdout: '# Deployment db, container postgres\nUSERNAME=admin\nMODE=rw\nME=db\nCPU=3\n# IP from field path status.podIP\n# GONE from secret nope, key x\n',
      stderr: 'error retrieving reference for GONE: secrets "nope" not found\nerror retrieving reference for IP: unsupported fieldPath: status.podIP\nerror: failed to retrieve valueFrom references\n',
      code: 1,
    });
  });

  it('--list warns about an object without the named container', () => {
    expect(withDb().run('kubectl set env deploy/db --list -c nope')).toMatchObject({ text: 'warning: Deployment/db does not have any containers matching "nope"\n', code: 0 });
  });

  it('replaces an existing variable of the same name in place', () => {
    const s = withDb();
    s.run('kubectl set env deploy/db USERNAME=root MODE=x');
    s.run('kubectl set env deploy/db --from=secret/db-credentials --keys=username');
    expect(envOf(s)).toEqual([
      { name: 'USERNAME', valueFrom: { secretKeyRef: { key: 'username', name: 'db-credentials' } } },
      { name: 'MODE', value: 'x' },
    ]);
  });

  it.each([
    ['kubectl set env deploy/db --from=deployment/db', 'error: unsupported resource specified in --from\n'],
    ['kubectl set env deploy/db --from=secret/nope', 'Error from server (NotFound): secrets "nope" not found\n'],
    ['kubectl set env deploy/db --keys=a', 'error: when specifying --keys, a configmap or secret must be provided with --from\n'],
  ])('%s fails', (line, text) => {
    expect(withDb().run(line)).toMatchObject({ text, code: 1 });
  });

  it('--overwrite=false refuses to change an existing value', () => {
    const s = withDb();
    s.run('kubectl set env deploy/db A=1');
    expect(s.run('kubectl set env deploy/db A=2 --overwrite=false')).toMatchObject({
      text: "error: deployments.apps/db 'A' already has a value (1), and --overwrite is false\n",
      code: 1,
    });
  });
});

describe('kubectl set env --containers', () => {
  it('warns when no container matches and changes nothing', () => {
    const s = withDb();
    expect(s.run('kubectl set env deploy/db -c nope A=1')).toMatchObject({ text: 'warning: Deployment/db does not have any containers matching "nope"\n', code: 0 });
    expect(envOf(s)).toEqual([]);
  });
});
