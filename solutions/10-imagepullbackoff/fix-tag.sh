kubectl set image deployment/web nginx=nginx:1.16.1
kubectl rollout status deployment/web
