kubectl describe pods -l app=queue
kubectl patch deployment queue --type=json -p='[{"op":"add","path":"/spec/template/spec/containers/0/livenessProbe/initialDelaySeconds","value":15}]'
