# kubectl apply -f lost.yaml fails (that is the point); a solution must run clean.
answer namespaces "nowhere"
