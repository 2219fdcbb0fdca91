# RBAC: a Role and RoleBinding from generators, can-i as the user, a Forbidden get.
kubectl create namespace dev
kubectl create role pod-reader --verb=get,list,watch --resource=pods -n dev
kubectl create rolebinding jane-reads --role=pod-reader --user=jane -n dev
kubectl get role,rolebinding -n dev
kubectl get rolebinding jane-reads -n dev -o wide
kubectl describe role pod-reader -n dev
kubectl auth can-i list pods -n dev --as=jane
kubectl auth can-i delete pods -n dev --as=jane
kubectl auth can-i list pods --as=jane
kubectl auth can-i list deployments.apps -n dev --as=jane
kubectl get pods -n dev --as=jane
kubectl get pod web -n dev --as=jane
kubectl get pods --as=jane
kubectl get deployments -n dev --as=jane
kubectl get nodes --as=jane
kubectl run web --image=nginx:1.25 -n dev --as=jane
kubectl create serviceaccount robot -n dev
kubectl create rolebinding robot-view --clusterrole=view --serviceaccount=dev:robot -n dev
kubectl auth can-i get configmaps -n dev --as=system:serviceaccount:dev:robot
kubectl auth can-i get secrets -n dev --as=system:serviceaccount:dev:robot
