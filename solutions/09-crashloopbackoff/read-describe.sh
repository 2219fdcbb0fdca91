kubectl get pods
kubectl describe pods -l app=worker
answer 127
