kubectl apply -f web-sts.yaml
sleep 60s
kubectl get pods,pvc
kubectl exec web-0 -- sh -c 'echo hello from web-0 > /usr/share/nginx/html/index.html'
kubectl delete pod web-0
sleep 30s
kubectl exec client -- wget -qO- http://web-0.nginx
