# 华为云 OBS
from obs import ObsClient
obs = ObsClient(access_key_id="«huawei-cloud-access-key:{{upper:20}}»", secret_access_key="«huawei-cloud-access-key:{{alnum:40}}»", server="https://obs.cn-north-4.myhuaweicloud.com")

# 百度智能云 BOS
from baidubce.bce_client_configuration import BceClientConfiguration
from baidubce.auth.bce_credentials import BceCredentials
bce_config = BceClientConfiguration(credentials=BceCredentials("«baidu-cloud-access-key:ALTAK{{alnum:20}}»", "«baidu-cloud-access-key:{{hex:32}}»"), endpoint="bj.bcebos.com")

# 火山引擎
VOLC_ACCESSKEY = "«volcengine-access-key:AKLT{{alnum:43}}»"

# GitLab
GITLAB_TOKEN = "«gitlab-token:glpat-{{alnum:20}}»"
# OpenAI
OPENAI_API_KEY = "«openai-api-key:sk-proj-{{alnum:48}}T3BlbkFJ{{alnum:48}}»"
# Slack bot
SLACK_BOT_TOKEN = "«slack-token:xoxb-{{digits:12}}-{{digits:13}}-{{alnum:24}}»"
