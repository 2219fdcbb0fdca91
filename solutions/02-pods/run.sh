kubectl apply -f web.yaml
sleep 15s
kubectl get pods
