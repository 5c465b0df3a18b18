terraform {
  required_providers {
    alicloud = {
      source  = "aliyun/alicloud"
      version = ">= 1.200.0"
    }
  }
}

provider "alicloud" {
  access_key = "«alibaba-access-key-id:{{ak_id}}»"
  secret_key = "«alibaba-access-key-secret:{{ak_secret}}»"
  region     = "cn-hangzhou"
}

provider "alicloud" {
  alias      = "prod"
  access_key = var.access_key
  secret_key = var.secret_key
  region     = "cn-beijing"
}

provider "aws" {
  region     = "us-west-2"
  access_key = "«aws-access-key-id:{{aws_id:AKIA}}»"
  secret_key = "«aws-secret-access-key:{{b64:40}}»"
}

variable "db_password" {
  type      = string
  sensitive = true
}

resource "alicloud_db_account" "app" {
  db_instance_id   = alicloud_db_instance.main.id
  account_name     = "app"
  account_password = "«password-assignment:{{password}}»"
}

resource "alicloud_db_account" "report" {
  db_instance_id   = alicloud_db_instance.main.id
  account_name     = "report"
  account_password = var.db_password
}

resource "alicloud_ram_access_key" "ci" {
  user_name   = alicloud_ram_user.ci.name
  secret_file = "/tmp/ci-accesskey.txt"
}
