package com.acme.cred;

import com.aliyun.credentials.Client;
import com.aliyun.credentials.models.Config;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;

public class CredentialsConfig {
    public Client client() {
        Config config = new Config();
        config.setType("access_key");
        config.setAccessKeyId("«alibaba-access-key-id:{{ak_id}}»");
        config.setAccessKeySecret("«alibaba-access-key-secret:{{ak_secret}}»");
        return new Client(config);
    }

    public DefaultCredentialProvider provider() {
        return new DefaultCredentialProvider("«alibaba-access-key-id:{{ak_id}}»", "«alibaba-access-key-secret:{{ak_secret}}»");
    }

    public Client fromEnv() {
        Config config = new Config();
        config.setType("access_key");
        config.setAccessKeyId(System.getenv("ALIBABA_CLOUD_ACCESS_KEY_ID"));
        config.setAccessKeySecret(System.getenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET"));
        return new Client(config);
    }

    private static final String DING_URL = "https://oapi.dingtalk.com/robot/send?access_token=«dingtalk-robot-token:{{hex:64}}»";
    private static final String LDAP_BIND = "ldap.bindPassword";
    private Connection conn() throws SQLException { return DriverManager.getConnection(URL, USER, PASS); }
    private Connection h2() throws SQLException { return DriverManager.getConnection("jdbc:h2:mem:test", "sa", ""); }
}
