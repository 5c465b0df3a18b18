provider "alicloud" {
  access_key = "«alibaba-access-key-id:{{ak_id}}»"
  secret_key = "«alibaba-access-key-secret:{{ak_secret}}»"
  region     = "cn-hangzhou"
}

provider "alicloud" {
  alias      = "env"
  access_key = var.alicloud_access_key
  secret_key = var.alicloud_secret_key
  region     = "cn-shanghai"
}

provider "aws" {
  region     = "ap-northeast-1"
  access_key = "«aws-access-key-id:{{aws_id}}»"
  secret_key = "«aws-secret-access-key:{{b64:40}}»"
}

provider "tencentcloud" {
  secret_id  = "«tencent-cloud-secret-id:AKID{{alnum:32}}»"
  secret_key = "«tencent-cloud-secret-key:{{alnum:32}}»"
  region     = "ap-guangzhou"
}

resource "alicloud_db_account" "app" {
  db_instance_id   = alicloud_db_instance.main.id
  account_name     = "app"
  account_password = "«password-assignment:{{password}}»"
}

resource "alicloud_db_account" "ro" {
  db_instance_id   = alicloud_db_instance.main.id
  account_name     = "readonly"
  account_password = random_password.ro.result
}

resource "random_password" "ro" {
  length  = 20
  special = true
}

resource "alicloud_instance" "web" {
  instance_type = "ecs.g7.large"
  password      = var.ecs_password
  image_id      = "ubuntu_22_04_x64_20G_alibase_20230907.vhd"
}

variable "ecs_password" {
  type      = string
  sensitive = true
}
