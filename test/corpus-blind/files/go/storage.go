package storage

import (
	"os"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk"
	"github.com/aliyun/aliyun-oss-go-sdk/oss"
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/aws/aws-sdk-go/aws/session"
)

const (
	accessKeyID     = "«alibaba-access-key-id:{{ak_id}}»"
	accessKeySecret = "«alibaba-access-key-secret:{{ak_secret}}»"
)

func NewAcs() (*sdk.Client, error) {
	return sdk.NewClientWithAccessKey("cn-hangzhou", "«alibaba-access-key-id:{{ak_id}}»", "«alibaba-access-key-secret:{{ak_secret}}»")
}

func NewOss() (*oss.Client, error) {
	return oss.New("https://oss-cn-hangzhou.aliyuncs.com", accessKeyID, accessKeySecret)
}

func NewOssFromEnv() (*oss.Client, error) {
	return oss.New(os.Getenv("OSS_ENDPOINT"), os.Getenv("OSS_ACCESS_KEY_ID"), os.Getenv("OSS_ACCESS_KEY_SECRET"))
}

func NewS3() *session.Session {
	return session.Must(session.NewSession(&aws.Config{
		Region:      aws.String("us-west-2"),
		Credentials: credentials.NewStaticCredentials("«aws-access-key-id:{{aws_id}}»", "«aws-secret-access-key:{{b64:40}}»", ""),
	}))
}

var dsn = "app:«connection-string-password:{{password}}»@tcp(10.0.1.7:3306)/billing?charset=utf8mb4&parseTime=True"
var localDSN = "root:root@tcp(127.0.0.1:3306)/test"
var traceID = "{{hex:32}}"
