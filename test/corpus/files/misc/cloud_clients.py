from baidubce.auth.bce_credentials import BceCredentials
from volcengine.base.Service import Service
from jdcloud_sdk.core.credential import Credential

# baidubce BOS client
BCE_ACCESS_KEY_ID = "«baidu-cloud-access-key:ALTAK{{alnum:21}}»"
BCE_SECRET_ACCESS_KEY = "«baidu-cloud-access-key:{{alnum:32}}»"
credentials = BceCredentials(BCE_ACCESS_KEY_ID, BCE_SECRET_ACCESS_KEY)

# volcengine
VOLC_ACCESSKEY = "«volcengine-access-key:AKLT{{alnum:43}}»"
VOLC_SECRETKEY = "«volcengine-access-key:{{b64:58}}==»"

# jdcloud
jd_credential = Credential("«jdcloud-access-key:JDC_{{upper:28}}»", "«jdcloud-access-key:{{alnum:32}}»")

GOOGLE_MAPS_KEY = "«gcp-api-key:AIza{{alnum:35}}»"
SLACK_TOKEN = "«slack-token:xoxp-{{digits:12}}-{{digits:12}}-{{digits:13}}-{{hex:32}}»"
