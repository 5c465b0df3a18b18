import boto3

s3 = boto3.client(
    "s3",
    aws_access_key_id="«aws-access-key-id:{{aws_id}}»",
    aws_secret_access_key="«aws-secret-access-key:{{b64:40}}»",
    region_name="ap-southeast-1",
)

session = boto3.Session(profile_name="prod")
docs_client = boto3.client("s3", aws_access_key_id="AKIA{{lit:IOSFODNN7EXAMPLE}}", aws_secret_access_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
sha1 = "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12"
