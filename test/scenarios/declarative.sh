# Declarative management: apply creates, re-applies unchanged, a removed label goes away,
# diff shows what would change, output formats read the result.
kubectl apply -f manifests/web.yaml
kubectl apply -f manifests/web.yaml
sleep 20s
kubectl get deploy,svc -l app=web --show-labels
kubectl diff -f manifests/web-v2.yaml
kubectl apply -f manifests/web-v2.yaml
kubectl get deploy web -L tier
kubectl get deploy web -o jsonpath='{.spec.replicas} {.metadata.labels}{"\n"}'
sleep 20s
kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image,NODE:.spec.nodeName --sort-by=.metadata.name
kubectl get pods -o name
kubectl get pods -A --field-selector=status.phase=Running --no-headers -l app=web
kubectl edit deploy web
kubectl create configmap app-cfg --from-literal=mode=dev --dry-run=client -o yaml
kubectl delete -f manifests/web-v2.yaml
kubectl get all
