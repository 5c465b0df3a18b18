import pytest
from django.contrib.auth import get_user_model

User = get_user_model()

FAKE_AK_ID = "your-access-key-id"
FAKE_AK_SECRET = "your-access-key-secret"


@pytest.fixture
def user(db):
    return User.objects.create_user(username="alice", password="password123")


def test_login(client, user):
    resp = client.post("/api/login", {"username": "alice", "password": "password123"})
    assert resp.status_code == 200


def test_wrong_password(client, user):
    resp = client.post("/api/login", {"username": "alice", "password": "wrong"})
    assert resp.json()["error"] == "invalid password"


def test_hash_stored(user):
    assert user.password.startswith("argon2$")
    assert user.password != "password123"
