kubectl set image deployment/web nginx=nginx:1.27
kubectl rollout status deployment/web
