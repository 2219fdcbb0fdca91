kubectl get pods --show-labels
kubectl label pod web env=prod
kubectl get pods -l env=prod
