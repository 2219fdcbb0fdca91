# Image pulls: a healthy rollout's events in order, a typo'd tag, the fix, the node cache.
kubectl create deployment web --image=nginx:1.25
sleep 1s
kubectl get pods
sleep 10s
kubectl get pods -o wide
kubectl get events --sort-by=.lastTimestamp
kubectl set image deployment/web nginx=nginx:1.161
sleep 3s
kubectl get pods
sleep 30s
kubectl get pods
kubectl describe pods -l app=web
kubectl logs deploy/web
kubectl set image deployment/web nginx=nginx:1.16.1
sleep 30s
kubectl get pods
kubectl rollout status deployment/web
kubectl scale deployment web --replicas=4
sleep 10s
kubectl get events --field-selector reason=Pulled
