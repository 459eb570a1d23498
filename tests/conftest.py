import os

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _english_off(settings):
    """Pages render in Dutch unless a test switches language."""
    settings.LANGUAGE_CODE = "nl"
