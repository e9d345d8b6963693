import pytest


@pytest.fixture(autouse=True)
def _fast_and_private(settings, tmp_path):
    # Test accounts need no slow password hash; uploaded files go to a throwaway MEDIA_ROOT.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
