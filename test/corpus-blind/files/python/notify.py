import requests, time, hmac, hashlib, base64, urllib.parse

DING_WEBHOOK = "https://oapi.dingtalk.com/robot/send?access_token=«dingtalk-robot-token:{{hex:64}}»"
DING_SECRET = "«dingtalk-robot-secret:SEC{{hex:64}}»"
FEISHU_HOOK = "https://open.feishu.cn/open-apis/bot/v2/hook/«feishu-webhook:{{uuid}}»"
WECOM_HOOK = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=«wecom-webhook:{{uuid}}»"
DOC_HOOK = "https://oapi.dingtalk.com/robot/send?access_token=XXXXXX"
TEMPLATE_HOOK = "https://open.feishu.cn/open-apis/bot/v2/hook/{token}"

def sign(secret):
    ts = str(round(time.time() * 1000))
    s = f"{ts}\n{secret}".encode()
    return ts, urllib.parse.quote_plus(base64.b64encode(hmac.new(secret.encode(), s, hashlib.sha256).digest()))
