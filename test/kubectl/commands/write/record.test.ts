import { describe, expect, it } from 'vitest';
import { goDuration } from '../../../../src/kubectl/commands/write/record.js';
import { session } from './transcript.js';

const NOTICE = 'Flag --record has been deprecated, --record will be removed in the future\n';
const cause = (s: ReturnType<typeof session>, what: string) =>
  s.run(`kubectl get ${what} -o jsonpath='{.metadata.annotations.kubernetes\\.io/change-cause}'`).stdout;

describe('--record (deprecated, still accepted by kubectl 1.30)', () => {
  it('set image records the command line for rollout history, after the deprecation notice', () => {
    const s = session();
    s.run('kubectl create deployment web --image=nginx:1.25');
    s.cluster.advance(20_000);
    expect(s.run('kubectl set image deployment/web nginx=nginx:1.26 --record')).toMatchObject({
      text: `${NOTICE}deployment.apps/web image updated\n`,
      code: 0,
    });
    s.cluster.advance(30_000);
    expect(s.run('kubectl rollout history deployment/web').stdout).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         kubectl set image deployment/web nginx=nginx:1.26 --record=true\n\n',
    );
  });

  it.each([
    ['kubectl scale deploy web --replicas=2 --record', 'deploy web', 'kubectl scale deploy web --replicas=2 --record=true'],
    ['kubectl annotate deploy web team=blue --record', 'deploy web', 'kubectl annotate deploy web team=blue --record=true'],
    ['kubectl label deploy web tier=fe --record', 'deploy web', 'kubectl label deploy web tier=fe --record=true'],
    [`kubectl patch deploy web -p '{"spec":{"replicas":2}}' --record`, 'deploy web', 'kubectl patch deploy web --patch={"spec":{"replicas":2}} --record=true'],
    ['kubectl set resources deploy web --limits=cpu=100m --record', 'deploy web', 'kubectl set resources deploy web --limits=cpu=100m --record=true'],
    ['kubectl set serviceaccount deploy web default --record', 'deploy web', 'kubectl set serviceaccount deploy web default --record=true'],
    ['kubectl expose deploy web --port=80 --record', 'svc web', 'kubectl expose deploy web --port=80 --record=true'],
    ['kubectl autoscale deploy web --max=3 --record', 'hpa web', 'kubectl autoscale deploy web --max=3 --record=true'],
    ['kubectl run solo --image=nginx --record -- sleep 10', 'pod solo', 'kubectl run solo sleep 10 --image=nginx --record=true'],
  ])('%s stores its change-cause', (line, what, expected) => {
    const s = session();
    s.run('kubectl create deployment web --image=nginx:1.25');
    const r = s.run(line);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(NOTICE);
    expect(cause(s, what)).toBe(expected);
  });

  it('apply records into the object and its last-applied configuration', () => {
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n';
    const s = session({ 'cm.yaml': cm });
    expect(s.run('kubectl apply -f cm.yaml --record')).toMatchObject({ text: `${NOTICE}configmap/app created\n`, code: 0 });
    expect(cause(s, 'cm app')).toBe('kubectl apply --filename=cm.yaml --record=true');
    expect(s.run('kubectl apply view-last-applied cm app').stdout).toContain('kubernetes.io/change-cause: kubectl apply --filename=cm.yaml --record=true\n');
  });

  it('prints the notice but records nothing with --record=false', () => {
    const s = session();
    s.run('kubectl create deployment web --image=nginx:1.25');
    expect(s.run('kubectl scale deploy web --replicas=2 --record=false')).toMatchObject({ stderr: NOTICE, code: 0 });
    expect(cause(s, 'deploy web')).toBe('');
  });

  it('is unknown to verbs that never had it', () => {
    expect(session().run('kubectl delete pod x --record')).toMatchObject({ text: "error: unknown flag: --record\nSee 'kubectl delete --help' for usage.\n", code: 1 });
  });

  it.each([
    [0, '0s'],
    [500, '500ms'],
    [30_000, '30s'],
    [90_000, '1m30s'],
    [3_600_000, '1h0m0s'],
    [1_500, '1.5s'],
  ])('writes %i ms as Go prints the duration: %s', (ms, text) => {
    expect(goDuration(ms)).toBe(text);
  });
});
