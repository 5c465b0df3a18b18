package main

import (
	"fmt"
	"os"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk"
	"github.com/aliyun/aliyun-oss-go-sdk/oss"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
)

const (
	region          = "cn-hangzhou"
	accessKeyID     = "«alibaba-access-key-id:{{ak_id}}»"
	accessKeySecret = "«alibaba-access-key-secret:{{ak_secret}}»"
)

var tencentCred = common.NewCredential("«tencent-cloud-secret-id:AKID{{alnum:32}}»", "«tencent-cloud-secret-key:{{alnum:32}}»")

func main() {
	client, err := sdk.NewClientWithAccessKey(region, accessKeyID, accessKeySecret)
	if err != nil {
		panic(err)
	}
	_ = client

	ossClient, err := oss.New("oss-cn-hangzhou.aliyuncs.com", os.Getenv("OSS_ACCESS_KEY_ID"), os.Getenv("OSS_ACCESS_KEY_SECRET"))
	if err != nil {
		fmt.Println("oss:", err)
	}
	_ = ossClient

	stsClient, _ := sdk.NewClientWithStsToken(region, "«alibaba-sts-access-key-id:{{sts_id}}»", "«alibaba-sts-access-key-secret:{{alnum:44}}»", "«alibaba-sts-security-token:{{sts_token}}»")
	_ = stsClient
}

// The response type names contain "STS." but are not keys:
// sts.AssumeRoleResponse, and GetCallerIdentityResponse after an STS. prefix
type Config struct {
	Password string `json:"password" yaml:"password"`
	Secret   string `json:"secret"`
	Token    string `json:"-"`
}
