variable "access_key" {
  description = "Alibaba Cloud AccessKey ID, e.g. LTAI**************** (set TF_VAR_access_key)"
  type        = string
  default     = ""
}

variable "secret_key" {
  description = "Alibaba Cloud AccessKey Secret"
  type        = string
  sensitive   = true
}

variable "instance_password" {
  type    = string
  default = "${var.default_password}"
}

output "password_policy" {
  value = "min 8 chars, upper, lower, digit"
}
