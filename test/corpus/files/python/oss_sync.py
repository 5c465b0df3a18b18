# -*- coding: utf-8 -*-
"""Sync the local build folder to OSS (run by cron on the build box)."""
import os
import sys

import oss2

ENDPOINT = "https://oss-cn-beijing.aliyuncs.com"
BUCKET_NAME = os.environ.get("OSS_BUCKET", "build-artifacts")

# TODO(ops): remove before open-sourcing
auth = oss2.Auth("«alibaba-access-key-id:{{ak_id}}»", "«alibaba-access-key-secret:{{ak_secret}}»")
backup_auth = oss2.Auth(os.getenv("OSS_ACCESS_KEY_ID"), os.getenv("OSS_ACCESS_KEY_SECRET"))
bucket = oss2.Bucket(auth, ENDPOINT, BUCKET_NAME)


def upload(path: str) -> None:
    key = os.path.relpath(path, "build")
    with open(path, "rb") as f:
        result = bucket.put_object(key, f)
    print("uploaded", key, result.etag)


def presign(key: str) -> str:
    # a pre-signed URL carries the AccessKeyId and a signature, never the secret
    return bucket.sign_url("GET", key, 3600)


EXAMPLE_SIGNED_URL = "https://build-artifacts.oss-cn-beijing.aliyuncs.com/app.apk?OSSAccessKeyId={{ak_id}}&Expires=1767225600&Signature={{b64:27}}%3D"

if __name__ == "__main__":
    for root, _dirs, files in os.walk("build"):
        for name in files:
            upload(os.path.join(root, name))
    sys.exit(0)
