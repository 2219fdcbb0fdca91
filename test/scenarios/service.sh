# Service diagnosis: a selector that matches nothing, fixed, then reached through the Service.
kubectl create deployment web --image=nginx:1.25 --replicas=2
kubectl create service clusterip web --tcp=80:80
kubectl set selector service web app=webb
sleep 20s
kubectl get endpoints web
kubectl describe service web
kubectl run client --image=busybox:1.36 -- sleep 3600
sleep 10s
kubectl exec client -- wget -qO- -T 2 http://web
kubectl patch service web -p '{"spec":{"selector":{"app":"web"}}}'
sleep 1s
kubectl get endpoints web
kubectl exec client -- wget -qO- http://web
kubectl exec client -- nslookup web
kubectl get svc
