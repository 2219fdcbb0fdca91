import { describe, expect, it } from 'vitest';
import { session } from './transcript.js';

/** A session where jane holds `verbs` on deployments/scale (and may get deployments). */
const janeMay = (verbs: string) => {
  const s = session();
  s.run('kubectl create deployment web --image=nginx --replicas=2');
  s.run(`kubectl create role scaler --verb=${verbs} --resource=deployments/scale`);
  s.run('kubectl create role reader --verb=get --resource=deployments');
  s.run('kubectl create rolebinding scaler --role=scaler --user=jane');
  s.run('kubectl create rolebinding reader --role=reader --user=jane');
  return s;
};

describe('kubectl scale and the scale subresource', () => {
  it('sends a patch: update on deployments/scale is not enough', () => {
    expect(janeMay('update').run('kubectl scale deployment web --replicas=3 --as=jane')).toMatchObject({
      text: 'Error from server (Forbidden): deployments.apps "web" is forbidden: User "jane" cannot patch resource "deployments/scale" in API group "apps" in the namespace "default"\n',
      code: 1,
    });
  });

  it('patch on deployments/scale is enough', () => {
    const s = janeMay('patch');
    expect(s.run('kubectl scale deployment web --replicas=3 --as=jane')).toMatchObject({ text: 'deployment.apps/web scaled\n', code: 0 });
    expect(s.run('kubectl get deploy web -o jsonpath={.spec.replicas}').stdout).toBe('3');
  });

  it('with --current-replicas it reads and updates the Scale instead', () => {
    const s = janeMay('get,update');
    expect(s.run('kubectl scale deployment web --current-replicas=2 --replicas=4 --as=jane')).toMatchObject({ text: 'deployment.apps/web scaled\n', code: 0 });
    expect(s.run('kubectl scale deployment web --current-replicas=2 --replicas=5 --as=jane')).toMatchObject({ text: 'error: Expected replicas to be 2, was 4\n', code: 1 });
  });

  it('checks --resource-version against the Scale', () => {
    const s = janeMay('get,update');
    expect(s.run('kubectl scale deployment web --resource-version=1 --replicas=4')).toMatchObject({ text: expect.stringMatching(/^error: Expected resource version to be 1, was \d+\n$/), code: 1 });
  });
});
