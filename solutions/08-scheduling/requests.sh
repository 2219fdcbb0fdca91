kubectl apply -f web.yaml
sleep 20s
kubectl describe node node02
kubectl describe pods -l app=web
answer Burstable
