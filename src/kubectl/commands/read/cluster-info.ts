/**
 * `kubectl cluster-info` (kubectl/pkg/cmd/clusterinfo): the API server's address, then
 * each kube-system Service labelled kubernetes.io/cluster-service=true with its proxy
 * URL. Names are green and URLs yellow on a terminal, as go-colortext paints them.
 */
import type { KubeObject } from '../../../engine/api/types.js';
import type { ParsedFlags } from '../../args/flags.js';
import { clientFor, printError } from '../../common.js';
import type { CommandModule, KubectlEnv, Output } from '../../types.js';
import { CLUSTER_INFO_DUMP_SPEC, CLUSTER_INFO_SPEC } from './info-specs.js';

/** The API server a kubeadm control plane at 172.30.1.2 serves. */
export const DEFAULT_SERVER = 'https://172.30.1.2:6443';

/** The `cluster-info` verb. */
export const CLUSTER_INFO: CommandModule = { path: ['cluster-info'], spec: CLUSTER_INFO_SPEC, run: runClusterInfo };
/** `cluster-info dump` is not emulated: it would print every object and log of the cluster. */
export const CLUSTER_INFO_DUMP: CommandModule = {
  path: ['cluster-info', 'dump'],
  spec: CLUSTER_INFO_DUMP_SPEC,
  run: (_flags, _env, io) => printError(io, '"kubectl cluster-info dump" is not available in kubetutor\'s cluster'),
};

/** The API server URL: the control-plane node's InternalIP on 6443. */
export function serverUrl(env: KubectlEnv): string {
  const nodes = env.client().list('nodes', {});
  if (!nodes.ok) return DEFAULT_SERVER;
  const cp = nodes.value.items.find((n) => n.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined);
  const ip = (cp?.status?.addresses as { type: string; address: string }[] | undefined)?.find((a) => a.type === 'InternalIP')?.address;
  return ip ? `https://${ip}:6443` : DEFAULT_SERVER;
}

function runClusterInfo(flags: ParsedFlags, env: KubectlEnv, io: Output): number {
  const client = clientFor(flags, env);
  if (!client.ok) return printError(io, client.error);
  const namespace = flags.string('namespace') || 'kube-system';
  const services = client.value.list('services', { namespace, labelSelector: 'kubernetes.io/cluster-service=true' });
  if (!services.ok) return printError(io, services.error);
  const host = serverUrl(env);
  const paint = (name: string, link: string) =>
    env.interactive ? `\x1b[0;32m${name}\x1b[0m is running at \x1b[0;33m${link}\x1b[0m\n` : `${name} is running at ${link}\n`;
  let out = paint('Kubernetes control plane', host);
  for (const svc of services.value.items) out += paint(svc.metadata.labels?.['kubernetes.io/name'] || svc.metadata.name!, serviceLink(host, svc));
  io.out(`${out}\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`);
  return 0;
}

/** A LoadBalancer's ingress ports, or the API server proxy path `<scheme>:<name>:<port name>`. */
function serviceLink(host: string, svc: KubeObject): string {
  const ports = (svc.spec?.ports ?? []) as { name?: string; port: number }[];
  const ingress = svc.status?.loadBalancer?.ingress?.[0] as { ip?: string; hostname?: string } | undefined;
  if (ingress) return ports.map((p) => `http://${ingress.ip || ingress.hostname}:${p.port} `).join('');
  let name = svc.metadata.name!;
  const port = ports[0];
  if (port) {
    const scheme = port.name === 'https' || port.port === 443 ? 'https' : '';
    // utilnet.JoinSchemeNamePort: the scheme and port name only when set.
    name = scheme ? `${scheme}:${name}:${port.name ?? ''}` : port.name ? `${name}:${port.name}` : name;
  }
  return `${host}/api/v1/namespaces/${svc.metadata.namespace}/services/${name}/proxy`;
}
