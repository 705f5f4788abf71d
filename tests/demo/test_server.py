"""The real threaded server: serves on 127.0.0.1, a slow submit blocks nobody, a taken port is one clear error."""

from __future__ import annotations

import http.cookiejar
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
from types import SimpleNamespace

import pytest

from harness.demo import claims
from harness.demo.app import create_app
from harness.demo.server import DemoServer
from harness.exceptions import ConfigError

from .journeys import STEP1, STEP2, STEP3


def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))


def _post(opener: urllib.request.OpenerDirector, url: str, data: dict[str, str]) -> str:
    with opener.open(url, data=urllib.parse.urlencode(data).encode(), timeout=10) as response:
        return str(response.geturl())


def test_serves_the_variant_on_loopback() -> None:
    with DemoServer("cold", port=0) as server:
        assert server.url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(server.url + "/claims/new", timeout=5) as response:
            assert response.status == 200 and response.headers["X-Demo-Variant"] == "cold"
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(server.url + "/", timeout=1)  # stopped: nothing listens any more


def test_slow_submit_does_not_block_other_requests_and_files_once(monkeypatch: pytest.MonkeyPatch) -> None:
    sending, answered = threading.Event(), threading.Event()

    def back_office(seconds: float) -> None:
        """The submit stays pending until the test has its answer: proved by order, not by a time window."""
        sending.set()
        assert answered.wait(60), "the test never released the submit"

    monkeypatch.setattr(claims, "time", SimpleNamespace(sleep=back_office))
    with DemoServer("warm", submit_delay=1.2) as server:
        opener = _opener()
        _post(opener, server.url + "/claims/new", STEP1)
        _post(opener, server.url + "/claims/new/2", STEP2)
        with opener.open(server.url + "/claims/new/3", timeout=5) as response:
            token = response.read().decode().split('name="token" value="')[1].split('"')[0]
        landed: list[str] = []
        clicks = [threading.Thread(target=lambda: landed.append(
            _post(opener, server.url + "/claims/new/3", {**STEP3, "token": token}))) for _ in range(2)]
        records = server.app.extensions["demo_portal"].records
        try:
            clicks[0].start()
            assert sending.wait(30), "the submit never reached the back office"
            clicks[1].start()  # a second click while the first is still sending
            with urllib.request.urlopen(server.url + "/", timeout=30) as response:
                assert response.status == 200
            assert not records.claims, "the home page waited for the slow submit"
        finally:
            answered.set()
        for click in clicks:
            click.join(timeout=30)
    assert landed == [server.url + "/claims/confirmation"] * 2
    assert len(records.claims) == 1


def test_taken_port_is_one_clear_error() -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen(1)
        port = holder.getsockname()[1]
        with pytest.raises(ConfigError) as caught:
            DemoServer("warm", port=port).start()
    assert str(caught.value) == (f"port {port} on 127.0.0.1 is already in use "
                                 "(choose another with --port, or stop what is using it)")


def test_only_loopback_hosts() -> None:
    with pytest.raises(ConfigError, match="not a loopback address"):
        DemoServer("warm", host="0.0.0.0").start()


@pytest.mark.parametrize("option", [{"submit_delay": -1}, {"session_timeout": 0}, {"agent_delay": 1e9}])
def test_out_of_range_timings_are_refused(option: dict[str, float]) -> None:
    name = next(iter(option))
    with pytest.raises(ConfigError, match=f"{name}=.* is out of range"):
        create_app("warm", **option)  # type: ignore[arg-type]
