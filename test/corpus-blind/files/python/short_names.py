# 老脚本，别动
ak = "«alibaba-access-key-id:{{ak_id}}»"
sk = "«alibaba-access-key-secret:{{ak_secret}}»"
ACCESS_KEY = "«alibaba-access-key-id:{{ak_id}}»"
SECRET_KEY = "«alibaba-access-key-secret:{{ak_secret}}»"
region = "cn-hangzhou"
# AK: «alibaba-access-key-id:{{ak_id}}»  SK: «alibaba-access-key-secret:{{ak_secret}}»

import requests, smtplib
r = requests.get("https://jenkins.acme.cn/api/json", auth=("admin", "«http-basic-auth,password-assignment:{{password}}»"))
r2 = requests.get("https://jenkins.acme.cn/api/json", auth=(os.environ["JENKINS_USER"], os.environ["JENKINS_TOKEN"]))
smtp = smtplib.SMTP_SSL("smtp.qq.com", 465)
smtp.login("ops@qq.com", "«password-assignment:{{lower:16}}»")
git_remote = "https://deploy:«connection-string-password:{{password}}»@gitee.com/acme/infra.git"
pip_index = "https://ci:«connection-string-password:{{password}}»@pypi.acme.cn/simple"
