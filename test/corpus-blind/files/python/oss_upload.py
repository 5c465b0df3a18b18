# -*- coding: utf-8 -*-
"""上传报表到 OSS"""
import os
import oss2
from aliyunsdkcore.client import AcsClient
from aliyunsdkcore.request import CommonRequest

# 临时写死，测试完删掉
auth = oss2.Auth('«alibaba-access-key-id:{{ak_id}}»', '«alibaba-access-key-secret:{{ak_secret}}»')
bucket = oss2.Bucket(auth, 'https://oss-cn-hangzhou.aliyuncs.com', 'report-bucket')

env_auth = oss2.Auth(os.environ['OSS_ACCESS_KEY_ID'], os.environ['OSS_ACCESS_KEY_SECRET'])
provider_auth = oss2.ProviderAuth(oss2.credentials.EnvironmentVariableCredentialsProvider())

client = AcsClient("«alibaba-access-key-id:{{ak_id}}»", "«alibaba-access-key-secret:{{ak_secret}}»", "cn-hangzhou")
env_client = AcsClient(os.getenv("ALIYUN_AK"), os.getenv("ALIYUN_SK"), "cn-hangzhou")

ALIYUN_CONFIG = {
    "access_key_id": "«alibaba-access-key-id:{{ak_id}}»",
    "access_key_secret": "«alibaba-access-key-secret:{{ak_secret}}»",
    "region_id": "cn-beijing",
}

def signed_url(key):
    # 预签名地址，1小时有效
    return bucket.sign_url('GET', key, 3600)

EXAMPLE_URL = "https://report-bucket.oss-cn-hangzhou.aliyuncs.com/a.pdf?OSSAccessKeyId={{ak_id}}&Expires=1735660800&Signature=Zk3%2Bq9vT1s0aQwErTyUiOp%3D"
md5 = "9e107d9d372bb6826bd81d3542a419d6"
request_id = "{{uuid}}"
