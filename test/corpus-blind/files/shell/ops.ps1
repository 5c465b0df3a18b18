$secpass = ConvertTo-SecureString "«cli-password:{{password}}»" -AsPlainText -Force
$cred = New-Object System.Management.Automation.PSCredential ("ops", $secpass)
$prompted = Get-Credential -Message "请输入密码"
Invoke-Sqlcmd -ServerInstance "10.0.2.10" -Username sa -Password $env:SA_PASSWORD -Query "select 1"
