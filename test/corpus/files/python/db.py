import os

import pymysql
import redis
from sqlalchemy import create_engine

conn = pymysql.connect(host="10.0.{{digits:1}}.{{digits:2}}", user="etl", password="«password-assignment:{{password}}»", database="warehouse", charset="utf8mb4")

engine = create_engine("postgresql+psycopg2://analytics:«connection-string-password:{{password}}»@pg-{{lower:8}}.internal:5432/analytics")
engine_env = create_engine(os.environ["DATABASE_URL"])
engine_fmt = create_engine(f"postgresql://{os.environ['PGUSER']}:{os.environ['PGPASSWORD']}@{os.environ['PGHOST']}/app")

cache = redis.Redis(host="localhost", port=6379, password=os.getenv("REDIS_PASSWORD"))


def check_login(user, password):
    if not password:
        raise ValueError("password is required")
    if password == user.password:
        return True
    return False


class UserForm:
    password = None
    password_confirm = None
    min_password_length = 8
