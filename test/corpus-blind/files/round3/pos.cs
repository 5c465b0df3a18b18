var options = new DbContextOptionsBuilder().UseMySql("server=10.0.0.5;port=3306;database=shop;uid=shop;pwd=«connection-string-password,password-assignment:{{password}}»", ServerVersion.AutoDetect(cs));
Password = configuration["Db:Password"],
var client = new OssClient(endpoint, "«alibaba-access-key-id:{{ak_id}}»", "«alibaba-access-key-secret:{{ak_secret}}»");
