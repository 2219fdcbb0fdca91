import { describe, expect, it } from 'vitest';
import { familiarName, parseImageReference } from '../../../src/engine/images/reference.js';

describe('parseImageReference', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.25', 'docker.io/library/nginx:1.25'],
    ['library/nginx:1.25', 'docker.io/library/nginx:1.25'],
    ['docker.io/nginx', 'docker.io/library/nginx:latest'],
    ['index.docker.io/library/nginx:1.27', 'docker.io/library/nginx:1.27'],
    ['polinux/stress', 'docker.io/polinux/stress:latest'],
    ['registry.k8s.io/e2e-test-images/agnhost:2.40', 'registry.k8s.io/e2e-test-images/agnhost:2.40'],
    ['localhost/app', 'localhost/app:latest'],
    ['registry.example.com:5000/team/app:v1', 'registry.example.com:5000/team/app:v1'],
    [`nginx@sha256:${'a'.repeat(64)}`, `docker.io/library/nginx@sha256:${'a'.repeat(64)}`],
    [`nginx:1.25@sha256:${'b'.repeat(64)}`, `docker.io/library/nginx:1.25@sha256:${'b'.repeat(64)}`],
  ])('%s normalises to %s', (input, normalized) => {
    const parsed = parseImageReference(input);
    expect(parsed.ok && parsed.ref.normalized).toBe(normalized);
  });

  it.each([
    ['Nginx', 'invalid reference format: repository name must be lowercase'],
    ['nginx:', 'invalid reference format'],
    ['nginx:1.25:2', 'invalid reference format'],
    ['nginx latest', 'invalid reference format'],
    ['-nginx', 'invalid reference format'],
  ])('%s is rejected: %s', (input, reason) => {
    expect(parseImageReference(input)).toEqual({ ok: false, reason });
  });

  it.each([
    ['nginx:1.25', 'nginx:1.25'],
    ['docker.io/polinux/stress', 'polinux/stress:latest'],
    ['registry.k8s.io/pause:3.9', 'registry.k8s.io/pause:3.9'],
  ])('familiar name of %s is %s', (input, familiar) => {
    const parsed = parseImageReference(input);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(familiarName(parsed.ref)).toBe(familiar);
  });
});
