kubectl apply -f shared.yaml
sleep 20s
kubectl exec shared -c nginx -- cat /usr/share/nginx/html/index.html
