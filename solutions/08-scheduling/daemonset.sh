kubectl apply -f agent.yaml
kubectl get daemonset agent
kubectl patch daemonset agent --type=json -p='[{"op":"add","path":"/spec/template/spec/tolerations","value":[{"key":"node-role.kubernetes.io/control-plane","operator":"Exists","effect":"NoSchedule"},{"key":"dedicated","operator":"Exists","effect":"NoSchedule"}]}]'
