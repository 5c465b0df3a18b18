package cache

import (
	"github.com/go-redis/redis/v8"
	"gorm.io/driver/mysql"
	"gorm.io/gorm"
)

var rdb = redis.NewClient(&redis.Options{
	Addr:     "r-bp1.redis.rds.aliyuncs.com:6379",
	Password: "«password-assignment:{{password}}»",
	DB:       0,
})

var rdbEnv = redis.NewClient(&redis.Options{Addr: cfg.Addr, Password: cfg.Password})

func Open() (*gorm.DB, error) {
	return gorm.Open(mysql.Open("shop:«connection-string-password:{{password}}»@tcp(rm-bp1.mysql.rds.aliyuncs.com:3306)/shop?parseTime=true"), &gorm.Config{})
}
