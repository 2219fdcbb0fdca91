import { beforeAll, describe, expect, it } from 'vitest';
import { describe as describeObject } from '../../../../src/kubectl/printers/describe/index.js';
import { describeContext } from '../../../../src/kubectl/commands/read/describe.js';
import { session, type Session } from '../../helpers.js';

// describe against the live default cluster: a Deployment of two nginx pods and a Service.
let s: Session;
beforeAll(() => {
  s = session();
  s.create({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { namespace: 'default', name: 'web', labels: { app: 'web' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } },
    },
  });
  s.create({ apiVersion: 'v1', kind: 'Service', metadata: { namespace: 'default', name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
  s.cluster.advance(30_000);
});

/** What the describer prints for one object read through the API. */
const direct = (resource: string, namespace: string | undefined, name: string) => {
  const client = s.cluster.client();
  const r = client.get(resource, namespace, name);
  if (!r.ok) throw new Error(r.error.message);
  return describeObject(resource, r.value, describeContext(client, s.cluster.now()));
};

describe('kubectl describe', () => {
  it('leaves the Events section out with --show-events=false', () => {
    const full = s.exec('kubectl describe deployment web').stdout;
    expect(full).toMatch(/\nEvents:\n  Type/);
    const quiet = s.exec('kubectl describe deployment web --show-events=false').stdout;
    expect(quiet).not.toContain('Events:');
    expect(quiet).toBe(full.slice(0, full.indexOf('Events:')));
  });

  it.each([
    ['deployment web', 'deployments', 'default', 'web'],
    ['deploy/web', 'deployments', 'default', 'web'],
    ['svc web', 'services', 'default', 'web'],
    ['node node01', 'nodes', undefined, 'node01'],
    ['namespace default', 'namespaces', undefined, 'default'],
  ])('describe %s prints the describer\'s text for the live object', (args, resource, namespace, name) => {
    expect(s.exec(`kubectl describe ${args}`)).toMatchObject({ stdout: direct(resource, namespace, name), stderr: '', code: 0 });
  });

  it('prints the deployment block of the reference', () => {
    const text = s.run('kubectl describe deployment web');
    expect(text).toMatch(/^Name:                   web\nNamespace:              default\nCreationTimestamp:      Mon, 01 Jul 2024 10:00:00 \+0000\n/);
    expect(text).toContain('Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable\n');
    expect(text).toMatch(/Normal {2}ScalingReplicaSet {2}30s {3}deployment-controller {2}Scaled up replica set web-[a-z0-9]+ to 2\n$/);
  });

  it('describes a node with its pods', () => {
    const text = s.run('kubectl describe node node01');
    expect(text).toMatch(/^Name:               node01\nRoles:              <none>\n/);
    expect(text).toContain('Non-terminated Pods:');
  });

  it('falls back to every object whose name starts with the given prefix, each followed by a blank line', () => {
    const pods = s.cluster.client().list('pods', { namespace: 'default' });
    const names = pods.ok ? pods.value.items.map((p) => p.metadata.name!) : [];
    expect(names).toHaveLength(2);
    const expected = names.map((n) => `${direct('pods', 'default', n)}\n`).join('');
    expect(s.exec('kubectl describe pod web')).toMatchObject({ stdout: expected, code: 0 });
  });

  it('separates several objects as describe.go does ("\\n\\n" before each one after the first)', () => {
    const pods = s.cluster.client().list('pods', { namespace: 'default' });
    const [a, b] = pods.ok ? pods.value.items.map((p) => direct('pods', 'default', p.metadata.name!)) : [];
    expect(s.run('kubectl describe pods -l app=web')).toBe(`${a}\n\n${b}`);
    expect(s.run('kubectl describe pods')).toBe(`${a}\n\n${b}`);
  });

  it.each([
    ['kubectl describe pods nope', 'Error from server (NotFound): pods "nope" not found\n', 1],
    ['kubectl describe pod zzz', 'Error from server (NotFound): pods "zzz" not found\n', 1],
    ['kubectl describe pods -n empty', 'No resources found in empty namespace.\n', 0],
    ['kubectl describe foo bar', 'error: the server doesn\'t have a resource type "foo"\n', 1],
    ['kubectl describe', 'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n', 1],
  ])('%s', (line, text, code) => {
    expect(s.exec(line)).toMatchObject({ text, code });
  });
});
