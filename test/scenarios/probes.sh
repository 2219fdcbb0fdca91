# Probes: the docs' exec liveness example restarts after the file goes; a readiness probe on
# the wrong port keeps the pod out of its Service.
kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  labels:
    test: liveness
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox
    args:
    - /bin/sh
    - -c
    - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600
    livenessProbe:
      exec:
        command:
        - cat
        - /tmp/healthy
      initialDelaySeconds: 5
      periodSeconds: 5
YAML
sleep 35s
kubectl get pod liveness-exec
sleep 30s
kubectl describe pod liveness-exec
kubectl get pod liveness-exec
sleep 15s
kubectl get pod liveness-exec
kubectl get pod liveness-exec -o jsonpath='{.status.containerStatuses[0].lastState.terminated.reason} {.status.containerStatuses[0].lastState.terminated.exitCode}{"\n"}'
kubectl apply -f - <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
        readinessProbe:
          httpGet:
            path: /
            port: 8080
          periodSeconds: 5
YAML
kubectl expose deployment web --port=80
sleep 30s
kubectl get pods -l app=web
kubectl get endpoints web
kubectl describe endpoints web
kubectl get events --field-selector reason=Unhealthy,involvedObject.kind=Pod -o custom-columns=REASON:.reason,MESSAGE:.message,COUNT:.count
