kubectl get endpoints shop
kubectl patch service shop --type=json -p='[{"op":"replace","path":"/spec/ports/0/targetPort","value":80}]'
