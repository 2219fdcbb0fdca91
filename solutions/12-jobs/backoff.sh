kubectl apply -f flaky.yaml
sleep 60s
kubectl get pods -l job-name=flaky
kubectl describe job flaky
answer 3
