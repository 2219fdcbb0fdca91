kubectl describe pods -l app=reports
answer b
