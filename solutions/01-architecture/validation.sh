! kubectl apply -f no-image.yaml
answer validation
