using Aliyun.Acs.Core;
using Aliyun.Acs.Core.Profile;
using System.Data.SqlClient;

namespace Erp.Services
{
    public class SmsService
    {
        private const string AccessKeyId = "«alibaba-access-key-id:{{ak_id}}»";
        private const string AccessKeySecret = "«alibaba-access-key-secret:{{ak_secret}}»";

        public IAcsClient Create()
        {
            IClientProfile profile = DefaultProfile.GetProfile("cn-hangzhou", AccessKeyId, AccessKeySecret);
            return new DefaultAcsClient(profile);
        }

        public SqlConnection Db()
        {
            var cs = "Data Source=10.0.2.10;Initial Catalog=Erp;User ID=sa;Password=«connection-string-password,password-assignment:{{password}}»";
            return new SqlConnection(cs);
        }

        public SqlConnection DbFromConfig(IConfiguration cfg) => new SqlConnection(cfg.GetConnectionString("Default"));

        [DataType(DataType.Password)]
        [Display(Name = "密码")]
        public string Password { get; set; }
    }
}
