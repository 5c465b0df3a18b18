package com.example.sms;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.profile.DefaultProfile;

public class LegacySmsClient {
    // keys issued in 2016, before the LTAI prefix
    private final String accessKeyId = "«alibaba-access-key-id:{{alnum:16}}»";
    private final String accessKeySecret = "«alibaba-access-key-secret:{{ak_secret}}»";

    public IAcsClient client() {
        DefaultProfile profile = DefaultProfile.getProfile("cn-hangzhou", accessKeyId, accessKeySecret);
        return new DefaultAcsClient(profile);
    }

    public String signName() {
        return "阿里云短信测试";
    }

    public String templateCode() {
        return "SMS_{{digits:9}}";
    }
}
