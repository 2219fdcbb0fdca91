/**
 * `kubectl debug` (cmd/debug): `debug node/NAME --image=X` creates a host-namespaces pod
 * on the node (legacy profile: host root at /host); `debug POD --copy-to=NAME` creates a
 * copy of the pod, optionally with a debugging container or other images. Ephemeral
 * containers (`debug POD --image=X --target=C`) need the pods/ephemeralcontainers
 * subresource, which the embedded API server does not serve yet: the verb says so.
 */
import type { KubeObject } from '../../../engine/api/types.js';
import type { ParsedFlags } from '../../args/flags.js';
import { resolveResourceType } from '../../args/resources.js';
import { printError } from '../../errors.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { DEBUG_SPEC } from './specs/pods.js';
import { openSession } from './support.js';

function debugContainer(flags: ParsedFlags, name: string, command: readonly string[]): Record<string, unknown> {
  const env = flags.list('env').map((kv) => ({ name: kv.split('=')[0], value: kv.slice(kv.indexOf('=') + 1) }));
  return {
    name,
    image: flags.string('image'),
    ...(command.length ? (flags.bool('arguments-only') ? { args: [...command] } : { command: [...command] }) : {}),
    ...(env.length ? { env } : {}),
    ...(flags.string('image-pull-policy') ? { imagePullPolicy: flags.string('image-pull-policy') } : {}),
    stdin: flags.bool('stdin'),
    tty: flags.bool('tty'),
    terminationMessagePolicy: 'File',
  };
}

/** The pod `debug node/NAME` creates (generateDebugNodePod with the legacy profile). */
export function nodeDebugPod(node: string, container: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { generateName: `node-debugger-${node}-` },
    spec: {
      containers: [{ ...container, volumeMounts: [{ name: 'host-root', mountPath: '/host' }] }],
      hostIPC: true,
      hostNetwork: true,
      hostPID: true,
      nodeName: node,
      restartPolicy: 'Never',
      tolerations: [{ operator: 'Exists' }],
      volumes: [{ name: 'host-root', hostPath: { path: '/' } }],
    },
  };
}

/** The copy `--copy-to` creates: same spec off the node, probes and labels dropped unless kept. */
export function podCopy(pod: KubeObject, name: string, flags: ParsedFlags, extra: Record<string, unknown> | undefined): KubeObject {
  const spec = structuredClone(pod.spec ?? {});
  if (!flags.bool('same-node')) delete spec.nodeName;
  for (const c of spec.containers ?? []) {
    if (!flags.bool('keep-liveness')) delete c.livenessProbe;
    if (!flags.bool('keep-readiness')) delete c.readinessProbe;
    if (!flags.bool('keep-startup')) delete c.startupProbe;
    const image = flags.map('set-image')[c.name] ?? flags.map('set-image')['*'];
    if (image) c.image = image;
  }
  if (!flags.bool('keep-init-containers')) delete spec.initContainers;
  delete spec.ephemeralContainers;
  if (flags.bool('share-processes')) spec.shareProcessNamespace = true;
  if (extra) spec.containers = [...(spec.containers ?? []), extra];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      ...(flags.bool('keep-labels') && pod.metadata.labels ? { labels: { ...pod.metadata.labels } } : {}),
      ...(flags.bool('keep-annotations') && pod.metadata.annotations ? { annotations: { ...pod.metadata.annotations } } : {}),
    },
    spec,
  };
}

function run(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  const copyTo = flags.string('copy-to');
  const image = flags.string('image');
  if (!image && !copyTo) return printError(io, 'you must specify --image when not using --copy-to.');
  if (flags.args.length === 0) return printError(io, 'one or more container names must be specified');
  const session = openSession(flags, env);
  if (!session.ok) return printError(io, session.error);
  const { client, namespace } = session.value;
  const target = flags.args[0]!;
  const command = flags.argsLenAtDash >= 0 ? flags.args.slice(flags.argsLenAtDash) : [];
  const slash = target.indexOf('/');
  const type = slash < 0 ? undefined : resolveResourceType(target.slice(0, slash));
  const attachNote = () => {
    if (flags.bool('stdin') || flags.bool('attach')) io.err("kubetutor: attaching to the debugging container needs the tutor's terminal; use `kubectl exec` or `kubectl logs` on the pod.\n");
  };

  if (type?.kind === 'Node') {
    const nodeName = target.slice(slash + 1);
    const node = client.get('nodes', undefined, nodeName);
    if (!node.ok) return printError(io, node.error);
    const created = client.create('pods', namespace, nodeDebugPod(nodeName, debugContainer(flags, flags.string('container') || 'debugger', command)));
    if (!created.ok) return printError(io, created.error);
    io.out(`Creating debugging pod ${created.value.object.metadata.name} with container ${flags.string('container') || 'debugger'} on node ${nodeName}.\n`);
    attachNote();
    return 0;
  }
  const podName = type ? target.slice(slash + 1) : target;
  if (type && type.kind !== 'Pod') return printError(io, `objects of type ${type.kind} are not supported by kubetutor's debug; name a pod or node/NAME`);
  const pod = client.get('pods', namespace, podName);
  if (!pod.ok) return printError(io, pod.error);
  if (copyTo) {
    const extra = image ? debugContainer(flags, flags.string('container') || `debugger-${pod.value.metadata.uid!.slice(0, 5)}`, command) : undefined;
    if (flags.bool('replace')) {
      const r = client.delete('pods', namespace, podName, { gracePeriodSeconds: 0 });
      if (!r.ok) return printError(io, r.error);
    }
    const created = client.create('pods', namespace, podCopy(pod.value, copyTo, flags, extra));
    if (!created.ok) return printError(io, created.error);
    attachNote();
    return 0;
  }
  return printError(
    io,
    `ephemeral containers are not available in kubetutor's cluster (the pods/ephemeralcontainers subresource is not served); debug a copy instead: kubectl debug ${podName} -it --copy-to=${podName}-debug --image=${image}`,
  );
}

/** `kubectl debug`. */
export const debug: CommandModule = { path: ['debug'], spec: DEBUG_SPEC, run };
