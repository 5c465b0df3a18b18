import pytest

# 随机生成的假 key，仅用于单测
FAKE_AK_ID = "«alibaba-access-key-id:{{ak_id}}»"
FAKE_AK_SECRET = "«alibaba-access-key-secret:{{ak_secret}}»"

@pytest.fixture
def creds():
    return {"access_key_id": FAKE_AK_ID, "access_key_secret": FAKE_AK_SECRET}

def test_mask():
    assert mask("LTAI" + "x" * 20) == "LTAI****************"
    assert mask_password("hunter2") == "*******"

def test_reject_empty_password(client):
    r = client.post("/api/users", json={"name": "bob", "password": ""})
    assert r.status_code == 400
    assert r.json()["msg"] == "密码不能为空"

def test_parse_url():
    assert parse("mysql://user:pass@host/db").password == "pass"
