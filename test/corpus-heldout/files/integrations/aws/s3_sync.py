import boto3

session = boto3.Session(profile_name="default")
s3 = session.client("s3")

# cross-account mirror (global CDN)
mirror = boto3.client(
    "s3",
    aws_access_key_id="«aws-access-key-id:{{aws_id:AKIA}}»",
    aws_secret_access_key="«aws-secret-access-key:{{b64:40}}»",
    region_name="us-east-1",
)


def sync(prefix: str) -> int:
    n = 0
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket="acme-global-mirror", Prefix=prefix):
        for obj in page.get("Contents", []):
            mirror.copy_object(Bucket="acme-cdn", Key=obj["Key"], CopySource={"Bucket": "acme-global-mirror", "Key": obj["Key"]})
            n += 1
    return n
