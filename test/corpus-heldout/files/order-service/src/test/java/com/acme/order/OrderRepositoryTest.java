package com.acme.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.MySQLContainer;

class OrderRepositoryTest {
    static MySQLContainer<?> mysql = new MySQLContainer<>("mysql:8.0")
            .withDatabaseName("order_db")
            .withUsername("test")
            .withPassword("test");

    @Test
    void loginRejectsWrongPassword() {
        UserDto u = new UserDto();
        u.setPassword("not-the-password");
        assertThat(u.matches("wrong")).isFalse();
        assertThat(u.getPassword()).isEqualTo("not-the-password");
    }

    @Test
    void maskedKeyIsNotLogged() {
        String masked = "LTAI****************";
        assertThat(masked).startsWith("LTAI");
    }
}
