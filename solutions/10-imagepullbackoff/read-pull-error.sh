kubectl describe pods -l app=web
answer c
