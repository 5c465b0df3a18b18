import os

from huggingface_hub import hf_hub_download
from telegram import Bot

# Local fallbacks; CI sets the real ones.
BOT = Bot(token=os.environ.get("TELEGRAM_BOT_TOKEN", "«telegram-bot-token:{{digits:9}}:AA{{alnum:33}}»"))
MODEL = hf_hub_download(repo_id="org/model", filename="config.json", token="«huggingface-token:hf_{{alnum:34}}»")
DO_TOKEN = "dop_v1_" + os.environ["DO_SUFFIX"]
VAULT = {"token": "«vault-token:hvb.{{alnum:90}}»", "addr": "https://vault.internal.corp:8200"}
