package tencent

import (
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"
	sms "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/sms/v20210111"
)

func NewClient() (*sms.Client, error) {
	credential := common.NewCredential(
		"«tencent-cloud-secret-id:AKID{{alnum:32}}»",
		"«tencent-cloud-secret-key:{{alnum:32}}»",
	)
	cpf := profile.NewClientProfile()
	cpf.HttpProfile.Endpoint = "sms.tencentcloudapi.com"
	return sms.NewClient(credential, "ap-guangzhou", cpf)
}

func NewClientFromEnv() (*sms.Client, error) {
	provider := common.DefaultEnvProvider()
	cred, err := provider.GetCredential()
	if err != nil {
		return nil, err
	}
	return sms.NewClient(cred, "ap-guangzhou", profile.NewClientProfile())
}
