package com.acme.order;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.CredentialsProviderFactory;
import com.aliyun.oss.common.auth.EnvironmentVariableCredentialsProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class OssConfig {

    @Value("${aliyun.oss.endpoint}")
    private String endpoint;

    @Value("${aliyun.oss.access-key-id}")
    private String accessKeyId;

    @Value("${aliyun.oss.access-key-secret}")
    private String accessKeySecret;

    // TODO remove before release: temporary key for the migration job
    private static final String MIGRATION_AK = "«alibaba-access-key-id:{{ak_id}}»";
    private static final String MIGRATION_SK = "«alibaba-access-key-secret:{{ak_secret}}»";

    @Bean
    public OSS ossClient() {
        return new OSSClientBuilder().build(endpoint, accessKeyId, accessKeySecret);
    }

    @Bean
    public OSS migrationClient() {
        return new OSSClientBuilder().build("https://oss-cn-shanghai.aliyuncs.com", MIGRATION_AK, MIGRATION_SK);
    }

    public OSS fromEnv() throws Exception {
        EnvironmentVariableCredentialsProvider provider = CredentialsProviderFactory.newEnvironmentVariableCredentialsProvider();
        return new OSSClientBuilder().build(endpoint, provider);
    }
}
