kubectl logs deploy/worker --previous
# worker.yaml with the typo fixed (slep -> sleep), applied as the learner would after editing it
kubectl apply -f - <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
  labels:
    app: worker
spec:
  replicas: 1
  selector:
    matchLabels:
      app: worker
  template:
    metadata:
      labels:
        app: worker
    spec:
      containers:
      - name: worker
        image: busybox:1.36
        command: ["sh", "-c", "echo 'worker 1.4 starting'; echo 'watching /tmp/jobs for work'; sleep 3600"]
YAML
kubectl get pods -l app=worker
