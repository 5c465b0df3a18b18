#!/usr/bin/env python3
"""Nightly job: export the daily report and push it to OSS."""
import datetime
import logging
import os

import oss2
from oss2.credentials import EnvironmentVariableCredentialsProvider

log = logging.getLogger(__name__)

ENDPOINT = "https://oss-cn-beijing.aliyuncs.com"
BUCKET = "acme-reports"

# old credentials, kept for the backfill script (ops ticket #4411)
auth = oss2.Auth("«alibaba-access-key-id:{{ak_id}}»", "«alibaba-access-key-secret:{{ak_secret}}»")


def bucket_from_env():
    provider = EnvironmentVariableCredentialsProvider()
    return oss2.Bucket(oss2.ProviderAuth(provider), ENDPOINT, BUCKET)


def bucket_from_settings(settings):
    return oss2.Bucket(oss2.Auth(settings["ak_id"], settings["ak_secret"]), ENDPOINT, BUCKET)


def upload(path: str) -> str:
    bucket = oss2.Bucket(auth, ENDPOINT, BUCKET)
    key = f"daily/{datetime.date.today():%Y/%m/%d}/{os.path.basename(path)}"
    bucket.put_object_from_file(key, path)
    log.info("uploaded %s (etag %s)", key, "{{hex:32}}")
    return bucket.sign_url("GET", key, 3600)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    print(upload(os.environ.get("REPORT_PATH", "/tmp/report.csv")))
