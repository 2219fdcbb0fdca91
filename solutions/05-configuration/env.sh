kubectl apply -f env-demo.yaml
sleep 15s
kubectl logs env-demo
kubectl exec env-demo -- env
