kubectl delete pod writer
kubectl apply -f reader.yaml
sleep 15s
kubectl logs reader
