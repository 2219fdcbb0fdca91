import { describe, expect, it } from 'vitest';
import { explain } from '../../../../src/engine/api/schema/explain.js';
import { wrapString } from '../../../../src/engine/api/schema/wordwrap.js';

const text = (arg: string, recursive = false): string => {
  const r = explain(arg, { recursive });
  if (!r.ok) throw new Error(r.message);
  return r.text;
};

describe('kubectl explain (v1.30 OpenAPI v3 plaintext template)', () => {
  it('explains a kind: header, wrapped description, sorted fields, two newlines at the end', () => {
    expect(text('pods')).toBe(
      [
        'KIND:       Pod',
        'VERSION:    v1',
        '',
        'DESCRIPTION:',
        '    Pod is a collection of containers that can run on a host. This resource is',
        '    created by clients and scheduled onto hosts.',
        '    ',
        'FIELDS:',
        '  apiVersion\t<string>',
        '    APIVersion defines the versioned schema of this representation of an object.',
        '    Servers should convert recognized schemas to the latest internal value, and',
        '    may reject unrecognized values. More info:',
        '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
        '',
        '  kind\t<string>',
        '    Kind is a string value representing the REST resource this object',
        '    represents. Servers may infer this from the endpoint the client submits',
        '    requests to. Cannot be updated. In CamelCase. More info:',
        '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
        '',
        '  metadata\t<ObjectMeta>',
        "    Standard object's metadata. More info:",
        '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
        '',
        '  spec\t<PodSpec>',
        '    Specification of the desired behavior of the pod. More info:',
        '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status',
        '',
        '  status\t<PodStatus>',
        '    Most recently observed status of the pod. This data may not be up to date.',
        '    Populated by the system. Read-only. More info:',
        '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status',
        '',
        '',
        '',
      ].join('\n'),
    );
  });

  it('explains a list field with the field and item type descriptions, -required- and enums', () => {
    const out = text('pods.spec.containers');
    expect(out.startsWith(
      [
        'KIND:       Pod',
        'VERSION:    v1',
        '',
        'FIELD: containers <[]Container>',
        '',
        'DESCRIPTION:',
        '    List of containers belonging to the pod. Containers cannot currently be',
        '    added or removed. There must be at least one container in a Pod. Cannot be',
        '    updated.',
        '    A single application container that you want to run within a pod.',
        '    ',
        'FIELDS:',
        '  args\t<[]string>',
        "    Arguments to the entrypoint. The container image's CMD is used if this is",
      ].join('\n'),
    )).toBe(true);
    expect(out).toContain('\n  name\t<string> -required-\n    Name of the container specified as a DNS_LABEL. Each container in a pod must\n    have a unique name (DNS_LABEL). Cannot be updated.\n\n');
    expect(out).toContain('\n  imagePullPolicy\t<string>\n  enum: Always, IfNotPresent, Never\n    Image pull policy.');
    expect(out).toContain('\n  resources\t<ResourceRequirements>\n');
    expect(out).toContain('\n  ports\t<[]ContainerPort>\n');
  });

  it('explains deployments.spec.strategy with its enum and IntOrString types', () => {
    expect(text('deployments.spec.strategy')).toBe(
      [
        'GROUP:      apps',
        'KIND:       Deployment',
        'VERSION:    v1',
        '',
        'FIELD: strategy <DeploymentStrategy>',
        '',
        'DESCRIPTION:',
        '    The deployment strategy to use to replace existing pods with new ones.',
        '    DeploymentStrategy describes how to replace existing pods with new ones.',
        '    ',
        'FIELDS:',
        '  rollingUpdate\t<RollingUpdateDeployment>',
        '    Rolling update config params. Present only if DeploymentStrategyType =',
        '    RollingUpdate.',
        '',
        '  type\t<string>',
        '  enum: Recreate, RollingUpdate',
        '    Type of deployment. Can be "Recreate" or "RollingUpdate". Default is',
        '    RollingUpdate.',
        '    ',
        '    Possible enum values:',
        '     - `"Recreate"` Kill all existing pods before creating new ones.',
        '     - `"RollingUpdate"` Replace the old ReplicaSets by new one using rolling',
        '    update i.e gradually scale down the old ReplicaSets and scale up the new',
        '    one.',
        '',
        '',
        '',
      ].join('\n'),
    );
    expect(text('deploy.spec.strategy.rollingUpdate')).toContain('\n  maxSurge\t<IntOrString>\n');
  });

  it('lists only names and types with --recursive', () => {
    expect(text('deployments.spec.strategy', true)).toContain(
      'FIELDS:\n  rollingUpdate\t<RollingUpdateDeployment>\n    maxSurge\t<IntOrString>\n    maxUnavailable\t<IntOrString>\n  type\t<string>\n  enum: Recreate, RollingUpdate\n\n',
    );
  });

  it('prints the ENUM block for a scalar field', () => {
    expect(text('po.spec.restartPolicy')).toContain('FIELD: restartPolicy <string>\nENUM:\n    Always\n    Never\n    OnFailure\n\nDESCRIPTION:\n');
  });

  it('shows maps and quantities as kubectl names them', () => {
    expect(text('pods.metadata')).toContain('\n  labels\t<map[string]string>\n');
    expect(text('pods.spec.containers.resources')).toContain('\n  limits\t<map[string]Quantity>\n');
  });

  it.each([
    ['pods.spec.foo', 'error: field "foo" does not exist'],
    ['pods.spec.foo.bar', 'error: field "bar" does not exist'],
    ['pods.metadata.labels.app', 'error: field "app" does not exist'],
    ['foos', 'error: the server doesn\'t have a resource type "foos"'],
  ])('%s fails with %s', (arg, message) => {
    expect(explain(arg)).toEqual({ ok: false, message });
  });
});

describe('wrapString (go-wordwrap)', () => {
  it.each([
    ['a b c', 3, 'a b\nc'],
    ['keeps\nnewlines', 80, 'keeps\nnewlines'],
    ['averyverylongword x', 5, 'averyverylongword\nx'],
  ])('wraps %j at %i', (s, lim, want) => {
    expect(wrapString(s, lim)).toBe(want);
  });
});
