# Jobs, CronJobs and DaemonSets as a learner meets them.
kubectl create job pi --image=perl:5.34.0 -- perl -Mbignum=bpi -wle 'print bpi(20)'
kubectl get jobs
sleep 60s
kubectl get jobs
kubectl get pods -l job-name=pi
kubectl logs job/pi
kubectl describe job pi
kubectl create job fail --image=busybox:1.36 -- sh -c 'echo nope; exit 3'
sleep 10s
kubectl get pods -l job-name=fail
kubectl create cronjob hello --image=busybox:1.36 --schedule='*/1 * * * *' -- sh -c 'date; echo Hello from the Kubernetes cluster'
kubectl get cronjob hello
sleep 90s
kubectl get cronjob hello
kubectl get jobs
kubectl logs job/fail
kubectl get daemonset -n kube-system
kubectl get pods -n kube-system -l k8s-app=kube-proxy -o wide
