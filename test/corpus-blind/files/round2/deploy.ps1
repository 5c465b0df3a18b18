$password = "«password-assignment:{{password}}»"
$Password = Read-Host -AsSecureString "请输入密码"
$cred = Get-Credential
net use \\10.0.0.20\share /user:ops «cli-password,password-assignment:{{password}}»
