kubectl create clusterrole node-reader --verb=get,list,watch --resource=nodes
kubectl create clusterrolebinding jane-node-reader --clusterrole=node-reader --user=jane
kubectl get nodes --as=jane
