package com.acme.notify;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.profile.IClientProfile;

public class SmsSender {
    private static final String REGION = "cn-hangzhou";

    public IAcsClient client() {
        IClientProfile profile = DefaultProfile.getProfile(REGION, "«alibaba-access-key-id:{{ak_id}}»", "«alibaba-access-key-secret:{{ak_secret}}»");
        return new DefaultAcsClient(profile);
    }

    public IAcsClient legacy() {
        DefaultProfile profile = DefaultProfile.getProfile("cn-shanghai", "«alibaba-access-key-id:{{ak_id16}}»", "«alibaba-access-key-secret:{{ak_secret}}»");
        return new DefaultAcsClient(profile);
    }

    public IAcsClient fromEnv() {
        DefaultProfile profile = DefaultProfile.getProfile(REGION, System.getenv("ALIBABA_CLOUD_ACCESS_KEY_ID"), System.getenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET"));
        return new DefaultAcsClient(profile);
    }

    public IAcsClient docSample() {
        // 示例: DefaultProfile.getProfile("cn-hangzhou", "<your-access-key-id>", "<your-access-key-secret>");
        DefaultProfile profile = DefaultProfile.getProfile(REGION, "<yourAccessKeyId>", "<yourAccessKeySecret>");
        return new DefaultAcsClient(profile);
    }

    public String sign(String secret) {
        String accessKeySecret = secret;
        return accessKeySecret + "&";
    }
}
