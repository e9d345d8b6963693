"""Every server error is logged with its traceback: a 500 the user sees as the Chinese error page
leaves the time, the level, the logger and the traceback on stderr (the service's journal)."""

from __future__ import annotations

import io
import logging

import pytest
from django.urls import include, path


class Boom(RuntimeError):
    pass


def _explodes(request):
    raise Boom("the ledger fell over")


# The site's own URLs too: the error pages link to them.
urlpatterns = [path("explodes/", _explodes), path("", include("zhibu.urls"))]


@pytest.fixture
def exploding_site(settings, client):
    settings.ROOT_URLCONF = __name__
    client.raise_request_exception = False  # as a real server: a 500 page, not an exception in the test
    return client


def _server_error_handler() -> logging.Handler:
    (handler,) = logging.getLogger("django.request").handlers
    return handler


def test_a_server_error_is_logged_with_its_traceback(exploding_site, caplog):
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = exploding_site.get("/explodes/")
    assert response.status_code == 500
    (record,) = [r for r in caplog.records if r.name == "django.request"]
    assert record.levelno == logging.ERROR and "/explodes/" in record.getMessage()
    assert record.exc_info and record.exc_info[0] is Boom
    assert "Traceback (most recent call last)" in caplog.text
    assert "_explodes" in caplog.text and "Boom: the ledger fell over" in caplog.text


def test_the_configured_handler_writes_time_level_logger_and_traceback(exploding_site):
    handler = _server_error_handler()
    assert isinstance(handler, logging.StreamHandler) and handler.level == logging.ERROR
    stream = io.StringIO()
    previous = handler.setStream(stream)
    try:
        assert exploding_site.get("/explodes/").status_code == 500
        assert exploding_site.get("/nowhere/").status_code == 404  # a 404 is no server error
    finally:
        handler.setStream(previous)
    out = stream.getvalue()
    first = out.splitlines()[0]
    assert first[:4].isdigit() and " ERROR django.request " in first and "/explodes/" in first
    assert "Traceback (most recent call last)" in out and "Boom: the ledger fell over" in out
    assert "/nowhere/" not in out
