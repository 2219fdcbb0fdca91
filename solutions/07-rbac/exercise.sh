kubectl create serviceaccount ci -n dev
kubectl create role configmap-editor -n dev --verb=get,list,create,update,delete --resource=configmaps
kubectl create rolebinding ci-configmap-editor -n dev --role=configmap-editor --serviceaccount=dev:ci
