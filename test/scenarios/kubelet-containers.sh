# Containers that fail the way real images do: postgres without its password, a missing
# ConfigMap, an out-of-memory container.
kubectl create deployment db --image=postgres:16
sleep 30s
kubectl get pods
kubectl logs deploy/db
kubectl create secret generic db-pass --from-literal=POSTGRES_PASSWORD=example
kubectl set env deployment/db --from=secret/db-pass
sleep 40s
kubectl get pods
kubectl logs deploy/db --tail=2
kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: needs-config
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "echo level=$LOG_LEVEL; sleep 3600"]
    env:
    - name: LOG_LEVEL
      valueFrom:
        configMapKeyRef:
          name: app-cfg
          key: LOG_LEVEL
YAML
sleep 10s
kubectl get pod needs-config
kubectl describe pod needs-config
kubectl create configmap app-cfg --from-literal=LOG_LEVEL=info
sleep 20s
kubectl get pod needs-config
kubectl logs needs-config
kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: memory-demo-2
spec:
  containers:
  - name: memory-demo-2-ctr
    image: polinux/stress
    resources:
      requests:
        memory: "50Mi"
      limits:
        memory: "100Mi"
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]
YAML
sleep 20s
kubectl get pod memory-demo-2
kubectl get pod memory-demo-2 -o jsonpath='{.status.containerStatuses[0].lastState.terminated.reason} {.status.containerStatuses[0].lastState.terminated.exitCode}{"\n"}'
