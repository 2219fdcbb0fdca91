kubectl get pod etcd-controlplane -n kube-system -o yaml
kubectl describe node controlplane
answer b
