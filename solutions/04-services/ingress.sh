kubectl create ingress web --class=nginx --rule="web.example.com/*=web:80"
kubectl exec client -- wget -qO- --header 'Host: web.example.com' http://172.30.2.2/
