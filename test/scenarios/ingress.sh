# Ingress: host and path rules routed by the nginx ingress controller on the nodes' port 80.
kubectl create deployment web --image=nginx:1.25
kubectl expose deployment web --port=80
kubectl create deployment echo --image=registry.k8s.io/echoserver:1.10
kubectl expose deployment echo --port=8080
kubectl create ingress demo --class=nginx --rule='shop.example.com/=web:80' --rule='shop.example.com/echo*=echo:8080'
kubectl run client --image=busybox:1.36 -- sleep 3600
sleep 30s
kubectl get ingress
kubectl describe ingress demo
kubectl get ingressclass
kubectl exec client -- wget -qO- --header 'Host: shop.example.com' http://172.30.2.2/
kubectl exec client -- wget -qO- --header 'Host: other.example.com' http://172.30.2.2/
