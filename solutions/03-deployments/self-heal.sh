kubectl get pods -l app=web
# The pod names are random; deleting them by label is the scriptable equivalent.
kubectl delete pod -l app=web
sleep 20s
kubectl get pods
