# kubectl autoscale builds an autoscaling/v1 HPA (kubectl 1.30); the cluster stores v2.
kubectl create deployment web --image=nginx:1.25
kubectl autoscale deployment web --max=5 --dry-run=client -o yaml
kubectl autoscale deploy/web --min=2 --max=4 --cpu-percent=60 --name=web-cpu --dry-run=client -o json
kubectl autoscale deployment web --max=3 -o jsonpath='{.apiVersion} min={.spec.minReplicas} max={.spec.maxReplicas} cpu={.spec.targetCPUUtilizationPercentage} {.status}{"\n"}'
kubectl get hpa
kubectl get hpa web -o jsonpath='{.apiVersion} {.spec.metrics[0].resource.target.averageUtilization}{"\n"}'
kubectl autoscale deployment web --max=3
kubectl autoscale svc kubernetes --max=3
kubectl autoscale deployment web --min=4 --max=3
