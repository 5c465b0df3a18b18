package com.acme.file.config;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class OssConfig {

    // TODO 上线前改成从配置中心读取
    private static final String ENDPOINT = "https://oss-cn-beijing.aliyuncs.com";
    private static final String ACCESS_KEY_ID = "«alibaba-access-key-id:{{ak_id}}»";
    private static final String ACCESS_KEY_SECRET = "«alibaba-access-key-secret:{{ak_secret}}»";

    @Value("${aliyun.oss.bucket}")
    private String bucket;

    @Bean
    public OSS ossClient() {
        return new OSSClientBuilder().build(ENDPOINT, ACCESS_KEY_ID, ACCESS_KEY_SECRET);
    }

    @Bean(name = "backupOss")
    public OSS backupOss() {
        return new OSSClientBuilder().build("oss-cn-shenzhen.aliyuncs.com", "«alibaba-access-key-id:{{ak_id}}»", "«alibaba-access-key-secret:{{ak_secret}}»");
    }

    @Bean(name = "envOss")
    public OSS envOss() {
        return new OSSClientBuilder().build(ENDPOINT, System.getenv("OSS_ACCESS_KEY_ID"), System.getenv("OSS_ACCESS_KEY_SECRET"));
    }
}
