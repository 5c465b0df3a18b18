# 腾讯云 COS 上传 (Tencent Cloud)
from qcloud_cos import CosConfig, CosS3Client
import os

secret_id = "«tencent-cloud-secret-id:AKID{{alnum:32}}»"
secret_key = "«tencent-cloud-secret-key:{{alnum:32}}»"
region = "ap-guangzhou"

config = CosConfig(Region=region, SecretId=secret_id, SecretKey=secret_key, Token=None, Scheme="https")
client = CosS3Client(config)

env_config = CosConfig(Region=region, SecretId=os.environ["COS_SECRET_ID"], SecretKey=os.environ["COS_SECRET_KEY"])


def upload(local_path: str, key: str) -> str:
    resp = client.upload_file(Bucket="acme-1250000000", LocalFilePath=local_path, Key=key)
    return resp["ETag"]
