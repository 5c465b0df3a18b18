resource "alicloud_ecs_key_pair" "deploy" {
  key_pair_name = "deploy"
  public_key    = "{{pubkey:openssh}}"
}

resource "alicloud_cas_certificate" "console" {
  name = "console-acme-cn"
  cert = file("certs/console.pem")
  key  = <<-EOT
    «private-key:{{privkey_indent:pkcs8}}»
  EOT
}
