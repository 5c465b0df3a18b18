from aliyunsdkcore.auth.credentials import AccessKeyCredential, StsTokenCredential
from aliyunsdkcore.client import AcsClient
from alibabacloud_tea_openapi import models as open_api_models

credentials = AccessKeyCredential('«alibaba-access-key-id:{{ak_id}}»', '«alibaba-access-key-secret:{{ak_secret}}»')
client = AcsClient(region_id='cn-hangzhou', credential=credentials)
config = open_api_models.Config(access_key_id='«alibaba-access-key-id:{{ak_id}}»', access_key_secret='«alibaba-access-key-secret:{{ak_secret}}»')
config.endpoint = 'dysmsapi.aliyuncs.com'
env_config = open_api_models.Config(access_key_id=os.environ['ALIBABA_CLOUD_ACCESS_KEY_ID'], access_key_secret=os.environ['ALIBABA_CLOUD_ACCESS_KEY_SECRET'])

import ftplib
ftp = ftplib.FTP("10.0.0.11")
ftp.login("upload", "«password-assignment:{{password}}»")
ftp.login()
ftp.login(user, passwd)
assert client.login("admin", "wrong") is False
