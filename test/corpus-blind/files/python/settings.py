import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-dev-only")
DEBUG = True

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.mysql",
        "NAME": "crm",
        "USER": "crm",
        "PASSWORD": "«password-assignment:{{password}}»",
        "HOST": "10.10.0.12",
        "PORT": "3306",
    },
    "replica": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "crm",
        "USER": "readonly",
        "PASSWORD": os.environ.get("REPLICA_PASSWORD", ""),
        "HOST": "10.10.0.13",
    },
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]

EMAIL_HOST = "smtp.163.com"
EMAIL_HOST_USER = "alerts@163.com"
EMAIL_HOST_PASSWORD = "«password-assignment:{{password}}»"

CELERY_BROKER_URL = "redis://:«connection-string-password:{{password}}»@10.10.0.20:6379/1"
CACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": "redis://127.0.0.1:6379/0"}}
SQLALCHEMY_DATABASE_URI = "mysql+pymysql://report:«connection-string-password:{{password}}»@10.10.0.12:3306/report?charset=utf8mb4"
MONGO_URI = "mongodb://localhost:27017/logs"
