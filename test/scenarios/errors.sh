# Error paths: what a real kubectl prints, and its exit codes.
kubectl get foos
kubectl get pod nope
kubectl get deployment nope
kubectl get pods -n nope
kubectl describe pod nope
kubectl delete pod nope
kubectl create namespace dev
kubectl create namespace dev
kubectl create deployment web --image=nginx:1.25
kubectl create deployment web --image=nginx:1.25
kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: noimage
spec:
  containers:
  - name: app
YAML
kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: typo
spec:
  containers:
  - name: app
    image: nginx:1.25
    imagee: nginx
YAML
kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: bad
 spec:
  containers: []
YAML
kubectl apply -f - <<'YAML'
kind: Pod
metadata:
  name: noversion
YAML
kubectl get pods --colour
kubectl get pods -z
kubectl frobnicate
kubectl get
kubectl delete pod
kubectl scale deployment web
kubectl logs nope
kubectl exec nope -- ls
kubectl rollout undo deployment/web --to-revision=9
kubectl label deployment web app=other
echo done
