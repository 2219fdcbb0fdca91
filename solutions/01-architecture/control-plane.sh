kubectl get pods -n kube-system -o wide
answer controlplane
