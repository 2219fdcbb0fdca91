kubectl apply -f files-demo.yaml
sleep 10s
kubectl exec files-demo -- cat /etc/app/app.properties
