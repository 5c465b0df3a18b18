import base64
import os

import requests

API = "https://api.corp.internal/v1"

session = requests.Session()
session.auth = ("svc-report", "«password-assignment:{{password}}»")

legacy_headers = {"Authorization": "Basic «http-basic-auth:{{basic}}»"}


def headers_for(user: str, password: str) -> dict:
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    return {"Authorization": "Basic " + token}


def fetch(path: str):
    return requests.get(f"{API}/{path}", auth=(os.environ["API_USER"], os.environ["API_PASSWORD"]), timeout=10)


def basic_example():
    """A basic example: call fetch("items") and print the result."""
    return fetch("items").json()
