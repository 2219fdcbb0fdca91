# Rollout controls, autoscaling and resource usage.
kubectl create deployment web --image=nginx:1.25 --replicas=2
sleep 20s
kubectl rollout restart deployment/web
kubectl rollout status deployment/web --timeout=60s
kubectl rollout pause deployment/web
kubectl set image deployment/web nginx=nginx:1.27
sleep 10s
kubectl get rs
kubectl rollout status deployment/web --timeout=5s
kubectl rollout resume deployment/web
kubectl rollout status deployment/web
kubectl rollout history deployment/web
kubectl rollout undo deployment/web --to-revision=2
kubectl set resources deployment web --requests=cpu=100m --limits=cpu=200m
kubectl autoscale deployment web --cpu-percent=50 --min=2 --max=5
sleep 60s
kubectl get hpa
kubectl top nodes
kubectl top pods
kubectl wait --for=condition=Available deployment/web --timeout=30s
kubectl wait --for=delete pod/nope --timeout=5s
