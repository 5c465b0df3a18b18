password := r.FormValue("password")
cfg := &Config{Password: os.Getenv("DB_PASSWORD"), AccessKeySecret: viper.GetString("aliyun.secret")}
if err := bcrypt.CompareHashAndPassword([]byte(u.PasswordHash), []byte(password)); err != nil {
	return errors.New("invalid password")
}
var ErrWrongPassword = errors.New("用户名或密码错误")
