# Pending diagnosis: too big to fit anywhere, then a nodeSelector nothing matches.
kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: big
spec:
  containers:
  - name: app
    image: nginx:1.25
    resources:
      requests:
        cpu: "64"
        memory: 1Gi
YAML
sleep 10s
kubectl get pods
kubectl describe pod big
kubectl run picky --image=nginx:1.25 --overrides='{"apiVersion":"v1","spec":{"nodeSelector":{"disktype":"ssd"}}}'
sleep 5s
kubectl get pod picky -o wide
kubectl get events --field-selector involvedObject.name=picky
kubectl label node node02 disktype=ssd
sleep 15s
kubectl get pod picky -o wide
