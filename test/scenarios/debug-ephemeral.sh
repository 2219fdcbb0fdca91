# Ephemeral debug containers: `kubectl debug POD --image=...` adds a container to a running
# pod without restarting it. Without stdin busybox's sh exits at once; with -i it stays up;
# with --target it joins that container's process namespace, so ps lists its processes.
kubectl run web --image=nginx:1.25
kubectl wait --for=condition=Ready pod/web
kubectl debug web --image=busybox:1.36
sleep 5s
kubectl get pod web -o jsonpath='{range .status.ephemeralContainerStatuses[*]}{.name}{" "}{.state.terminated.reason}{"\n"}{end}'
kubectl debug -it web --image=busybox:1.36 -c shell --target=web
kubectl exec web -c shell -- ps
kubectl exec web -c shell -- wget -qO- localhost
kubectl debug -i web --image=busybox:1.36 -c lookup <<'EOF'
hostname
cat /etc/hostname
wget -qO- localhost | grep title
EOF
kubectl debug -i web --image=busybox:1.36 -c once -- sh -c 'echo checking; sleep 3; echo done'
kubectl logs web -c once
kubectl get pod web
kubectl describe pod web
kubectl debug web --image=busybox:1.36 -c broken --target=nginx
kubectl debug web --image=busybox:nope -c broken
sleep 20s
kubectl get pod web -o jsonpath='{.status.ephemeralContainerStatuses[?(@.name=="broken")].state.waiting}'
echo
kubectl delete pod web
kubectl get pods
kubectl debug web -t --image=busybox:1.36
kubectl debug web
