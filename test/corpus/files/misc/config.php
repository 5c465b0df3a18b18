<?php
return [
    'db' => [
        'host' => '127.0.0.1',
        'username' => 'wp',
        'password' => '«password-assignment:{{password}}»',
        'charset' => 'utf8mb4',
    ],
    'oss' => [
        'accessKeyId' => '«alibaba-access-key-id:{{ak_id}}»',
        'accessKeySecret' => '«alibaba-access-key-secret:{{ak_secret}}»',
        'endpoint' => 'oss-cn-hangzhou.aliyuncs.com',
    ],
    'mail' => [
        'password' => getenv('MAIL_PASSWORD'),
    ],
    'password_min_length' => 8,
];

define('DB_PASSWORD', '«password-assignment:{{password}}»');
define('AUTH_KEY', getenv('WP_AUTH_KEY'));
$hash = password_hash($_POST['password'], PASSWORD_DEFAULT);
if (password_verify($_POST['password'], $hash)) { echo "ok"; }
