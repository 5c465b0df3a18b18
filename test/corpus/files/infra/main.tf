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

resource "alicloud_instance" "bastion" {
  instance_name        = "bastion"
  instance_type        = "ecs.g7.large"
  password             = "«password-assignment:{{humanpw}}»"
  internet_max_bandwidth_out = 10
}

resource "alicloud_instance" "worker" {
  instance_name        = "worker"
  password             = var.instance_password
  kms_encrypted_password = alicloud_kms_ciphertext.pw.ciphertext_blob
}

resource "kubernetes_deployment" "api" {
  spec {
    template {
      spec {
        container {
          name  = "api"
          image = "registry.cn-hangzhou.aliyuncs.com/shop/api:1.4.2"
          env {
            name  = "DB_PASSWORD"
            value = "«password-assignment:{{password}}»"
          }
          env {
            name  = "REDIS_PASSWORD"
            value = var.redis_password
          }
          env {
            name = "DB_HOST"
            value = "rm-bp1abc.mysql.rds.aliyuncs.com"
          }
          env { name = "SMTP_PASSWORD" value = "«password-assignment:{{humanpw}}»" }
          env { name = "SMTP_PASSWORD_FILE" value = "/run/secrets/smtp" }
        }
      }
    }
  }
}
