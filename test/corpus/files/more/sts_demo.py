from aliyunsdkcore.client import AcsClient
from aliyunsdksts.request.v20150401.AssumeRoleRequest import AssumeRoleRequest

client = AcsClient(ak="«alibaba-access-key-id:{{ak_id}}»", secret="«alibaba-access-key-secret:{{ak_secret}}»", region_id="cn-hangzhou")

request = AssumeRoleRequest()
request.set_RoleArn("acs:ram::{{digits:16}}:role/oss-upload")
request.set_RoleSessionName("upload")
response = client.do_action_with_exception(request)

# Example output, copied from a debug session:
# {"Credentials": {"AccessKeyId": "«alibaba-sts-access-key-id:{{sts_id}}»", "AccessKeySecret": "«alibaba-sts-access-key-secret:{{alnum:44}}»",
#  "SecurityToken": "«alibaba-sts-security-token:{{sts_token}}»", "Expiration": "2026-11-20T03:00:00Z"}}
