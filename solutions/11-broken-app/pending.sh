kubectl describe pods -l app=cache
kubectl patch deployment cache -p '{"spec":{"template":{"spec":{"containers":[{"name":"redis","resources":{"requests":{"cpu":"100m"}}}]}}}}'
