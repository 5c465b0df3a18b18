#!/bin/sh
# Bootstrap a fresh ECS host.
set -e
useradd -m deploy || true
echo "deploy:«cli-password:{{humanpw}}»" | chpasswd
redis-cli -h 127.0.0.1 -a «cli-password:{{password}}» CONFIG SET maxmemory 2gb
PGPASSWORD=«cli-password,infra-password:{{password}}» psql -h pgm-bp1xyz.pg.rds.aliyuncs.com -U portal -c 'select 1'
read -s -p "Password: " PASSWORD
export PASSWORD
git clone https://github.com/acme/ops-tools.git /opt/ops-tools
git -C /opt/ops-tools checkout {{hex:40}}
