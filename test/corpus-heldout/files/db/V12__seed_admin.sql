-- V12: seed admin user and integration accounts
INSERT INTO sys_user (id, username, password, nickname, status)
VALUES (1, 'admin', '$2a$10${{b64:53}}', '系统管理员', 1);

INSERT INTO sys_config (config_key, config_value, remark) VALUES
  ('oss.accessKeyId', '«alibaba-access-key-id:{{ak_id}}»', '阿里云 OSS AccessKeyId'),
  ('oss.accessKeySecret', '«alibaba-access-key-secret:{{ak_secret}}»', '阿里云 OSS AccessKeySecret'),
  ('oss.bucket', 'acme-shop-static', 'bucket'),
  ('sys.user.initPassword', '123456', '用户初始密码'),
  ('sys.account.captchaEnabled', 'true', '验证码开关');

CREATE USER 'report'@'%' IDENTIFIED BY '«password-assignment,infra-password,cli-password:{{password}}»';
GRANT SELECT ON order_db.* TO 'report'@'%';
ALTER USER 'order_rw'@'%' IDENTIFIED BY '${ORDER_RW_PASSWORD}';

-- password column stores bcrypt hashes only
ALTER TABLE sys_user MODIFY COLUMN password VARCHAR(100) NOT NULL COMMENT '密码';
