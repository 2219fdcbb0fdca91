kubectl apply -f - <<'EOF2'
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: uploads
spec:
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 2Gi
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: files
spec:
  replicas: 1
  selector:
    matchLabels:
      app: files
  template:
    metadata:
      labels:
        app: files
    spec:
      volumes:
        - name: uploads
          persistentVolumeClaim:
            claimName: uploads
      containers:
        - name: nginx
          image: nginx:1.27
          volumeMounts:
            - name: uploads
              mountPath: /usr/share/nginx/html
EOF2
