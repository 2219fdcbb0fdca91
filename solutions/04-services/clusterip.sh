kubectl create service clusterip web --tcp=80:80
sleep 2s
kubectl get service web
kubectl get endpoints web
