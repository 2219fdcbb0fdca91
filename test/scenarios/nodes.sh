# Node maintenance: cordon, drain (its real refusals), taints, uncordon.
kubectl create deployment web --image=nginx:1.25 --replicas=2
kubectl run solo --image=nginx:1.25
sleep 20s
kubectl get nodes
kubectl cordon node01
kubectl get nodes
kubectl drain node01
kubectl drain node01 --ignore-daemonsets --force
sleep 30s
kubectl get pods -o wide
kubectl uncordon node01
kubectl taint nodes node02 dedicated=db:NoSchedule
kubectl describe node node02
kubectl run late --image=nginx:1.25
sleep 10s
kubectl get pod late -o wide
kubectl taint nodes node02 dedicated=db:NoSchedule-
