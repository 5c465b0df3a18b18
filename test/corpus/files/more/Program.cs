using System;
using Aliyun.OSS;
using Microsoft.Extensions.Configuration;

namespace Shop.Api
{
    public class Storage
    {
        private const string AccessKeyId = "«alibaba-access-key-id:{{ak_id}}»";
        private const string AccessKeySecret = "«alibaba-access-key-secret:{{ak_secret}}»";
        private readonly string _conn = "Server=10.0.{{digits:1}}.{{digits:2}};Database=shop;Uid=shop;Pwd=«connection-string-password:{{password}}»;";

        public OssClient Create(IConfiguration config)
        {
            var id = config["Aliyun:AccessKeyId"];
            var secret = Environment.GetEnvironmentVariable("ALIYUN_ACCESS_KEY_SECRET");
            return new OssClient("https://oss-cn-hangzhou.aliyuncs.com", id, secret);
        }

        public string PasswordPolicy => "At least 8 characters";
        public Guid RequestId { get; } = Guid.Parse("{{uuid}}");
    }
}
