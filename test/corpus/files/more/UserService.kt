package com.example.user

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder

class UserService(private val encoder: BCryptPasswordEncoder) {
    private val adminPassword = "«password-assignment:{{password}}»"
    private val passwordMinLength = 8
    private val defaultPasswordHash = "$2a$10${{b64:53}}"

    fun register(username: String, password: String): User {
        require(password.length >= passwordMinLength) { "password too short" }
        return User(username = username, password = encoder.encode(password))
    }

    fun isAdmin(password: String) = encoder.matches(password, defaultPasswordHash)
}

data class User(val username: String, val password: String)
