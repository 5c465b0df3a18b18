<?php
namespace App;

use Alipay\EasySDK\Kernel\Config;

class Payment
{
    public static function options(): Config
    {
        $options = new Config();
        $options->protocol = 'https';
        $options->gatewayHost = 'openapi.alipay.com';
        $options->signType = 'RSA2';
        $options->appId = '2021{{digits:12}}';
        $options->merchantPrivateKey = '«private-key:{{privkey_der:pkcs1}}»';
        $options->alipayCertPath = storage_path('cert/alipayCertPublicKey_RSA2.crt');
        $options->notifyUrl = 'https://shop.acme.cn/pay/notify';
        return $options;
    }

    public function verify(array $data, string $password): bool
    {
        $hash = '$2y$10${{b64:53}}';
        return password_verify($password, $hash);
    }
}
