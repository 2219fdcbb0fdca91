kubectl describe pods -n billing -l app=reports
kubectl create secret docker-registry regcred -n billing --docker-server=private.registry.example.com --docker-username=billing-bot --docker-password=hunter2
kubectl patch deployment reports -n billing -p '{"spec":{"template":{"spec":{"imagePullSecrets":[{"name":"regcred"}]}}}}'
