import base64
import hashlib
import hmac
import time
import urllib.parse

import requests

DINGTALK_WEBHOOK = "https://oapi.dingtalk.com/robot/send?access_token=«dingtalk-robot-token:{{hex:64}}»"
DINGTALK_SECRET = "«dingtalk-robot-secret:SEC{{hex:64}}»"
FEISHU_WEBHOOK = "https://open.feishu.cn/open-apis/bot/v2/hook/«feishu-webhook:{{uuid}}»"
WECOM_WEBHOOK = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=«wecom-webhook:{{uuid}}»"
SLACK_WEBHOOK = "https://hooks.slack.com/services/«slack-token:T{{upper:10}}/B{{upper:10}}/{{alnum:24}}»"

TEMPLATE_WEBHOOK = "https://oapi.dingtalk.com/robot/send?access_token={token}"


def sign(secret: str) -> tuple:
    timestamp = str(round(time.time() * 1000))
    string_to_sign = f"{timestamp}\n{secret}"
    hmac_code = hmac.new(secret.encode("utf-8"), string_to_sign.encode("utf-8"), digestmod=hashlib.sha256).digest()
    return timestamp, urllib.parse.quote_plus(base64.b64encode(hmac_code))


def send(text: str) -> None:
    ts, sig = sign(DINGTALK_SECRET)
    requests.post(f"{DINGTALK_WEBHOOK}&timestamp={ts}&sign={sig}", json={"msgtype": "text", "text": {"content": text}})
    requests.post(FEISHU_WEBHOOK, json={"msg_type": "text", "content": {"text": text}})
