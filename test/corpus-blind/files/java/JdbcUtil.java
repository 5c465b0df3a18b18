package com.acme.legacy;

import java.sql.Connection;
import java.sql.DriverManager;

public class JdbcUtil {
    private static final String URL = "jdbc:mysql://192.168.1.20:3306/erp?useSSL=false";
    private static final String USER = "erp";
    private static final String PASSWORD = "«password-assignment:{{humanpw}}»";
    // 账号: admin 密码: 见运维群
    private static final String PWD_HINT = "请联系管理员获取密码";

    public static Connection open() throws Exception {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }

    public static Connection openOracle() throws Exception {
        return DriverManager.getConnection("jdbc:oracle:thin:@10.1.1.5:1521:orcl", "scott", "«password-assignment,cli-password,connection-string-password:{{password}}»");
    }

    public static Connection openSqlServer() throws Exception {
        return DriverManager.getConnection("jdbc:sqlserver://10.1.1.9:1433;databaseName=crm;user=sa;password=«connection-string-password,password-assignment:{{password}}»");
    }

    public boolean check(String password) {
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("密码长度不能少于8位");
        }
        return password.equals(System.getProperty("admin.password"));
    }
}
