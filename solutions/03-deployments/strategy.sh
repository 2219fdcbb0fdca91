kubectl patch deployment web -p '{"spec":{"strategy":{"type":"Recreate","rollingUpdate":null}}}'
kubectl set image deployment/web nginx=nginx:1.26
kubectl rollout status deployment/web
