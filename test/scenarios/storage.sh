# Storage: a claim waits for its first consumer, binds when a pod uses it; StatefulSet claims.
kubectl apply -f - <<'YAML'
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
YAML
sleep 5s
kubectl get pvc
kubectl describe pvc data
kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: writer
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "echo hello from writer > /data/note; sleep 3600"]
    volumeMounts:
    - name: data
      mountPath: /data
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: data
YAML
sleep 20s
kubectl get pvc
kubectl get pv
kubectl get pod writer
kubectl delete pod writer --wait=false
sleep 40s
kubectl run reader --image=busybox:1.36 --overrides='{"apiVersion":"v1","spec":{"volumes":[{"name":"data","persistentVolumeClaim":{"claimName":"data"}}],"containers":[{"name":"reader","image":"busybox:1.36","command":["sleep","3600"],"volumeMounts":[{"name":"data","mountPath":"/data"}]}]}}'
sleep 10s
kubectl exec reader -- cat /data/note
kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  clusterIP: None
  selector:
    app: nginx
  ports:
  - port: 80
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 2
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.8
        ports:
        - containerPort: 80
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: 1Gi
YAML
sleep 60s
kubectl get statefulset web
kubectl get pods -l app=nginx
kubectl get pvc
kubectl exec reader -- nslookup web-0.nginx
