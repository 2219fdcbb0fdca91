kubectl apply -f hello.yaml
sleep 20s
kubectl get events
