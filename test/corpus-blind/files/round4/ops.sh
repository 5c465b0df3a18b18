#!/bin/bash
docker login --username=acme@1234567890123456 registry.cn-beijing.aliyuncs.com -p «docker-login-password,alibaba-acr-password:{{password}}»
mysql -h 10.0.0.5 -P 3306 -u root --password=«cli-password:{{password}}» -e "show processlist"
psql "host=10.0.0.7 port=5432 dbname=dw user=etl password=«password-assignment,connection-string-password:{{password}}»" -c 'select 1'
curl -s -X POST "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=«wecom-webhook:{{uuid}}»" -H 'Content-Type: application/json' -d '{"msgtype":"text"}'
curl "https://ecs.aliyuncs.com/?Action=DescribeRegions&AccessKeyId=«alibaba-access-key-id:{{ak_id}}»&AccessKeySecret=«alibaba-access-key-secret:{{ak_secret}}»"
