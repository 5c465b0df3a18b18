using System;
using Aliyun.OSS;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Api
{
    public class Startup
    {
        private const string PasswordClaim = "password";
        private static readonly Guid AppId = new Guid("{{uuid}}");

        public Startup(IConfiguration configuration) => Configuration = configuration;

        public IConfiguration Configuration { get; }

        public void ConfigureServices(IServiceCollection services)
        {
            var ak = Configuration["Aliyun:AccessKeyId"];
            var sk = Configuration["Aliyun:AccessKeySecret"];
            services.AddSingleton(new OssClient("https://oss-cn-hangzhou.aliyuncs.com", ak, sk));

            var smtpPassword = Environment.GetEnvironmentVariable("SMTP_PASSWORD");
            services.AddSingleton(new SmtpOptions { Host = "smtp.qiye.aliyun.com", User = "ops@acme.cn", Password = smtpPassword });
        }

        // used by the import tool on the build agent
        public static OssClient ImportClient() =>
            new OssClient("oss-cn-beijing.aliyuncs.com", "«alibaba-access-key-id:{{ak_id}}»", "«alibaba-access-key-secret:{{ak_secret}}»");
    }

    public class SmtpOptions
    {
        public string Host { get; set; } = "";
        public string User { get; set; } = "";
        public string? Password { get; set; }
    }
}
