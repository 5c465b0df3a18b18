package util

import (
	"regexp"
	"strings"
)

var akPattern = regexp.MustCompile(`LTAI[a-zA-Z0-9]{12,20}`)
var pwdPattern = regexp.MustCompile(`(?i)password\s*[:=]\s*\S+`)

const PasswordMinLen = 8
const ErrPasswordWrong = "密码错误"
const passwordField = "password"

// MaskAK turns LTAI5tAbCd... into LTAI****.
func MaskAK(s string) string {
	return akPattern.ReplaceAllStringFunc(s, func(m string) string { return m[:4] + strings.Repeat("*", len(m)-4) })
}

type Account struct {
	Username string `json:"username" binding:"required"`
	Password string `json:"password" binding:"required,min=8"`
}

func defaultAccount() Account {
	return Account{Username: "admin", Password: "«password-assignment:{{password}}»"}
}
