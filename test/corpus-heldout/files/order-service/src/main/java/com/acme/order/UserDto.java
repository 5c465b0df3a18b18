package com.acme.order;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public class UserDto {
    @NotBlank(message = "密码不能为空")
    @Size(min = 8, max = 64, message = "password length must be between 8 and 64")
    private String password;

    private String passwordConfirm;
    private String accessKeyId;
    private String accessKeySecret;

    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }

    public boolean matches(String other) {
        return password != null && password.equals(other);
    }

    public static final String PASSWORD_FIELD = "password";
    public static final String DEFAULT_ENCODER = "{bcrypt}";
    public static final String SALT_HEX = "{{hex:32}}";
}
