kubectl apply -f web-nodeport.yaml
kubectl get nodes -o wide
kubectl exec client -- wget -qO- http://172.30.2.2:30080
