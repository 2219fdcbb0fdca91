kubectl get pods -o wide
kubectl describe pod web
answer BestEffort
