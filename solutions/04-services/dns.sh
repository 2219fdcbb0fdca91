kubectl exec client -- nslookup web
kubectl exec client -- wget -qO- http://web
