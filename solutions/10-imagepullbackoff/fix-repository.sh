kubectl describe pods -l app=frontend
kubectl set image deployment/frontend frontend=nginx:1.27
