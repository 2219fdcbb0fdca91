kubectl create configmap app-config --from-literal=MODE=dev --from-literal=COLOR=blue
kubectl describe configmap app-config
