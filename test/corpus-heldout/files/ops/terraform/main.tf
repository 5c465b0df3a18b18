terraform {
  required_providers {
    alicloud = {
      source  = "aliyun/alicloud"
      version = "~> 1.220"
    }
  }
  backend "oss" {
    bucket = "acme-tfstate"
    prefix = "prod"
    region = "cn-hangzhou"
  }
}

provider "alicloud" {
  access_key = "«alibaba-access-key-id:{{ak_id}}»"
  secret_key = "«alibaba-access-key-secret:{{ak_secret}}»"
  region     = var.region
}

variable "region" {
  type    = string
  default = "cn-hangzhou"
}

variable "db_password" {
  type      = string
  sensitive = true
}

resource "alicloud_db_account" "app" {
  db_instance_id   = alicloud_db_instance.main.id
  account_name     = "order_rw"
  account_password = var.db_password
}

resource "alicloud_db_account" "report" {
  db_instance_id   = alicloud_db_instance.main.id
  account_name     = "report_ro"
  account_password = "«password-assignment:{{password}}»"
}

resource "alicloud_instance" "bastion" {
  instance_type        = "ecs.g7.large"
  image_id             = "ubuntu_22_04_x64_20G_alibase_20240220.vhd"
  password             = "«password-assignment:{{humanpw}}»"
  security_groups      = [alicloud_security_group.default.id]
  vswitch_id           = alicloud_vswitch.a.id
  instance_name        = "bastion"
}

resource "alicloud_ram_access_key" "ci" {
  user_name   = alicloud_ram_user.ci.name
  secret_file = "/tmp/ci-ak.txt"
}

output "ci_access_key_id" {
  value = alicloud_ram_access_key.ci.id
}
