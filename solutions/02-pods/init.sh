kubectl apply -f shop.yaml
sleep 10s
kubectl logs shop -c wait-for-db
kubectl create service clusterip db --tcp=5432:5432
