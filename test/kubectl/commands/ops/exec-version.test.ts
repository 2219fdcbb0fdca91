import { describe, expect, it } from 'vitest';
import { session } from './helpers.js';

describe('kubectl exec into an nginx pod (real kubelet)', () => {
  it('nginx -v prints the version on stderr and exits 0; /etc/hostname is the pod name', () => {
    const s = session({ kubelet: 'real' });
    s.k('run web --image=nginx');
    s.cluster.advance(30_000);
    const v = s.k('exec web -- nginx -v');
    expect([v.text, v.err, v.code]).toEqual(['nginx version: nginx/1.27.0\n', 'nginx version: nginx/1.27.0\n', 0]);
    expect(s.k('exec web -- cat /etc/hostname').text).toBe('web\n');
  });
});
