# Config: ConfigMap and Secret generators, env from both, seen with exec env.
kubectl create configmap app-cfg --from-literal=MODE=dev --from-literal=LOG_LEVEL=debug
kubectl create secret generic db --from-literal=PASSWORD=s3cret
kubectl get configmap app-cfg
kubectl get secret db
kubectl get configmap app-cfg -o yaml
kubectl describe secret db
kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sleep", "3600"]
    envFrom:
    - configMapRef:
        name: app-cfg
    env:
    - name: DB_PASSWORD
      valueFrom:
        secretKeyRef:
          name: db
          key: PASSWORD
    - name: POD_NAME
      valueFrom:
        fieldRef:
          fieldPath: metadata.name
YAML
sleep 10s
kubectl exec app -- env
kubectl exec app -- printenv MODE DB_PASSWORD
kubectl describe pod app
