<?php
// 阿里云 OSS 磁盘
return [
    'disks' => [
        'oss' => [
            'driver' => 'oss',
            'access_id' => '«alibaba-access-key-id:{{ak_id}}»',
            'access_key' => '«alibaba-access-key-secret:{{ak_secret}}»',
            'bucket' => 'acme-shop-static',
            'endpoint' => 'oss-cn-hangzhou.aliyuncs.com',
            'cdnDomain' => 'static.acme.cn',
            'ssl' => true,
        ],
        'public' => [
            'driver' => 'local',
            'root' => storage_path('app/public'),
        ],
    ],
];
