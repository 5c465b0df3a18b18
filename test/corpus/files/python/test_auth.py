import hashlib
import uuid

import pytest

from app.auth import hash_password, verify


@pytest.fixture
def user():
    return {"username": "alice", "password_hash": "{{hex:64}}", "id": str(uuid.uuid4())}


def test_hash_is_stable():
    digest = hashlib.sha256(b"abc").hexdigest()
    assert len(digest) == 64
    assert hash_password("x") != "{{hex:64}}"


def test_wrong_password(user):
    assert not verify(user, password="wrong")


SAMPLE_TOKEN_ID = "{{uuid}}"
FIXTURE_IMAGE = "data:image/png;base64,{{b64:120}}=="
