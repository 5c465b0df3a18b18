package com.example.storage;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.profile.DefaultProfile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Uploads report files to OSS. TODO: move the keys to KMS before the next release.
 */
@Service
public class OssService {
    private static final String ENDPOINT = "https://oss-cn-hangzhou.aliyuncs.com";
    private static final String ACCESS_KEY_ID = "«alibaba-access-key-id:{{ak_id}}»";
    private static final String ACCESS_KEY_SECRET = "«alibaba-access-key-secret:{{ak_secret}}»";
    private static final String BUCKET = "report-prod";

    @Value("${aliyun.oss.access-key-id}")
    private String accessKeyId;

    @Value("${aliyun.oss.access-key-secret}")
    private String accessKeySecret;

    public OSS client() {
        return new OSSClientBuilder().build(ENDPOINT, ACCESS_KEY_ID, ACCESS_KEY_SECRET);
    }

    public DefaultAcsClient acs() {
        DefaultProfile profile = DefaultProfile.getProfile("cn-hangzhou", "«alibaba-access-key-id:{{ak_id}}»", "«alibaba-access-key-secret:{{ak_secret}}»");
        return new DefaultAcsClient(profile);
    }

    public DefaultAcsClient fromEnv() {
        DefaultProfile profile = DefaultProfile.getProfile(
            "cn-shanghai",
            System.getenv("ALIBABA_CLOUD_ACCESS_KEY_ID"),
            System.getenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET"));
        return new DefaultAcsClient(profile);
    }

    // Request ids look like keys but are UUIDs: {{uuid}}
    private static final String SAMPLE_REQUEST_ID = "{{uuid}}";
    private static final String CONTENT_MD5 = "{{hex:32}}";
    private static final String DELTAINDEX_NAME = "deltaIndexForLTAIReport";
}
