kubectl get events -o wide
answer b
