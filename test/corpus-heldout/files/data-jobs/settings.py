"""Django settings for the data portal."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-{{lower:50}}")
DEBUG = os.environ.get("DEBUG", "0") == "1"
ALLOWED_HOSTS = ["portal.acme.cn", "localhost"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "portal",
        "USER": "portal",
        "PASSWORD": "«password-assignment:{{password}}»",
        "HOST": "pgm-bp1xyz.pg.rds.aliyuncs.com",
        "PORT": "5432",
    },
    "analytics": {
        "ENGINE": "django.db.backends.mysql",
        "NAME": "analytics",
        "USER": os.environ["ANALYTICS_DB_USER"],
        "PASSWORD": os.environ["ANALYTICS_DB_PASSWORD"],
        "HOST": "analytics-db",
    },
}

CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://:«connection-string-password:{{password}}»@r-bp1cache.redis.rds.aliyuncs.com:6379/1",
    }
}

CELERY_BROKER_URL = os.getenv("CELERY_BROKER_URL", "redis://localhost:6379/0")

EMAIL_HOST = "smtpdm.aliyun.com"
EMAIL_PORT = 465
EMAIL_HOST_USER = "noreply@mail.acme.cn"
EMAIL_HOST_PASSWORD = "«password-assignment:{{humanpw}}»"
EMAIL_USE_SSL = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]

PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]

ALIYUN_OSS = {
    "ACCESS_KEY_ID": os.getenv("OSS_ACCESS_KEY_ID", ""),
    "ACCESS_KEY_SECRET": os.getenv("OSS_ACCESS_KEY_SECRET", ""),
    "BUCKET_NAME": "acme-portal-media",
    "ENDPOINT": "oss-cn-hangzhou.aliyuncs.com",
}

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
