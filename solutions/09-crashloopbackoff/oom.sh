kubectl describe pods -l app=report
kubectl patch deployment report -p '{"spec":{"template":{"spec":{"containers":[{"name":"report","resources":{"limits":{"memory":"256Mi"}}}]}}}}'
