kubectl apply -f pi.yaml
kubectl get jobs
sleep 30s
kubectl logs job/pi
