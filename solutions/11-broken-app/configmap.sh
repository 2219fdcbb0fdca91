kubectl describe pods -l app=shop
kubectl create configmap shop-config --from-literal=SHOP_MODE=production
