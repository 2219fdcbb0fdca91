kubectl taint nodes node01 dedicated=batch:NoSchedule
kubectl scale deployment web --replicas=4
kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: batch
spec:
  tolerations:
  - key: dedicated
    operator: Equal
    value: batch
    effect: NoSchedule
  nodeSelector:
    kubernetes.io/hostname: node01
  containers:
  - name: batch
    image: busybox:1.36
    command: ["sleep", "3600"]
YAML
