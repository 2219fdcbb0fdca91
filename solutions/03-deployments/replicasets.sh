kubectl get replicasets
kubectl get pods --show-labels
answer pod-template-hash
