kubectl get storageclass
kubectl apply -f data.yaml
sleep 5s
kubectl describe pvc data
kubectl apply -f writer.yaml
sleep 30s
kubectl get pvc data
