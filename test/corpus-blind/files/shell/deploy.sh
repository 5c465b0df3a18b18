#!/usr/bin/env bash
set -euo pipefail
# 配置 aliyun cli
aliyun configure set --profile prod --mode AK --region cn-hangzhou --access-key-id «alibaba-access-key-id:{{ak_id}}» --access-key-secret «alibaba-access-key-secret:{{ak_secret}}»
aliyun configure set --profile ci --mode AK --region cn-hangzhou --access-key-id "$ALIYUN_AK_ID" --access-key-secret "$ALIYUN_AK_SECRET"

export ALIBABA_CLOUD_ACCESS_KEY_ID=«alibaba-access-key-id:{{ak_id}}»
export ALIBABA_CLOUD_ACCESS_KEY_SECRET=«alibaba-access-key-secret:{{ak_secret}}»
export OSS_ACCESS_KEY_ID="${OSS_ACCESS_KEY_ID:-}"

# 备份数据库
mysqldump -h 10.0.0.5 -u root -p«cli-password:{{password}}» shop > /backup/shop.sql
mysql -uroot -p«cli-password:{{humanpw}}» -e "show databases"
mysql -u root -p -e "select 1"
mysql -u root -p"$MYSQL_ROOT_PASSWORD" shop < schema.sql
sshpass -p '«cli-password:{{password}}»' ssh -o StrictHostKeyChecking=no root@10.0.0.9 "systemctl restart app"
sshpass -p "$SSH_PASS" scp app.jar deploy@10.0.0.9:/opt/app/
redis-cli -h 10.0.0.6 -a «cli-password:{{password}}» FLUSHDB
curl -u admin:«http-basic-auth:{{password}}» -X POST https://jenkins.acme.cn/job/deploy/build
curl -u "$NEXUS_USER:$NEXUS_PASS" -T app.jar https://nexus.acme.cn/repository/releases/
curl -H "Authorization: Bearer $TOKEN" https://api.acme.cn/health
docker login -u deploy -p «docker-login-password,alibaba-acr-password:{{password}}» registry.cn-hangzhou.aliyuncs.com
echo "$ACR_PASSWORD" | docker login --username deploy --password-stdin registry.cn-hangzhou.aliyuncs.com
PGPASSWORD=«cli-password:{{password}}» psql -h 10.0.0.7 -U etl -d dw -c "vacuum"
echo "密码错误次数过多" >&2
