# The Deployment life story: create, look, scale, break the image, watch, undo, history.
kubectl create deployment web --image=nginx:1.25 --replicas=3
kubectl get deploy web
sleep 30s
kubectl get deploy web
kubectl get pods -o wide
kubectl scale deployment web --replicas=5
sleep 20s
kubectl get rs
kubectl set image deployment/web nginx=nginx:1.251
sleep 5s
kubectl rollout status deployment/web --timeout=30s
kubectl get pods
sleep 60s
kubectl get pods
kubectl describe deploy web
kubectl rollout undo deployment/web
kubectl rollout status deployment/web
kubectl get pods
kubectl rollout history deployment/web
kubectl rollout history deployment/web --revision=3
kubectl get events --field-selector involvedObject.kind=Deployment
