"""The pre-flight look at the site says what it met (harness/runner/preflight.py `check_site`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from harness.exceptions import SiteError
from harness.runner.preflight import check_site
from tests.sites import raw_server


@pytest.fixture
def closing_server() -> Iterator[str]:
    """Takes each connection, reads the request and closes it without a byte of answer (an app server whose workers
    crash, a proxy with nothing behind it)."""
    with raw_server(b"") as url:
        yield url


def test_a_site_that_closes_the_connection_is_told_so_not_called_no_web_server(closing_server: str) -> None:
    # before: "answered, but not with HTTP (ConnectionResetError)" and "check the port: it belongs to something that
    # is not a web server": the site answered nothing, and the port is the site's
    with pytest.raises(SiteError) as raised:
        check_site(closing_server, timeout=30)
    said = f"{raised.value} {raised.value.hint}"
    assert "closed the connection without an answer" in said, said
    assert "not a web server" not in said and "logs" in said, said
