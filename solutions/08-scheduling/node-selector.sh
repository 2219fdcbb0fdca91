kubectl label nodes node02 disktype=ssd
kubectl apply -f fast.yaml
sleep 10s
kubectl get pod fast -o wide
