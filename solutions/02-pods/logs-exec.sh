kubectl logs web
kubectl exec web -- env
