package com.acme.order;

import com.aliyun.dysmsapi20170525.Client;
import com.aliyun.dysmsapi20170525.models.SendSmsRequest;
import com.aliyun.teaopenapi.models.Config;
import java.util.UUID;

public class SmsSender {
    private static final String SIGN = "ACME商城";
    private static final String TRACE_PREFIX = "{{uuid}}";

    public static Client createClient() throws Exception {
        Config config = new Config()
                .setAccessKeyId("«alibaba-access-key-id:{{ak_id}}»")
                .setAccessKeySecret("«alibaba-access-key-secret:{{ak_secret}}»");
        config.endpoint = "dysmsapi.aliyuncs.com";
        return new Client(config);
    }

    public static Client createClientFromEnv() throws Exception {
        Config config = new Config()
                .setAccessKeyId(System.getenv("ALIBABA_CLOUD_ACCESS_KEY_ID"))
                .setAccessKeySecret(System.getenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET"));
        config.endpoint = "dysmsapi.aliyuncs.com";
        return new Client(config);
    }

    public void send(String phone, String code) throws Exception {
        SendSmsRequest req = new SendSmsRequest()
                .setPhoneNumbers(phone)
                .setSignName(SIGN)
                .setTemplateCode("SMS_154950909")
                .setTemplateParam("{\"code\":\"" + code + "\"}")
                .setOutId(UUID.randomUUID().toString());
        createClient().sendSms(req);
    }
}
