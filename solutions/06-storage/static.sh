kubectl apply -f manual.yaml
sleep 20s
kubectl get pv,pvc
