# squares.yaml with completions and parallelism added
kubectl apply -f - <<'YAML'
apiVersion: batch/v1
kind: Job
metadata:
  name: squares
spec:
  completions: 6
  parallelism: 2
  template:
    spec:
      containers:
      - name: square
        image: busybox:1.36
        command: ["sh", "-c", "echo \"working on $(hostname)\"; sleep 5; echo done"]
      restartPolicy: Never
YAML
