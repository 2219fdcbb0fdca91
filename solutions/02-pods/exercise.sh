kubectl apply -f - <<'EOF2'
apiVersion: v1
kind: Pod
metadata:
  name: pair
  labels:
    app: pair
    tier: backend
spec:
  containers:
    - name: web
      image: nginx:1.27
    - name: helper
      image: busybox:1.36
      command: ["sleep", "3600"]
EOF2
