import argparse, click, getpass
parser = argparse.ArgumentParser()
parser.add_argument("--password", default="", help="数据库密码")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
def cli(password): pass
PASSWORD = getpass.getpass()
password = bcrypt.hashpw(plain.encode(), bcrypt.gensalt())
token = jwt.encode({"sub": uid}, settings.SECRET_KEY, algorithm="HS256")
SESSION_COOKIE_NAME = "sessionid"
# 初始密码为手机号后六位
# 密码: 见群公告
password_reset_timeout = 3600
