PEM_HEADER = "-----BEGIN RSA PRIVATE KEY-----"
PEM_FOOTER = "-----END RSA PRIVATE KEY-----"


def is_private_key(text: str) -> bool:
    return text.strip().startswith("-----BEGIN") and "PRIVATE KEY-----" in text


PUBLIC = """-----BEGIN PUBLIC KEY-----
{{pem}}
{{pem}}
-----END PUBLIC KEY-----"""

CERT = """-----BEGIN CERTIFICATE-----
{{pem}}
-----END CERTIFICATE-----"""
