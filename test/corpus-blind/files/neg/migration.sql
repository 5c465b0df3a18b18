ALTER TABLE users ADD COLUMN password_digest VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN access_key_secret VARCHAR(64) COMMENT 'AccessKeySecret（加密存储）';
UPDATE users SET password = NULL WHERE deleted = 1;
SELECT id, username FROM users WHERE password = ? AND status = 1;
-- 初始化管理员，密码为 bcrypt 哈希
INSERT INTO users (username, password) VALUES ('admin', '$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy');
INSERT INTO app_config (k, v) VALUES ('oss.bucket', 'acme-prod');
