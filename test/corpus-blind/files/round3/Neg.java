@Value("${spring.datasource.password}")
private String password;
@Value("${aliyun.oss.access-key-secret:}")
private String accessKeySecret;
private static final String ROLE_ARN = "acs:ram::1234567890123456:role/aliyunecsrole";
private static final String INSTANCE = "i-bp1g6zv0ce8oghu7k8ab";
String password = request.getParameter("password");
String pwd = new String(passwordField.getPassword());
user.setPassword(passwordEncoder.encode(dto.getPassword()));
if (!"".equals(password) && password.length() >= 8) { }
log.info("reset password for user {}", userId);
throw new BizException("原密码错误");
