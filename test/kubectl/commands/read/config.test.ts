import { describe, expect, it } from 'vitest';
import { fixture, transcript } from './fixture.js';

describe('kubectl config', () => {
  it('shows kubeadm\'s kubeconfig with certificate data omitted', () => {
    expect(fixture().run('kubectl config view')).toBe(`apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: https://172.30.1.2:6443
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: kubernetes-admin
  name: kubernetes-admin@kubernetes
current-context: kubernetes-admin@kubernetes
kind: Config
preferences: {}
users:
- name: kubernetes-admin
  user:
    client-certificate-data: DATA+OMITTED
    client-key-data: DATA+OMITTED
`);
  });

  it('switches the session namespace with set-context --current', () => {
    expect(
      transcript(fixture(), [
        'kubectl config current-context',
        'kubectl config set-context --current --namespace=dev',
        'kubectl get pods',
        'kubectl config get-contexts',
        'kubectl config view --minify -o jsonpath={..namespace}',
      ]),
    ).toBe(`$ kubectl config current-context
kubernetes-admin@kubernetes
$ kubectl config set-context --current --namespace=dev
Context "kubernetes-admin@kubernetes" modified.
$ kubectl get pods
NAME    READY   STATUS    RESTARTS   AGE
api-1   1/1     Running   0          65s
$ kubectl config get-contexts
CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE
*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   dev
$ kubectl config view --minify -o jsonpath={..namespace}
dev`);
  });

  it('renames and deletes contexts, the current one following a rename', () => {
    expect(
      transcript(fixture(), [
        'kubectl config set-context dev-ctx --cluster=kubernetes --user=kubernetes-admin --namespace=dev',
        'kubectl config rename-context dev-ctx dev',
        'kubectl config rename-context dev kubernetes-admin@kubernetes',
        'kubectl config rename-context nope x',
        'kubectl config rename-context kubernetes-admin@kubernetes admin',
        'kubectl config current-context',
        'kubectl config delete-context dev',
        'kubectl config delete-context dev',
        'kubectl config get-contexts -o name',
      ]),
    ).toBe(`$ kubectl config set-context dev-ctx --cluster=kubernetes --user=kubernetes-admin --namespace=dev
Context "dev-ctx" created.
$ kubectl config rename-context dev-ctx dev
Context "dev-ctx" renamed to "dev".
$ kubectl config rename-context dev kubernetes-admin@kubernetes
error: cannot rename the context "dev", the context "kubernetes-admin@kubernetes" already exists in /root/.kube/config
[exit 1]
$ kubectl config rename-context nope x
error: cannot rename the context "nope", it's not in /root/.kube/config
[exit 1]
$ kubectl config rename-context kubernetes-admin@kubernetes admin
Context "kubernetes-admin@kubernetes" renamed to "admin".
$ kubectl config current-context
admin
$ kubectl config delete-context dev
deleted context dev from /root/.kube/config
$ kubectl config delete-context dev
error: cannot delete context dev, not in /root/.kube/config
[exit 1]
$ kubectl config get-contexts -o name
admin
`);
  });

  it('creates, lists and switches contexts', () => {
    expect(
      transcript(fixture(), [
        'kubectl config set-context dev-ctx --cluster=kubernetes --user=kubernetes-admin --namespace=dev',
        'kubectl config get-contexts -o name',
        'kubectl config use-context dev-ctx',
        'kubectl get pods -o name',
        'kubectl config use-context kubernetes-admin@kubernetes',
        'kubectl get pods -o name',
        'kubectl config use-context nope',
        'kubectl config set-context',
      ]),
    ).toBe(`$ kubectl config set-context dev-ctx --cluster=kubernetes --user=kubernetes-admin --namespace=dev
Context "dev-ctx" created.
$ kubectl config get-contexts -o name
dev-ctx
kubernetes-admin@kubernetes
$ kubectl config use-context dev-ctx
Switched to context "dev-ctx".
$ kubectl get pods -o name
pod/api-1
$ kubectl config use-context kubernetes-admin@kubernetes
Switched to context "kubernetes-admin@kubernetes".
$ kubectl get pods -o name
pod/db-0
pod/web-1
pod/web-2
$ kubectl config use-context nope
error: no context exists with the name: "nope"
[exit 1]
$ kubectl config set-context
error: you must specify a non-empty context name or --current
[exit 1]
`);
  });

  it.each([
    ['kubectl config get-clusters', 'NAME\nkubernetes\n'],
    ['kubectl config get-users', 'NAME\nkubernetes-admin\n'],
  ])('%s', (line, text) => {
    expect(fixture().exec(line)).toMatchObject({ text, code: 0 });
  });
});
