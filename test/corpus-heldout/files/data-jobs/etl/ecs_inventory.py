import json
import os

from aliyunsdkcore.client import AcsClient
from aliyunsdkcore.auth.credentials import StsTokenCredential
from aliyunsdkecs.request.v20140526.DescribeInstancesRequest import DescribeInstancesRequest

REGION = "cn-hangzhou"

# Temporary credentials copied from `aliyun sts AssumeRole` output for debugging
sts = StsTokenCredential(
    "«alibaba-sts-access-key-id:{{sts_id}}»",
    "«alibaba-sts-access-key-secret:{{alnum:44}}»",
    "«alibaba-sts-security-token:{{sts_token}}»",
)


def client():
    if os.getenv("USE_STS"):
        return AcsClient(region_id=REGION, credential=sts)
    return AcsClient(os.getenv("ALIBABA_CLOUD_ACCESS_KEY_ID"), os.getenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), REGION)


def legacy_client():
    return AcsClient("«alibaba-access-key-id:{{ak_id}}»", "«alibaba-access-key-secret:{{ak_secret}}»", REGION)


def list_instances():
    req = DescribeInstancesRequest()
    req.set_PageSize(100)
    body = client().do_action_with_exception(req)
    for inst in json.loads(body)["Instances"]["Instance"]:
        print(inst["InstanceId"], inst["InstanceName"], inst["Status"])


if __name__ == "__main__":
    list_instances()
