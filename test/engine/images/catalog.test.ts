import { describe, expect, it } from 'vitest';
import { createImageCatalog, lookupImage, pullDurationMs } from '../../../src/engine/images/catalog.js';

function pulled(image: string) {
  const result = lookupImage(image);
  if (!result.ok) throw new Error(result.message);
  return result.image;
}

describe('lookupImage: images that exist', () => {
  it.each([
    'nginx', 'nginx:1.14.2', 'nginx:1.16.1', 'nginx:1.19', 'nginx:1.20', 'nginx:1.21', 'nginx:1.23', 'nginx:1.25',
    'nginx:1.26', 'nginx:1.27', 'nginx:latest', 'nginx:alpine', 'nginx:stable', 'nginx:mainline',
    'httpd:2.4', 'httpd', 'httpd:alpine', 'busybox:1.28', 'busybox:1.36', 'busybox', 'alpine:3.18', 'alpine:3.19',
    'alpine:3.20', 'alpine', 'ubuntu', 'debian', 'python:3.11', 'python:3.12', 'python', 'python:slim', 'node:18',
    'node:20', 'node:22', 'node', 'redis', 'postgres:15', 'postgres:16', 'postgres', 'mysql:5.7', 'mysql:8', 'mysql',
    'mongo', 'k8s.gcr.io/echoserver:1.4', 'registry.k8s.io/echoserver:1.4', 'k8s.gcr.io/nginx-slim:0.8',
    'registry.k8s.io/nginx-slim:0.8', 'registry.k8s.io/pause:3.9', 'gcr.io/google_samples/gb-frontend:v3',
    'gcr.io/google_samples/gb-redis-follower:v2', 'quay.io/fluentd_elasticsearch/fluentd:v2.5.2', 'perl',
    'perl:5.34.0', 'curlimages/curl', 'nicolaka/netshoot', 'registry.k8s.io/busybox', 'registry.k8s.io/busybox:1.27.2',
    'registry.k8s.io/liveness', 'registry.k8s.io/e2e-test-images/agnhost:2.40', 'polinux/stress', 'vish/stress',
    'k8s.gcr.io/goproxy:0.1', 'registry.k8s.io/goproxy:0.1', 'registry.k8s.io/hpa-example',
    'registry.k8s.io/kube-apiserver:v1.30.2', 'registry.k8s.io/kube-controller-manager:v1.30.2',
    'registry.k8s.io/kube-scheduler:v1.30.2', 'registry.k8s.io/kube-proxy:v1.30.2', 'registry.k8s.io/etcd:3.5.12-0',
    'registry.k8s.io/coredns/coredns:v1.11.1', 'gcr.io/google-samples/hello-app:2.0', 'docker.io/redis:6.0.5',
    'docker.io/corelab/gb-frontend:v5', 'us-docker.pkg.dev/google-samples/containers/gke/gb-redis-follower:v2',
    'docker.io/curlimages/curl:8.18.0', 'wordpress:6.2.1-apache', 'mysql:5.6', 'redis:5', 'registry.k8s.io/etcd:3.5.1-0',
    'docker.io/library/bash:5', 'nginx:1.7.9', 'nginx:1.9.2', 'registry.k8s.io/nginx-slim:0.24', 'mongo:4.2',
    'gcr.io/google-samples/cassandra:v13', 'gcr.io/google-samples/hello-go-gke:1.0', 'gcr.io/google-samples/hello-frontend:1.0',
    'gcr.io/google-samples/node-hello:1.0', 'hashicorp/http-echo:1.0', 'quay.io/fluentd_elasticsearch/fluentd:v5.0.1',
    'registry.k8s.io/kubernetes-zookeeper:1.0-3.4.10', 'gcr.io/google-samples/xtrabackup:1.0', 'python:3', 'alpine:latest',
  ])('%s pulls', (image) => {
    const info = pulled(image);
    expect(info.size).toBeGreaterThan(0);
    expect(info.imageId).toMatch(/^[a-z0-9.\-/_]+@sha256:[0-9a-f]{64}$/);
  });

  it('reports the image ID and size containerd would', () => {
    const info = pulled('nginx:1.27');
    expect(info.normalized).toBe('docker.io/library/nginx:1.27');
    expect(info.imageId).toBe(`docker.io/library/nginx@${info.digest}`);
    expect(info.size).toBe(72099501);
  });

  it('gives tags of the same image the same digest', () => {
    expect(pulled('nginx').digest).toBe(pulled('nginx:1.27').digest);
    expect(pulled('nginx:mainline').digest).toBe(pulled('nginx:latest').digest);
    expect(pulled('nginx:1.25').digest).not.toBe(pulled('nginx:1.27').digest);
  });

  it('pulls by digest', () => {
    const digest = pulled('nginx:1.25').digest;
    expect(pulled(`nginx@${digest}`).imageId).toBe(`docker.io/library/nginx@${digest}`);
  });

  it('fills the version into the behaviour', () => {
    const nginx = pulled('nginx:1.25').profile;
    expect(nginx.program.kind === 'server' && nginx.program.logs).toContain('!{time:nginx} [notice] 1#1: nginx/1.25.5');
  });

  it('serves the real nginx welcome page (615 bytes since 1.21, 612 before)', () => {
    expect(pulled('nginx:1.27').profile.files?.['/usr/share/nginx/html/index.html']).toHaveLength(615);
    expect(pulled('nginx:1.14.2').profile.files?.['/usr/share/nginx/html/index.html']).toHaveLength(612);
  });

  it('knows which images have a shell', () => {
    expect(pulled('busybox:1.28').profile.shell).toBe('busybox');
    expect(pulled('registry.k8s.io/pause:3.9').profile.shell).toBeNull();
    expect(pulled('registry.k8s.io/kube-apiserver:v1.30.2').profile.shell).toBeNull();
  });
});

describe('lookupImage: pull failures carry the real containerd text', () => {
  it.each([
    [
      'nginx:1.161',
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.161": failed to resolve reference "docker.io/library/nginx:1.161": docker.io/library/nginx:1.161: not found',
    ],
    [
      'nginxx',
      'rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/nginxx:latest": failed to resolve reference "docker.io/library/nginxx:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    ],
    [
      'private.registry.example.com/team/app:1.0',
      'rpc error: code = Unknown desc = failed to pull and unpack image "private.registry.example.com/team/app:1.0": failed to resolve reference "private.registry.example.com/team/app:1.0": unexpected status from HEAD request to https://private.registry.example.com/v2/team/app/manifests/1.0: 401 Unauthorized',
    ],
    [
      'registry.example.com/app:1.0',
      'rpc error: code = Unknown desc = failed to pull and unpack image "registry.example.com/app:1.0": failed to resolve reference "registry.example.com/app:1.0": failed to do request: Head "https://registry.example.com/v2/app/manifests/1.0": dial tcp: lookup registry.example.com on 127.0.0.53:53: no such host',
    ],
    [
      'registry.k8s.io/pause:9.9',
      'rpc error: code = NotFound desc = failed to pull and unpack image "registry.k8s.io/pause:9.9": failed to resolve reference "registry.k8s.io/pause:9.9": registry.k8s.io/pause:9.9: not found',
    ],
  ])('%s', (image, message) => {
    expect(lookupImage(image)).toEqual({ ok: false, reason: 'ErrImagePull', message });
  });

  it('pulls the private image with a pull secret for its registry', () => {
    const result = lookupImage('private.registry.example.com/team/app:1.0', { credentials: ['private.registry.example.com'] });
    expect(result.ok).toBe(true);
  });

  it('rejects an unparsable name as InvalidImageName', () => {
    expect(lookupImage('Nginx')).toEqual({
      ok: false,
      reason: 'InvalidImageName',
      message:
        'Failed to apply default image tag "Nginx": couldn\'t parse image name "Nginx": invalid reference format: repository name must be lowercase',
    });
  });
});

describe('createImageCatalog: lessons add images as data', () => {
  const catalog = createImageCatalog({
    profiles: { 'web-v2': { extends: 'nginx-1.25', memoryMiB: 64 } },
    repositories: {
      'ghcr.io/acme/web': {
        profile: 'web-v2',
        tags: { v2: { size: 1234, digest: `sha256:${'c'.repeat(64)}`, version: '2.0.0' } },
      },
      'docker.io/library/nginx': { profile: 'nginx-1.25', tags: { '1.99': { size: 1, digest: `sha256:${'d'.repeat(64)}` } } },
    },
  });

  it('pulls the lesson image with the profile it extends', () => {
    const result = catalog.pull('ghcr.io/acme/web:v2');
    if (!result.ok) throw new Error(result.message);
    expect(result.image.profile.memoryMiB).toBe(64);
    expect(result.image.profile.program.kind).toBe('server');
  });

  it('adds tags to an existing repository and keeps the old ones', () => {
    expect(catalog.pull('nginx:1.99').ok).toBe(true);
    expect(catalog.pull('nginx:1.25').ok).toBe(true);
    expect(lookupImage('nginx:1.99').ok).toBe(false);
  });
});

it('pull time grows with size', () => {
  expect(pullDurationMs(72099501)).toBeGreaterThan(pullDurationMs(727869));
});
