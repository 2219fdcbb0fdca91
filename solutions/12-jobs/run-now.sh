kubectl create job hello-manual --from=cronjob/hello
sleep 10s
kubectl logs job/hello-manual
