from qiniu import Auth, put_file

access_key = "{{alnum:40}}"
secret_key = "«generic-secret:{{alnum:40}}»"
bucket_name = "static-assets"

q = Auth(access_key, secret_key)
token = q.upload_token(bucket_name, None, 3600)
