kubectl create configmap worker-config --from-literal=LOG_LEVEL=debug
kubectl create secret generic api-key --from-literal=token=abc123
kubectl apply -f - <<'EOF2'
apiVersion: v1
kind: Pod
metadata:
  name: worker
spec:
  volumes:
    - name: api
      secret:
        secretName: api-key
  containers:
    - name: worker
      image: busybox:1.36
      command: ["sleep", "3600"]
      env:
        - name: LOG_LEVEL
          valueFrom:
            configMapKeyRef:
              name: worker-config
              key: LOG_LEVEL
      volumeMounts:
        - name: api
          mountPath: /etc/api
EOF2
