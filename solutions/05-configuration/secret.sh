kubectl create secret generic db-creds --from-literal=username=admin --from-literal=password=s3cr3t
kubectl describe secret db-creds
kubectl get secret db-creds -o yaml
answer czNjcjN0
