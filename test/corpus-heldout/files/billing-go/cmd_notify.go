package main

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

const (
	dingWebhook = "https://oapi.dingtalk.com/robot/send?access_token=«dingtalk-robot-token:{{hex:64}}»"
	dingSecret  = "«dingtalk-robot-secret:SEC{{hex:64}}»"
	larkHook    = "«feishu-webhook:https://open.feishu.cn/open-apis/bot/v2/hook/{{uuid}}»"
)

func sign(ts int64) string {
	s := fmt.Sprintf("%d\n%s", ts, dingSecret)
	h := hmac.New(sha256.New, []byte(dingSecret))
	h.Write([]byte(s))
	return url.QueryEscape(base64.StdEncoding.EncodeToString(h.Sum(nil)))
}

func notify(msg string) error {
	ts := time.Now().UnixMilli()
	u := fmt.Sprintf("%s&timestamp=%d&sign=%s", dingWebhook, ts, sign(ts))
	body := fmt.Sprintf(`{"msgtype":"text","text":{"content":%q}}`, msg)
	_, err := http.Post(u, "application/json", bytes.NewBufferString(body))
	return err
}
