CREATE TABLE users (
  id BIGINT PRIMARY KEY AUTO_INCREMENT,
  username VARCHAR(64) NOT NULL,
  password_hash CHAR(60) NOT NULL COMMENT '密码哈希',
  salt CHAR(32) NOT NULL
);
INSERT INTO users (username, password_hash, salt) VALUES ('admin', '$2b$12${{b64:53}}', '{{hex:32}}');
CREATE USER 'report'@'%' IDENTIFIED BY '«password-assignment:{{password}}»';
ALTER USER 'app'@'%' IDENTIFIED BY '${APP_DB_PASSWORD}';
