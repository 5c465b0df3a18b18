package main

import (
	"github.com/aliyun/alibabacloud-oss-go-sdk-v2/oss"
	"github.com/aliyun/alibabacloud-oss-go-sdk-v2/oss/credentials"
)

func client() *oss.Client {
	provider := credentials.NewStaticCredentialsProvider("«alibaba-access-key-id:{{ak_id}}»", "«alibaba-access-key-secret:{{ak_secret}}»")
	cfg := oss.LoadDefaultConfig().WithCredentialsProvider(provider).WithRegion("cn-hangzhou")
	return oss.NewClient(cfg)
}

func envClient() *oss.Client {
	cfg := oss.LoadDefaultConfig().WithCredentialsProvider(credentials.NewEnvironmentVariableCredentialsProvider())
	return oss.NewClient(cfg)
}

const feishu = "https://open.feishu.cn/open-apis/bot/v2/hook/«feishu-webhook:{{uuid}}»"
