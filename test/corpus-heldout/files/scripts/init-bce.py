# Baidu AI Cloud (BCE) BOS mirror for the Beijing region
from baidubce.bce_client_configuration import BceClientConfiguration
from baidubce.auth.bce_credentials import BceCredentials
from baidubce.services.bos.bos_client import BosClient

config = BceClientConfiguration(
    credentials=BceCredentials("«baidu-cloud-access-key:ALTAK{{alnum:21}}»", "«baidu-cloud-access-key:{{alnum:32}}»"),
    endpoint="bj.bcebos.com",
)
client = BosClient(config)
