kubectl apply -f db-client.yaml
sleep 10s
kubectl exec db-client -- cat /etc/db/password
