# The last-applied-configuration annotation: view it, set it from a file without touching
# the object, and the errors of each subcommand (edit-last-applied needs the tutor's editor).
kubectl apply -f manifests/web.yaml
kubectl apply view-last-applied deploy/web
kubectl apply view-last-applied svc web -o json
kubectl apply view-last-applied -f manifests/web.yaml -o wide
kubectl apply view-last-applied svc kubernetes
kubectl apply view-last-applied -f - <<EOF
apiVersion: v1
kind: Service
metadata:
  name: kubernetes
EOF
kubectl apply set-last-applied -f manifests/web-v2.yaml --dry-run=client
kubectl apply set-last-applied -f manifests/web-v2.yaml
kubectl apply set-last-applied -f manifests/web-v2.yaml
kubectl get deploy web -o jsonpath='{.spec.replicas} {.metadata.annotations.kubectl\.kubernetes\.io/last-applied-configuration}'
kubectl apply -f manifests/web-v2.yaml
kubectl create deployment api --image=nginx:1.25
kubectl apply set-last-applied -f - <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
EOF
kubectl apply set-last-applied --create-annotation -o name -f - <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
EOF
kubectl apply view-last-applied deploy api
kubectl apply set-last-applied
kubectl apply edit-last-applied deploy/web
kubectl apply edit-last-applied svc/kubernetes
kubectl apply edit-last-applied deploy/nope
