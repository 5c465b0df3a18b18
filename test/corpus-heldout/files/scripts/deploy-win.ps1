# Deploy the .NET API to the Windows hosts
param([string]$Target = "10.0.4.20")

$user = "ACME\svc-deploy"
$secure = ConvertTo-SecureString "«cli-password:{{humanpw}}»" -AsPlainText -Force
$cred = New-Object System.Management.Automation.PSCredential($user, $secure)

$fromVault = Get-Secret -Name "deploy-password" -AsPlainText
net use \\$Target\deploy /user:ACME\svc-deploy «cli-password:{{password}}»

Copy-Item -Path .\publish\* -Destination "\\$Target\deploy\inventory-api" -Recurse -Force
Invoke-Command -ComputerName $Target -Credential $cred -ScriptBlock { Restart-WebAppPool -Name "inventory-api" }
