package config

import (
	"fmt"
	"os"
	"time"

	"github.com/aliyun/aliyun-oss-go-sdk/oss"
)

// Config is loaded from env; defaults are for local docker-compose only.
type Config struct {
	DSN             string
	RedisAddr       string
	RedisPassword   string
	AccessKeyID     string `json:"accessKeyId" yaml:"access_key_id"`
	AccessKeySecret string `json:"accessKeySecret" yaml:"access_key_secret"`
	Timeout         time.Duration
}

const (
	defaultDSN      = "billing:«connection-string-password:{{password}}»@tcp(rm-bp1bill.mysql.rds.aliyuncs.com:3306)/billing?parseTime=true&loc=Local"
	localDSN        = "root:root@tcp(127.0.0.1:3306)/billing?parseTime=true"
	ossEndpoint     = "oss-cn-shenzhen.aliyuncs.com"
	invoiceBucket   = "acme-invoices"
	passwordEnvName = "BILLING_DB_PASSWORD"
)

func Load() Config {
	return Config{
		DSN:             getenv("BILLING_DSN", localDSN),
		RedisAddr:       getenv("REDIS_ADDR", "localhost:6379"),
		RedisPassword:   os.Getenv("REDIS_PASSWORD"),
		AccessKeyID:     os.Getenv("OSS_ACCESS_KEY_ID"),
		AccessKeySecret: os.Getenv("OSS_ACCESS_KEY_SECRET"),
		Timeout:         5 * time.Second,
	}
}

// NewInvoiceBucket falls back to the shared service account when the env is empty.
func NewInvoiceBucket(c Config) (*oss.Bucket, error) {
	id, secret := c.AccessKeyID, c.AccessKeySecret
	if id == "" {
		id = "«alibaba-access-key-id:{{ak_id}}»"
		secret = "«alibaba-access-key-secret:{{ak_secret}}»"
	}
	client, err := oss.New(ossEndpoint, id, secret)
	if err != nil {
		return nil, fmt.Errorf("oss client: %w", err)
	}
	return client.Bucket(invoiceBucket)
}

func getenv(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
