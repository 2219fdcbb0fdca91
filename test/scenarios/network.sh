# The cluster network: an init container waiting on DNS, a Service that loses its pods, a
# NetworkPolicy that drops traffic.
kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: myapp-pod
  labels:
    app.kubernetes.io/name: MyApp
spec:
  containers:
  - name: myapp-container
    image: busybox:1.28
    command: ['sh', '-c', 'echo The app is running! && sleep 3600']
  initContainers:
  - name: init-myservice
    image: busybox:1.28
    command: ['sh', '-c', "until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done"]
YAML
sleep 10s
kubectl get pod myapp-pod
kubectl logs myapp-pod -c init-myservice --tail=6
kubectl create service clusterip myservice --tcp=80:9376
sleep 5s
kubectl get pod myapp-pod
kubectl logs myapp-pod
kubectl create deployment web --image=nginx:1.25 --replicas=2
kubectl expose deployment web --port=80
kubectl run client --image=busybox:1.36 -- sleep 3600
sleep 15s
kubectl exec client -- wget -qO- http://web.default.svc.cluster.local/missing.html
kubectl exec client -- nslookup nope
kubectl apply -f - <<'YAML'
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny-web
spec:
  podSelector:
    matchLabels:
      app: web
  policyTypes:
  - Ingress
YAML
kubectl get networkpolicy
kubectl exec client -- wget -qO- -T 2 http://web
kubectl delete networkpolicy deny-web
kubectl exec client -- wget -qO- -T 2 http://web
kubectl patch service web -p '{"spec":{"selector":{"app":"nothing"}}}'
kubectl exec client -- wget -qO- -T 2 http://web
kubectl get endpoints web
