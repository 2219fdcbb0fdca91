kubectl describe pods -l app=reports
kubectl patch deployment reports --type=json -p='[{"op":"remove","path":"/spec/template/spec/nodeSelector"},{"op":"replace","path":"/spec/template/spec/containers/0/resources/requests/cpu","value":"500m"}]'
