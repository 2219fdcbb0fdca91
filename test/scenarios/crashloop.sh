# CrashLoopBackOff diagnosis: restarts with "(Ns ago)", describe's Last State and Events, logs --previous.
kubectl run crash --image=busybox:1.36 --restart=Always -- sh -c 'echo starting; echo giving up; exit 1'
sleep 5s
kubectl get pods
sleep 15s
kubectl get pods
sleep 60s
kubectl get pods
kubectl describe pod crash
kubectl logs crash
kubectl logs crash --previous
kubectl logs crash -p --tail=1
