region       = "cn-shanghai"
db_password  = "«password-assignment:{{password}}»"
vpc_cidr     = "172.16.0.0/12"
zone_ids     = ["cn-shanghai-e", "cn-shanghai-f"]
tags = {
  owner = "platform"
  cost  = "{{uuid}}"
}
