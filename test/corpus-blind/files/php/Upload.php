<?php
use OSS\OssClient;
use AlibabaCloud\Client\AlibabaCloud;

$pdo = new PDO('mysql:host=10.0.0.5;dbname=cms', 'cms', '«password-assignment,connection-string-password:{{password}}»');
$ossClient = new OssClient('«alibaba-access-key-id:{{ak_id}}»', '«alibaba-access-key-secret:{{ak_secret}}»', 'oss-cn-hangzhou.aliyuncs.com');
AlibabaCloud::accessKeyClient('«alibaba-access-key-id:{{ak_id}}»', '«alibaba-access-key-secret:{{ak_secret}}»')->regionId('cn-hangzhou')->asDefaultClient();
AlibabaCloud::accessKeyClient(getenv('ALIBABA_CLOUD_ACCESS_KEY_ID'), getenv('ALIBABA_CLOUD_ACCESS_KEY_SECRET'))->asDefaultClient();
$db_pass = "«password-assignment:{{password}}»";
$mysqli = new mysqli("localhost", "root", $db_pass, "cms");
if ($_POST['password'] !== $_POST['password_confirm']) { echo "两次密码不一致"; }
$hash = password_hash($_POST['password'], PASSWORD_DEFAULT);
