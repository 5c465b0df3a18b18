<?php
// 数据库配置
return [
    'db' => [
        'host'     => '127.0.0.1',
        'dbname'   => 'shop',
        'username' => 'shop',
        'password' => '«password-assignment:{{password}}»',
        'charset'  => 'utf8mb4',
    ],
    'redis' => ['host' => '127.0.0.1', 'password' => env('REDIS_PASSWORD', null)],
    'aliyun' => [
        'AccessKeyId'     => '«alibaba-access-key-id:{{ak_id}}»',
        'AccessKeySecret' => '«alibaba-access-key-secret:{{ak_secret}}»',
    ],
    'validation' => ['password' => 'required|string|min:8|confirmed'],
];
