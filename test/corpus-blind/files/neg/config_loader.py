import os
import json
from dataclasses import dataclass
from typing import Optional

@dataclass
class OssSettings:
    access_key_id: str
    access_key_secret: str
    password: Optional[str] = None

def load():
    return OssSettings(
        access_key_id=os.environ["OSS_ACCESS_KEY_ID"],
        access_key_secret=os.environ.get("OSS_ACCESS_KEY_SECRET", ""),
        password=os.getenv("DB_PASSWORD", "devpass"),
    )

def from_vault(client):
    secret = client.secrets.kv.read_secret_version(path="oss")
    access_key_secret = secret["data"]["data"]["access_key_secret"]
    db_password = secret["data"]["data"]["password"]
    return access_key_secret, db_password

PASSWORD_FIELD = "password"
password_prompt = "请输入您的密码："
password_help = "Password must contain at least one digit."
access_key_secret = None
password = None
password = ""
password = "********"
password = "<PASSWORD>"
password = "{password}"
password = "%s" % pw
password = args.password
password = config["db"]["password"]
password = self._password
password = kwargs.pop("password", None)
db_password = input("Password: ")
API_DOCS = "https://help.aliyun.com/document_detail/53045.html"
sha256 = "{{hex:64}}"
