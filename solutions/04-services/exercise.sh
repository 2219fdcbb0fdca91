kubectl apply -f - <<'EOF2'
apiVersion: v1
kind: Service
metadata:
  name: store
spec:
  selector:
    app: shop
  ports:
    - port: 80
      targetPort: 80
EOF2
kubectl create ingress store --class=nginx --rule="store.example.com/*=store:80"
