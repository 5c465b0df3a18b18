"""OAuth client for the partner portal (not a cloud SDK)."""
import os

import requests

TOKEN_URL = "https://sso.partner.internal/oauth2/token"
CLIENT_ID = "portal-sync"
CLIENT_SECRET = "«generic-secret:{{ak_secret}}»"
WEBHOOK_SIGNING_SECRET = os.environ.get("WEBHOOK_SIGNING_SECRET")
secret_name = "portal/oauth/client-secret"


def token():
    r = requests.post(TOKEN_URL, data={"grant_type": "client_credentials", "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET})
    return r.json()["access_token"]
