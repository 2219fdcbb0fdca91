kubectl auth can-i list pods -n dev --as=system:serviceaccount:dev:monitor
kubectl describe role monitor -n dev
answer no
