#!/usr/bin/env bash
set -euo pipefail

REGISTRY=registry.cn-shanghai.aliyuncs.com
IMAGE="$REGISTRY/team/api:${GIT_SHA:-latest}"

# log in to ACR (temporary password from the console, valid 1h)
docker login --username=deploy@{{digits:16}} -p «alibaba-acr-password:{{password}}» registry.cn-shanghai.aliyuncs.com
docker login -u ci -p «docker-login-password:{{password}}» harbor.corp.internal
echo "$HARBOR_PASSWORD" | docker login --password-stdin -u ci harbor.corp.internal
docker login -u "$ACR_USER" -p "$ACR_PASSWORD" "$REGISTRY"

export ALIYUN_ACCESS_KEY_ID=«alibaba-access-key-id:{{ak_id}}»
export ALIYUN_ACCESS_KEY_SECRET=«alibaba-access-key-secret:{{ak_secret}}»
export TENCENTCLOUD_SECRET_ID=«tencent-cloud-secret-id:AKID{{alnum:32}}»
export TENCENTCLOUD_SECRET_KEY=«tencent-cloud-secret-key:{{alnum:32}}»

curl -s "https://oapi.dingtalk.com/robot/send?access_token=«dingtalk-robot-token:{{hex:64}}»" \
  -H 'Content-Type: application/json' \
  -d "{\"msgtype\":\"text\",\"text\":{\"content\":\"deployed $IMAGE\"}}"

curl -s -H "Authorization: APPCODE «alibaba-api-gateway-appcode:{{hex:32}}»" "https://ali-weather.showapi.com/area-to-weather?area=杭州"

PGPASSWORD=«cli-password:{{password}}» psql -h pgm-{{lower:12}}.pg.rds.aliyuncs.com -U app -c 'select 1'
PGPASSWORD="$DB_PASSWORD" psql -h localhost -U app -c 'select 1'

docker build -t "$IMAGE" . && docker push "$IMAGE"
sha256sum dist/*.tar.gz
echo "password reset for $USER"
