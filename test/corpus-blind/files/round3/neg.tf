resource "alicloud_db_account" "app" {
  account_password = random_password.db.result
}
resource "aws_db_instance" "main" {
  password = data.aws_secretsmanager_secret_version.db.secret_string
  username = "admin"
}
variable "db_password" {
  description = "数据库密码"
  type        = string
  sensitive   = true
  default     = ""
}
provider "alicloud" {
  profile = "prod"
  region  = var.region
}
