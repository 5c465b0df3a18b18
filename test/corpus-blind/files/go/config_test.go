package config

import "testing"

// fixture keys: random, not real (per team policy these still get flagged)
const fakeID = "«alibaba-access-key-id:{{ak_id}}»"
const fakeSecret = "«alibaba-access-key-secret:{{ak_secret}}»"

func TestLoad(t *testing.T) {
	cfg := Config{AccessKeyID: "LTAI****************", AccessKeySecret: "******"}
	if cfg.AccessKeyID == "" {
		t.Fatal("empty")
	}
	want := Config{Password: "<password>"}
	_ = want
	if got := mask("abcdef"); got != "ab****" {
		t.Errorf("mask = %q", got)
	}
}

type Config struct {
	AccessKeyID     string `json:"access_key_id" yaml:"access_key_id"`
	AccessKeySecret string `json:"access_key_secret" yaml:"access_key_secret"`
	Password        string `json:"password"`
}
