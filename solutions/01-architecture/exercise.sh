kubectl create namespace lab
sleep 1s
kubectl apply -f - <<'EOF2'
apiVersion: v1
kind: Pod
metadata:
  name: probe
  namespace: lab
spec:
  containers:
    - name: probe
      image: busybox:1.36
      command: ["sleep", "3600"]
EOF2
