kubectl apply -f - <<'YAML'
apiVersion: batch/v1
kind: Job
metadata:
  name: reports
spec:
  completions: 3
  parallelism: 3
  backoffLimit: 1
  template:
    spec:
      containers:
      - name: reports
        image: busybox:1.36
        command: ["echo", "report generated"]
      restartPolicy: Never
YAML
