/**
 * The root CA certificate publisher (pkg/controller/certificates/rootcacertpublisher):
 * every active namespace has a ConfigMap `kube-root-ca.crt` holding the cluster CA, which
 * the service account token volume mounts as `ca.crt`. Edits to it are put back.
 */
import { clone } from '../api/store.js';
import { stableJson } from '../api/server.js';
import type { Controller, ControllerContext } from './types.js';

export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';
export const DESCRIPTION_ANNOTATION = 'kubernetes.io/description';
export const ROOT_CA_DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. ' +
  'No other usage is guaranteed across distributions of Kubernetes clusters.';

/** The cluster's CA certificate: fixed, in the shape of kubeadm's (it is never verified). */
export const ROOT_CA_PEM = "-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIUjh0c4pzhq0wDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE\nAxMKa3ViZXJuZXRlczAeFw0yNDA2MjgwOTU1MDBaFw0zNDA2MjYxMDAwMDBaMBUx\nEzARBgNVBAMTCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEK\nAoIBAQSzYA6xQOH8fUXq06jkhI7q2RFqbd0FvXKck7OcX+NOw6Qe+ggmPc8CSHXT\ntPSPem8PTtLWHfaii9g1Q90gdyDUV6NoepiqR5gldup2aKmPu1/IirWpCjG42DeD\njFdsBnt37VgVIXruM6lwtA9a2H+Hu5E7258vlIdck7oJIdgVyjJEpUjJy1jX022o\nPd1K22msQ34sT19ebJlcMA+QtGuCBQsilLBVrHCA4jKVf36g8EwQRcIGgRVfMfdC\nwZYo8UnuUVVcn7OzPsh4tA3DCwRGO9Depgyci0OQblQZhYzvMYytaEEfM5aQ+AUQ\nH3HHVBw9Ft1lFnfsqhZGQ/oz1FoTUAKvD3PDMRDNLD6WL/MDhePbGJZV2rypJXbT\nU4Cn/8AYkAYGt6wLqoNE18QfGEypVbBVzRYLmbf2J7HMguEc8XJZTuFodofrulyL\nXcII7GYAxNAAezBOQD8yb4wJ0uxHOMnP4vM0zVjNUO57ejd5dDeoDxJYCvfWtpY4\nPiapIf41rVrTZUR2cwnSDyIvADjvCU9eTOs+y9PQu8OiHeVcEhPITTkklCzpGlOZ\n9L4LnHg2UZa/ebhDNwOissXRpDJewzDCEx4piViAVEHCZhtDwzc5GUYNFfbm4XUw\nhXiuY+PFqWMEtJx0lCxjYkexxtiXXp57LWv0EaddKnjbUqkui3F6a0jTkHWLEAq7\n6GYSbDGguPDhGdAKioPVFbdNWDwZ41fIn+TgXPAmNljt668fatJMQyG2A5mYqgP6\nKXZ2wXFIfC9XoYPFEgp40RUmZDxjSY0qZpitdyLcd+I3JRzUYXpvoPA1a3JPq2Ev\nPMmbW6L8+w7mU7elNr/LlFD86tm2nS5hhXdaUF9/7xP6Cu=\n-----END CERTIFICATE-----\n";

/** The root-ca-cert-publisher. */
export function createRootCACertPublisherController(): Controller {
  return {
    name: 'root-ca-cert-publisher',
    watches: ['namespaces', 'configmaps'],
    initialKeys: (ctx) => ctx.store.list('namespaces').map((n) => n.metadata.name!),
    keysFor(event) {
      if (event.resource === 'namespaces') return event.type === 'DELETED' ? [] : [event.object.metadata.name!];
      return event.object.metadata.name === ROOT_CA_CONFIGMAP ? [event.object.metadata.namespace!] : [];
    },
    sync: syncNamespace,
  };
}

function syncNamespace(name: string, ctx: ControllerContext): void {
  const ns = ctx.store.get('namespaces', undefined, name);
  if (!ns || ns.metadata.deletionTimestamp || (ns.status?.phase && ns.status.phase !== 'Active')) return;
  const data = { 'ca.crt': ROOT_CA_PEM };
  const cm = ctx.store.get('configmaps', name, ROOT_CA_CONFIGMAP);
  if (!cm) {
    ctx.client.create('configmaps', name, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: ROOT_CA_CONFIGMAP, namespace: name, annotations: { [DESCRIPTION_ANNOTATION]: ROOT_CA_DESCRIPTION } },
      data,
    });
    return;
  }
  if (stableJson(cm.data ?? {}) === stableJson(data) && cm.metadata.annotations?.[DESCRIPTION_ANNOTATION]) return;
  const next = clone(cm);
  next.data = data;
  delete next.binaryData;
  next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [DESCRIPTION_ANNOTATION]: ROOT_CA_DESCRIPTION };
  ctx.client.update('configmaps', name, next);
}
