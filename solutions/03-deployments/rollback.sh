kubectl set image deployment/web nginx=nginx:1.277
sleep 30s
kubectl get pods
kubectl rollout history deployment/web
kubectl rollout undo deployment/web
kubectl rollout status deployment/web
