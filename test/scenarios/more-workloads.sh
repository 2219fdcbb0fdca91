# Less common failure shapes: a stalled rollout past its deadline, init container failures,
# an OOMKilled status, NodePort and LoadBalancer Services, a StatefulSet rollout.
kubectl apply -f - <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: stuck
spec:
  replicas: 1
  progressDeadlineSeconds: 30
  selector:
    matchLabels:
      app: stuck
  template:
    metadata:
      labels:
        app: stuck
    spec:
      containers:
      - name: app
        image: nginx:no-such-tag
YAML
kubectl rollout status deployment/stuck --timeout=2m
kubectl get deploy stuck
kubectl describe deploy stuck
kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: init-fail
spec:
  initContainers:
  - name: migrate
    image: busybox:1.36
    command: ["sh", "-c", "echo migrating; exit 2"]
  - name: warm
    image: busybox:1.36
    command: ["true"]
  containers:
  - name: app
    image: nginx:1.25
YAML
sleep 2s
kubectl get pod init-fail
sleep 30s
kubectl get pod init-fail
kubectl logs init-fail -c migrate
kubectl run oom --image=busybox:1.36 --overrides='{"apiVersion":"v1","spec":{"containers":[{"name":"oom","image":"busybox:1.36","command":["sh","-c","echo eating; tail /dev/zero"],"resources":{"limits":{"memory":"16Mi"}}}]}}'
sleep 3s
kubectl get pod oom
kubectl create deployment web --image=nginx:1.25
kubectl expose deployment web --type=NodePort --port=80 --name=web-np
kubectl expose deployment web --type=LoadBalancer --port=80 --name=web-lb
kubectl create service externalname ext --external-name=example.com
kubectl get svc web-lb ext
kubectl get svc web-np -o jsonpath='{.spec.type} {.spec.ports[0].port} {.spec.ports[0].targetPort}{"\n"}'
kubectl apply -f - <<'YAML'
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 3
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: redis
        image: redis:7
YAML
kubectl rollout status statefulset/db --timeout=90s
kubectl get sts db
kubectl get pods -l app=db
