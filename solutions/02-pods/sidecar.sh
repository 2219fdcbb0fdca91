kubectl apply -f logger.yaml
sleep 20s
kubectl logs logger -c sidecar
