kubectl create cronjob hello --image=busybox:1.36 --schedule="*/1 * * * *" -- sh -c "date; echo Hello from the cluster"
kubectl patch cronjob hello -p '{"spec":{"concurrencyPolicy":"Forbid","successfulJobsHistoryLimit":2}}'
