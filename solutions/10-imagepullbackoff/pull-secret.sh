kubectl describe pods -l app=app
kubectl create secret docker-registry regcred --docker-server=private.registry.example.com --docker-username=dev --docker-password=s3cret
kubectl patch deployment app -p '{"spec":{"template":{"spec":{"imagePullSecrets":[{"name":"regcred"}]}}}}'
