import { describe, expect, it } from 'vitest';
import { namespaceLifecycle } from '../../../../src/engine/api/admission/index.js';
import { namespace, pod, request } from './fixtures.js';

const admit = namespaceLifecycle.mutate!;

describe('NamespaceLifecycle', () => {
  it('lets pods into an active namespace', () => {
    expect(admit(request('pods', pod('web', undefined, 'dev'), [namespace('dev')])).ok).toBe(true);
  });

  it('answers NotFound for a namespace that does not exist', () => {
    const result = admit(request('pods', pod('web', undefined, 'dev'), []));
    expect(result.ok ? undefined : [result.error.reason, result.error.code, result.error.message]).toEqual(['NotFound', 404, 'namespaces "dev" not found']);
  });

  it('refuses new content in a terminating namespace', () => {
    const result = admit(request('pods', pod('web', undefined, 'dev'), [namespace('dev', 'Terminating')]));
    expect(result.ok ? undefined : [result.error.reason, result.error.message]).toEqual([
      'Forbidden',
      'pods "web" is forbidden: unable to create new content in namespace dev because it is being terminated',
    ]);
  });

  it('still allows updates and deletes in a terminating namespace', () => {
    const objects = [namespace('dev', 'Terminating')];
    expect(admit(request('pods', pod('web', undefined, 'dev'), objects, { operation: 'UPDATE' })).ok).toBe(true);
    expect(admit(request('pods', pod('web', undefined, 'dev'), objects, { operation: 'DELETE' })).ok).toBe(true);
  });

  it.each(['default', 'kube-system', 'kube-public'])('refuses to delete %s', (name) => {
    const result = admit(request('namespaces', namespace(name), [namespace(name)], { operation: 'DELETE', namespace: undefined }));
    expect(result.ok ? undefined : result.error.message).toBe(`namespaces "${name}" is forbidden: this namespace may not be deleted`);
  });

  it('lets other namespaces be deleted', () => {
    expect(admit(request('namespaces', namespace('dev'), [namespace('dev')], { operation: 'DELETE', namespace: undefined })).ok).toBe(true);
  });
});
