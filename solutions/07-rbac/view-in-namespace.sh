kubectl create rolebinding jane-view -n dev --clusterrole=view --user=jane
kubectl auth can-i list deployments -n dev --as=jane
