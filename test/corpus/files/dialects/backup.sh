#!/bin/sh
set -eu
DB_PASS="${DB_PASS:=«infra-password:{{password}}»}"
BACKUP_DIR="${BACKUP_DIR:-/var/backups/mysql}"
mysqldump -h db.internal -u backup -p'«cli-password:{{password}}»' --single-transaction shop > "$BACKUP_DIR/shop.sql"
mysqldump -h db.internal -u backup --password='«cli-password:{{humanpw}}»' crm > "$BACKUP_DIR/crm.sql"
mysql -u root -p"$MYSQL_ROOT_PASSWORD" -e 'flush logs'
redis-cli -h cache CONFIG SET requirepass "«password-assignment:{{password}}»"
