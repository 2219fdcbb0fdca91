# Guard rails: a ResourceQuota refusing a pod, a PodDisruptionBudget holding a drain,
# LimitRange-free requests, and namespaces with a sticky context.
kubectl create namespace team
kubectl config set-context --current --namespace=team
kubectl config view --minify -o jsonpath='{..namespace}{"\n"}'
kubectl create quota small --hard=pods=2,requests.cpu=1
kubectl describe quota small
kubectl run a --image=nginx:1.25
kubectl run b --image=nginx:1.25 --overrides='{"apiVersion":"v1","spec":{"containers":[{"name":"b","image":"nginx:1.25","resources":{"requests":{"cpu":"200m"}}}]}}'
kubectl create deployment web --image=nginx:1.25 --replicas=2
kubectl run c --image=nginx:1.25 --overrides='{"apiVersion":"v1","spec":{"containers":[{"name":"c","image":"nginx:1.25","resources":{"requests":{"cpu":"200m"}}}]}}'
kubectl get quota
kubectl delete quota small
sleep 20s
kubectl get pods
kubectl create pdb web-pdb --selector=app=web --min-available=2
sleep 5s
kubectl get pdb
kubectl get pods -l app=web -o wide
kubectl drain node01 --ignore-daemonsets --force --timeout=20s
kubectl get pods -n default
kubectl config set-context --current --namespace=default
kubectl get pods
