/**
 * `kubectl debug` (cmd/debug): `debug node/NAME --image=X` creates a host-namespaces pod
 * on the node (legacy profile: host root at /host); `debug POD --copy-to=NAME` creates a
 * copy of the pod, optionally with a debugging container or other images; `debug POD
 * --image=X` adds an ephemeral container to the running pod (debug-ephemeral.ts).
 */
import type { KubeObject } from '../../../engine/api/types.js';
import type { ParsedFlags } from '../../args/flags.js';
import { resolveResourceType } from '../../args/resources.js';
import { printError } from '../../errors.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { ERR_REFERENCE_INVALID_FORMAT, parseImageReference } from '../../../engine/images/reference.js';
import { debugByEphemeralContainer, debugContainerName } from './debug-ephemeral.js';
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

/** The debug profiles of kubectl 1.30 (`--profile`). */
const PROFILES = ['legacy', 'general', 'baseline', 'netadmin', 'restricted', 'sysadmin'];

/**
 * DebugOptions.Validate, in its order: the error to print, or undefined. The `--target`
 * notice it prints on stdout is written here too, as kubectl does before any request.
 */
function validate(flags: ParsedFlags, command: readonly string[], io: Output): string | undefined {
  const image = flags.string('image');
  const container = flags.string('container');
  const setImages = Object.keys(flags.map('set-image'));
  if (!PROFILES.includes(flags.string('profile'))) return `unknown profile: ${flags.string('profile')}`;
  if (flags.bool('attach') && flags.changed.has('attach') && !image && !container) return 'you must specify --container or create a new container using --image in order to attach.';
  if (flags.string('copy-to')) {
    if (!image && setImages.length === 0 && command.length === 0) return 'you must specify --image, --set-image or command arguments.';
    if (command.length > 0 && !container && !image) return 'you must specify an existing container or a new image when specifying args.';
  } else if (flags.bool('replace')) return '--replace may only be used with --copy-to.';
  else if (flags.bool('same-node')) return '--same-node may only be used with --copy-to.';
  else if (setImages.length > 0) return '--set-image may only be used with --copy-to.';
  else if (!image) return 'you must specify --image when not using --copy-to.';
  if (image && !parseImageReference(image).ok) return `invalid image name "${image}": ${ERR_REFERENCE_INVALID_FORMAT}`;
  if (flags.args.length === 0 || flags.argsLenAtDash === 0) return 'NAME or filename is required for debug';
  const policy = flags.string('image-pull-policy');
  if (policy && !['Always', 'IfNotPresent', 'Never'].includes(policy)) return `invalid image pull policy: ${policy}`;
  const target = flags.string('target');
  if (target) {
    if (flags.string('copy-to')) return '--target is incompatible with --copy-to. Use --share-processes instead.';
    if (!flags.bool('quiet')) io.out(`Targeting container "${target}". If you don't see processes from this container it may be because the container runtime doesn't support this feature.\n`);
  }
  if (flags.bool('tty') && !flags.bool('stdin')) return '-i/--stdin is required for containers with -t/--tty=true';
  return undefined;
}

/** GroupVersionKind.String(), as kubectl quotes a kind debug cannot handle. */
function gvkText(group: string, version: string, kind: string): string {
  return `${group}/${version}, Kind=${kind}`;
}

function run(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  const copyTo = flags.string('copy-to');
  const image = flags.string('image');
  const command = flags.argsLenAtDash >= 0 ? flags.args.slice(flags.argsLenAtDash) : [];
  const invalid = validate(flags, command, io);
  if (invalid) return printError(io, invalid);
  const session = openSession(flags, env);
  if (!session.ok) return printError(io, session.error);
  const { client, namespace } = session.value;
  const target = flags.args[0]!;
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
  if (slash >= 0 && !type) return printError(io, `the server doesn't have a resource type "${target.slice(0, slash)}"`);
  if (type && type.kind !== 'Pod') {
    const obj = client.get(type.resource, type.namespaced ? namespace : undefined, podName);
    if (!obj.ok) return printError(io, obj.error);
    return printError(io, `"${gvkText(type.group, type.version, type.kind)}" not supported by debug`);
  }
  const pod = client.get('pods', namespace, podName);
  if (!pod.ok) return printError(io, pod.error);
  if (!copyTo) return debugByEphemeralContainer({ flags, env, io, client, pod: pod.value, command });
  const existing = [...(pod.value.spec?.containers ?? [])].some((c: { name: string }) => c.name === flags.string('container'));
  const extra = image && !existing ? debugContainer(flags, debugContainerName(pod.value, flags, env, io), command) : undefined;
  const created = client.create('pods', namespace, podCopy(pod.value, copyTo, flags, extra));
  if (!created.ok) return printError(io, created.error);
  // debugByCopy deletes the original only once the copy exists.
  if (flags.bool('replace')) {
    const r = client.delete('pods', namespace, podName, { gracePeriodSeconds: 0 });
    if (!r.ok) return printError(io, r.error);
  }
  attachNote();
  return 0;
}

/** `kubectl debug`. */
export const debug: CommandModule = { path: ['debug'], spec: DEBUG_SPEC, run };
