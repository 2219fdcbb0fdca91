! kubectl apply -f lost.yaml
answer namespaces "nowhere"
