package config

import "testing"

func TestLoad(t *testing.T) {
	cfg := Config{Password: "«password-assignment:{{password}}»", User: "svc"}
	if cfg.Password == "" {
		t.Fatal("empty password")
	}
	hash := "{{hex:40}}"
	id := "{{uuid}}"
	_ = hash + id
	dsn := fmt.Sprintf("%s:%s@tcp(%s)/%s", cfg.User, cfg.Password, cfg.Host, cfg.DB)
	_ = dsn
	realDSN := "root:«connection-string-password,password-assignment:{{password}}»@tcp(10.1.{{digits:1}}.{{digits:2}}:3306)/orders"
	_ = realDSN
}
