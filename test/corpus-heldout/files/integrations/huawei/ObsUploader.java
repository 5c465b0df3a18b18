package com.acme.dr;

import com.obs.services.ObsClient;

public class ObsUploader {
    // 华为云 OBS
    private static final String ENDPOINT = "https://obs.cn-north-4.myhuaweicloud.com";
    private static final String AK = "«huawei-cloud-access-key:{{upper:20}}»";
    private static final String SK = "«huawei-cloud-access-key:{{alnum:40}}»";

    public static ObsClient client() {
        return new ObsClient(AK, SK, ENDPOINT);
    }

    public static ObsClient fromEnv() {
        return new ObsClient(System.getenv("HUAWEICLOUD_SDK_AK"), System.getenv("HUAWEICLOUD_SDK_SK"), ENDPOINT);
    }
}
