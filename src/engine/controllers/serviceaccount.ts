/**
 * The serviceaccount controller (pkg/controller/serviceaccount): every active namespace
 * has a `default` ServiceAccount, created with the namespace and again if deleted.
 */
import type { Controller, ControllerContext } from './types.js';

/** The ServiceAccounts the controller keeps in every namespace. */
export const MANAGED_SERVICE_ACCOUNTS: readonly string[] = ['default'];

/** The serviceaccount-controller. */
export function createServiceAccountController(): Controller {
  return {
    name: 'service-account-controller',
    watches: ['namespaces', 'serviceaccounts'],
    initialKeys: (ctx) => ctx.store.list('namespaces').map((n) => n.metadata.name!),
    keysFor(event) {
      if (event.resource === 'namespaces') return event.type === 'DELETED' ? [] : [event.object.metadata.name!];
      return event.type === 'DELETED' && MANAGED_SERVICE_ACCOUNTS.includes(event.object.metadata.name!) ? [event.object.metadata.namespace!] : [];
    },
    sync: syncNamespace,
  };
}

function syncNamespace(name: string, ctx: ControllerContext): void {
  const ns = ctx.store.get('namespaces', undefined, name);
  // Nothing may be created in a namespace that is going away.
  if (!ns || ns.metadata.deletionTimestamp || (ns.status?.phase && ns.status.phase !== 'Active')) return;
  for (const sa of MANAGED_SERVICE_ACCOUNTS) {
    if (ctx.store.get('serviceaccounts', name, sa)) continue;
    ctx.client.create('serviceaccounts', name, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: sa, namespace: name } });
  }
}
