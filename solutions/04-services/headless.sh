kubectl apply -f web-headless.yaml
kubectl exec client -- nslookup web-headless
