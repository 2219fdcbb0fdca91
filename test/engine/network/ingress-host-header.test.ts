import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../src/engine/cluster.js';
import { createKubectlEnv } from '../../../src/kubectl/index.js';
import { runScriptText } from '../../../src/lessons/steps.js';

// The ingress controller routes by Host, so `wget --header 'Host: ...'` (and curl -H) must send it.
describe('a Host header from wget and curl reaches the ingress controller', () => {
  const cluster = createCluster(undefined, { seed: 3 });
  const env = createKubectlEnv(cluster, { cwd: '/tmp' });
  const setup = runScriptText(
    `kubectl create deployment web --image=nginx:1.27
kubectl create service clusterip web --tcp=80:80
kubectl create ingress web --class=nginx --rule=shop.example.com/=web:80
kubectl create deployment client --image=curlimages/curl:8.8.0 -- sleep 3600
sleep 40s
`,
    env,
    { stopOnError: true },
  );
  const pod = () => {
    const pods = cluster.client().list('pods', { namespace: 'default' });
    if (!pods.ok) throw new Error(pods.error.message);
    return pods.value.items.find((p) => p.metadata.name!.startsWith('client-'))!.metadata.name!;
  };
  const exec = (...argv: string[]) => runScriptText(`kubectl exec ${pod()} -- ${argv.join(' ')}`, env, { stopOnError: false }).steps[0]!;

  it('sets up', () => expect(setup.failure).toBeUndefined());
  it.each([
    ['curl', "curl -s -H 'Host: shop.example.com' http://172.30.2.2/", /Welcome to nginx!/, 0],
    ['curl without the host', 'curl -s -o /dev/null -w %{http_code} http://172.30.2.2/', /^404$/, 0],
  ])('%s', (_name, line, out, code) => {
    const step = exec(line);
    expect(step.output).toMatch(out);
    expect(step.exitCode).toBe(code);
  });
});
