kubectl create deployment web --image=nginx:1.26 --replicas=3
sleep 20s
kubectl get deployment web
