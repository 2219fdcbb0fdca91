/**
 * The ingress controller: an ingress-nginx that serves class `nginx` on port 80/443 of
 * every node (as kind and minikube set it up), routes Host + path to a Service's ready
 * endpoints (nginx proxies to endpoints, not the ClusterIP), and answers with nginx's own
 * error pages: 404 when nothing matches, 503 with no endpoints, 502 when the endpoint
 * refuses, 504 when it never answers.
 */
import type { KubeObject } from '../api/types.js';
import type { BootstrapObject } from '../bootstrap-extras.js';
import type { Controller } from '../controllers/types.js';
import { keyOf, splitKey } from '../controllers/types.js';
import { nginxErrorPage, type FixedAnswer } from './answers.js';
import { nodeIP, Topology } from './topology.js';

/** The class this controller serves, and its controller name. */
export const INGRESS_CLASS = 'nginx';
export const INGRESS_CONTROLLER = 'k8s.io/ingress-nginx';

/**
 * The IngressClass to create at bootstrap. It is the default class, as minikube's ingress
 * addon marks it, so an Ingress without ingressClassName is served too.
 */
export function ingressBootstrapObjects(): BootstrapObject[] {
  return [
    {
      resource: 'ingressclasses',
      object: {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'IngressClass',
        metadata: {
          name: INGRESS_CLASS,
          labels: { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' },
          annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' },
        },
        spec: { controller: INGRESS_CONTROLLER },
      },
    },
  ];
}

/** Whether the controller is installed (its IngressClass exists). */
export function ingressInstalled(topo: Topology): boolean {
  return topo.store.get('ingressclasses', undefined, INGRESS_CLASS)?.spec?.controller === INGRESS_CONTROLLER;
}

/** Whether this controller serves an Ingress: its class, the legacy annotation, or no class with nginx the default. */
export function servedByNginx(topo: Topology, ing: KubeObject): boolean {
  const cls = ing.spec?.ingressClassName ?? ing.metadata.annotations?.['kubernetes.io/ingress.class'];
  if (cls !== undefined) return cls === INGRESS_CLASS;
  return topo.store.get('ingressclasses', undefined, INGRESS_CLASS)?.metadata.annotations?.['ingressclass.kubernetes.io/is-default-class'] === 'true';
}

/** An Ingress backend: a Service and its port by number or name. */
export interface IngressBackend {
  readonly namespace: string;
  readonly service: string;
  readonly port: { number?: number; name?: string };
}

interface Candidate {
  readonly backend: IngressBackend;
  readonly path: string;
  readonly exact: boolean;
  readonly hostRank: number;
}

function hostRank(ruleHost: string | undefined, host: string): number {
  if (!ruleHost) return 1;
  if (ruleHost === host) return 3;
  // A wildcard covers exactly one DNS label (networking.k8s.io/v1 IngressRule.host).
  if (ruleHost.startsWith('*.')) {
    const rest = host.slice(host.indexOf('.') + 1);
    return host.includes('.') && rest === ruleHost.slice(2) ? 2 : 0;
  }
  return 0;
}

function pathMatches(type: string, rulePath: string, path: string): boolean {
  if (type === 'Exact') return path === rulePath;
  if (type === 'Prefix') {
    // Element-wise: /foo matches /foo, /foo/ and /foo/bar but not /foobar.
    const base = rulePath.replace(/\/+$/, '');
    return base === '' || path === base || path.startsWith(`${base}/`);
  }
  // ImplementationSpecific is nginx's plain `location /foo`: a string prefix.
  return path.startsWith(rulePath);
}

/** Picks the backend for a request: the most specific host, then the longest path, Exact before Prefix. */
export function matchIngress(topo: Topology, hostHeader: string, rawPath: string): IngressBackend | undefined {
  const host = hostHeader.replace(/:\d+$/, '').toLowerCase();
  const path = rawPath.split('?')[0] || '/';
  let best: Candidate | undefined;
  let fallback: IngressBackend | undefined;
  for (const ing of topo.store.list('ingresses')) {
    if (!servedByNginx(topo, ing)) continue;
    const ns = ing.metadata.namespace!;
    if (!fallback && ing.spec?.defaultBackend?.service) fallback = toBackend(ns, ing.spec.defaultBackend);
    for (const rule of ing.spec?.rules ?? []) {
      const rank = hostRank(rule.host, host);
      if (rank === 0) continue;
      for (const p of rule.http?.paths ?? []) {
        const rulePath = p.path ?? '/';
        const type = p.pathType ?? 'ImplementationSpecific';
        if (!p.backend?.service || !pathMatches(type, rulePath, path)) continue;
        const c: Candidate = { backend: toBackend(ns, p.backend), path: rulePath, exact: type === 'Exact', hostRank: rank };
        if (!best || better(c, best)) best = c;
      }
    }
  }
  return best?.backend ?? fallback;
}

function better(a: Candidate, b: Candidate): boolean {
  if (a.hostRank !== b.hostRank) return a.hostRank > b.hostRank;
  if (a.path.length !== b.path.length) return a.path.length > b.path.length;
  return a.exact && !b.exact;
}

function toBackend(namespace: string, backend: { service: { name: string; port?: { number?: number; name?: string } } }): IngressBackend {
  return { namespace, service: backend.service.name, port: backend.service.port ?? {} };
}

/** How the controller reaches an endpoint: the pod's answer, or why it failed. */
export type Upstream = (ip: string, port: number) => FixedAnswer | 'refused' | 'timeout';

/** Serves one request the way ingress-nginx would. */
export function serveIngress(topo: Topology, host: string, path: string, upstream: Upstream, pick: (key: string, n: number) => number): FixedAnswer {
  const backend = matchIngress(topo, host, path);
  if (!backend) return nginxErrorPage(404);
  const svc = topo.service(backend.namespace, backend.service);
  const sp = (svc?.spec?.ports ?? []).find((p: { port: number; name?: string }) => (backend.port.number !== undefined ? p.port === backend.port.number : p.name === backend.port.name));
  if (!svc || !sp) return nginxErrorPage(503);
  const ready = topo.backends(svc, sp).filter((b) => b.ready && b.port !== undefined);
  if (ready.length === 0) return nginxErrorPage(503);
  const b = ready[pick(`ingress/${backend.namespace}/${backend.service}:${sp.port}`, ready.length)]!;
  const answer = upstream(b.ip, b.port!);
  if (answer === 'refused') return nginxErrorPage(502);
  if (answer === 'timeout') return nginxErrorPage(504);
  return answer;
}

/**
 * Publishes the controller's address in status.loadBalancer.ingress of every Ingress it
 * serves (kubectl get ingress shows it under ADDRESS).
 */
export function createIngressStatusController(): Controller {
  const topologies = new WeakMap<object, Topology>();
  const topoFor = (store: Topology['store']): Topology => {
    let t = topologies.get(store);
    if (!t) topologies.set(store, (t = new Topology(store)));
    return t;
  };
  return {
    name: 'nginx-ingress-controller',
    watches: ['ingresses', 'ingressclasses', 'nodes'],
    keysFor: (event, ctx) => (event.resource === 'ingresses' ? [keyOf(event.object)] : ctx.store.list('ingresses').map(keyOf)),
    initialKeys: (ctx) => ctx.store.list('ingresses').map(keyOf),
    sync(key, ctx) {
      const { namespace, name } = splitKey(key);
      const ing = ctx.store.get('ingresses', namespace, name);
      const topo = topoFor(ctx.store);
      if (!ing || !ingressInstalled(topo)) return;
      const home = topo.homeNode();
      const ip = home ? nodeIP(home) : undefined;
      const want = servedByNginx(topo, ing) && ip ? [{ ip }] : [];
      const have = ing.status?.loadBalancer?.ingress ?? [];
      if (JSON.stringify(have) === JSON.stringify(want)) return;
      const copy = structuredClone(ing) as KubeObject;
      copy.status = { ...(copy.status ?? {}), loadBalancer: want.length > 0 ? { ingress: want } : {} };
      ctx.client.updateStatus('ingresses', namespace, copy);
    },
  };
}
