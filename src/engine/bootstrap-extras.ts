/**
 * Objects other engine modules contribute to a new cluster (RBAC bootstrap policy, the
 * ingress class, CoreDNS's ConfigMap, ...), each with the resource it is created under.
 */
import type { KubeObject } from './api/types.js';
import { ingressBootstrapObjects } from './network/ingress.js';

export interface BootstrapObject {
  readonly resource: string;
  readonly object: KubeObject;
}

/** Everything contributed, in creation order. */
export function extraBootstrapObjects(): BootstrapObject[] {
  return [
    ...ingressBootstrapObjects(),
    {
      resource: 'configmaps',
      object: {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'coredns', namespace: 'kube-system' },
        data: {
          Corefile:
            '.:53 {\n    errors\n    health {\n       lameduck 5s\n    }\n    ready\n    kubernetes cluster.local in-addr.arpa ip6.arpa {\n       pods insecure\n       fallthrough in-addr.arpa ip6.arpa\n       ttl 30\n    }\n    prometheus :9153\n    forward . /etc/resolv.conf {\n       max_concurrent 1000\n    }\n    cache 30\n    loop\n    reload\n    loadbalance\n}\n',
        },
      },
    },
  ];
}
