kubectl create role deployment-reader -n dev --verb=get,list,watch --resource=deployments
kubectl create rolebinding monitor-deployment-reader -n dev --role=deployment-reader --serviceaccount=dev:monitor
kubectl get deployments -n dev --as=system:serviceaccount:dev:monitor
