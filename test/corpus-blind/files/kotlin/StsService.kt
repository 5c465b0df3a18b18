package com.acme.sts

import com.aliyun.sts20150401.Client
import com.aliyun.teaopenapi.models.Config

object StsService {
    private val config = Config().apply {
        accessKeyId = "«alibaba-access-key-id:{{ak_id}}»"
        accessKeySecret = "«alibaba-access-key-secret:{{ak_secret}}»"
        endpoint = "sts.cn-hangzhou.aliyuncs.com"
    }

    private val envConfig = Config().setAccessKeyId(System.getenv("ALIBABA_CLOUD_ACCESS_KEY_ID"))
        .setAccessKeySecret(System.getenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET"))

    private val chained = Config().setAccessKeyId("«alibaba-access-key-id:{{ak_id}}»").setAccessKeySecret("«alibaba-access-key-secret:{{ak_secret}}»")

    fun client() = Client(config)

    // response sample from the docs, for the parser test
    const val SAMPLE = """{"Credentials":{"AccessKeyId":"STS.{{lit:NUgYrLnoC37mZZCNnAbez}}****","AccessKeySecret":"CVwjCkNzTMupZ8NbTCxCBRq3K16jtcWFTJAyBEv2****","SecurityToken":"****","Expiration":"2015-04-09T11:52:19Z"}}"""
}

data class LoginRequest(val username: String, val password: String)
data class DbConfig(val url: String = "jdbc:h2:mem:test", val user: String = "sa", val password: String = "")
val testDb = DbConfig(password = "«password-assignment:{{password}}»")
