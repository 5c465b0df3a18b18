-- 用户表
CREATE TABLE `sys_user` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `username` varchar(64) NOT NULL COMMENT '账号',
  `password` varchar(128) NOT NULL COMMENT '密码(BCrypt)',
  `pwd_salt` char(32) DEFAULT NULL COMMENT '盐',
  `password_updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO sys_user (username, password) VALUES ('admin', '$2a$10$7JB720yubVSZvUI0rEqK/.VqGOZTH.ulu33dHOiBE8ByOhJIrdAu2');
CREATE USER 'report'@'%' IDENTIFIED BY '«password-assignment,cli-password:{{password}}»';
ALTER USER 'root'@'localhost' IDENTIFIED BY '«password-assignment,cli-password:{{humanpw}}»';
GRANT SELECT ON shop.* TO 'report'@'%';
