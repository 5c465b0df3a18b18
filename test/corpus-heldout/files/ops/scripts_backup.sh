#!/usr/bin/env bash
# Nightly backup of the order DB to OSS. Runs from cron on ops-01.
set -euo pipefail

DB_HOST=${DB_HOST:-rm-bp1x3k9.mysql.rds.aliyuncs.com}
DB_USER=${DB_USER:-backup}
DB_PASSWORD=${DB_PASSWORD:-«infra-password:{{password}}»}
STAMP=$(date +%Y%m%d-%H%M%S)
OUT=/data/backup/order-$STAMP.sql.gz

mysqldump -h "$DB_HOST" -u "$DB_USER" -p"$DB_PASSWORD" --single-transaction order_db | gzip > "$OUT"

export OSS_ACCESS_KEY_ID="«alibaba-access-key-id:{{ak_id}}»"
export OSS_ACCESS_KEY_SECRET="«alibaba-access-key-secret:{{ak_secret}}»"
ossutil64 cp "$OUT" "oss://acme-backup/mysql/" -e oss-cn-hangzhou-internal.aliyuncs.com -i "$OSS_ACCESS_KEY_ID" -k "$OSS_ACCESS_KEY_SECRET"

sha256sum "$OUT" > "$OUT.sha256"
find /data/backup -name '*.sql.gz' -mtime +14 -delete
echo "backup done: $OUT ($(du -h "$OUT" | cut -f1))"
