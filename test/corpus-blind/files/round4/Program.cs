public static class Aliyun
{
    public const string AccessKeyId = "«alibaba-access-key-id:{{ak_id}}»";
    public const string AccessKeySecret = "«alibaba-access-key-secret:{{ak_secret}}»";
    // 备用账号 secret: «alibaba-access-key-secret:{{ak_secret}}»
}
