kubectl logs deploy/api
kubectl patch deployment api -p '{"spec":{"template":{"spec":{"containers":[{"name":"api","env":[{"name":"API_TOKEN","valueFrom":{"secretKeyRef":{"name":"api-token","key":"token"}}}]}]}}}}'
