import pymysql
import psycopg2
from sqlalchemy import create_engine
import getpass

def connect_prod():
    return pymysql.connect(host="10.2.0.5", port=3306, user="root", password="«password-assignment:{{humanpw}}»", database="shop", charset="utf8mb4")

def connect_pg():
    return psycopg2.connect(host="pg.internal", dbname="bi", user="bi", password="«password-assignment:{{password}}»")

def connect_interactive():
    pwd = getpass.getpass("请输入数据库密码: ")
    return pymysql.connect(host="10.2.0.5", user="root", password=pwd)

engine = create_engine("postgresql+psycopg2://etl:«connection-string-password:{{password}}»@10.2.0.9:5432/warehouse")
local_engine = create_engine("postgresql://postgres:postgres@localhost:5432/test")
tmpl_engine = create_engine(f"mysql+pymysql://{user}:{password}@{host}/{db}")

def validate_password(password: str) -> bool:
    """密码必须包含大小写字母和数字"""
    if len(password) < 8:
        raise ValueError("密码太短")
    return any(c.isdigit() for c in password)

class User:
    password: str
    password_hash = "$2b$12$C6UzMDM.H6dfI/f/IKcEeO9rZf3kQYh2b8bHkJYlY3sR0wq6oVh1G"

def test_login(client):
    resp = client.post("/login", data={"username": "alice", "password": "wrong-password"})
    assert resp.status_code == 401
