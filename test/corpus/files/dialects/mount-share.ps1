$user = "CORP\svc_backup"
$sec = ConvertTo-SecureString "«cli-password:{{password}}»" -AsPlainText -Force
$cred = New-Object System.Management.Automation.PSCredential($user, $sec)
$prompted = Read-Host -AsSecureString "Password"
net use Z: \\fs01\backup «cli-password:{{humanpw}}» /user:CORP\svc_backup /persistent:no
net use Y: \\fs01\archive /user:CORP\svc_backup *
