package com.example.notify;

import java.util.Properties;
import javax.mail.Authenticator;
import javax.mail.PasswordAuthentication;
import javax.mail.Session;

public class MailSender {
    private static final String SMTP_HOST = "smtp.qiye.aliyun.com";
    private static final String USER = "noreply@corp.cn";

    public Session session() {
        Properties props = new Properties();
        props.put("mail.smtp.host", SMTP_HOST);
        props.put("mail.smtp.auth", "true");
        props.put("mail.smtp.port", "465");
        return Session.getInstance(props, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(USER, "«password-assignment:{{password}}»");
            }
        });
    }

    public Session fromEnv(String user, String password) {
        Properties props = new Properties();
        props.setProperty("mail.smtp.password", System.getenv("SMTP_PASSWORD"));
        return Session.getInstance(props, new Authenticator() {
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, password);
            }
        });
    }
}
