# kubectl apply -f no-image.yaml fails (that is the point); a solution must run clean.
answer validation
