kubectl get endpoints shop
kubectl describe service shop
kubectl get pods --show-labels
kubectl patch service shop -p '{"spec":{"selector":{"app":"shop"}}}'
kubectl get endpoints shop
