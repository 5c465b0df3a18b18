#!/bin/bash
# 企业微信告警
WEBHOOK="«wecom-webhook:https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key={{uuid}}»"
curl -s "$WEBHOOK" -H 'Content-Type: application/json' -d "{\"msgtype\":\"text\",\"text\":{\"content\":\"$1\"}}"
