kubectl get pv
answer ReadWriteMany
