kubectl create configmap app-files --from-file=app.properties
kubectl get configmap app-files -o yaml
