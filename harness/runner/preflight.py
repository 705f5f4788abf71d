"""Pre-flight checks: refuse a run that cannot succeed, with one clear line, before any scenario starts.

Why: a mistyped base URL, a dead staging site, a missing browser or model, an unwritable reports
folder, or a feature file with an unknown step would otherwise fail every scenario one by one, each
with a long traceback. Each is checked once, and a failure stops the whole run through `pytest.exit`
with the harness's own exit code (see `harness.exceptions`), both under `empathy run` and plain pytest.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn
from urllib.parse import urlsplit

import pytest

from harness.exceptions import EmpathyError, FeatureError, ReportError, SiteError

if TYPE_CHECKING:
    from harness.config import Settings

#: Upper bound on the first request to the site; a site slower than this is reported as hanging.
SITE_TIMEOUT_S = 10.0

#: This run's pre-flight stop: (the harness error's exit code, its line). Kept on the run's config, not in the module:
#: a pytest run inside another (pytester's, in-process) has stops of its own; an xdist worker's is carried to its
#: controller's config (`pytest_testnodedown`).
_STOP = pytest.StashKey[tuple[int, str]]()
_WORKER_STOP = "empathy_stop"  # the workeroutput key of a worker's stop: [exit code, line]


def stop(config: pytest.Config, exc: EmpathyError) -> NoReturn:
    """End the pytest run now with the error's one line and exit code (no traceback)."""
    halt(config, f"empathy: {exc}", exc.exit_code)


def halt(config: pytest.Config, line: str, code: int) -> NoReturn:
    """End the pytest run now with this line and exit code, noted as this run's pre-flight stop (`stopped`)."""
    config.stash[_STOP] = (code, line)
    pytest.exit(line, returncode=code)


def stopped(config: pytest.Config) -> int | None:
    """The exit code of this run's pre-flight stop (on the xdist controller: a worker's too), or None.

    `empathy run` reads it because pytest's own codes overlap the harness's (pytest's 4 is not a PersonaError)."""
    return config.stash[_STOP][0] if _STOP in config.stash else None


class RunWatch:
    """Handed to `pytest.main` by `empathy run`: the run's config, to read its pre-flight stop once it returned."""

    def __init__(self) -> None:
        self.config: pytest.Config | None = None

    @pytest.hookimpl(tryfirst=True)
    def pytest_cmdline_main(self, config: pytest.Config) -> None:
        self.config = config  # before pytest_configure, where a stop may come first (the reports unwritable)

    def stopped(self) -> int | None:
        """This run's pre-flight stop's exit code, or None (also when pytest stopped before it had a config)."""
        return stopped(self.config) if self.config is not None else None


@contextmanager
def stopping_on_error(config: pytest.Config) -> Iterator[None]:
    """Turn a harness error raised inside the block into a clean stop of the whole run."""
    try:
        yield
    except EmpathyError as exc:
        stop(config, exc)


def check_thresholds(settings: Settings) -> None:
    """Every name under [tool.empathy.thresholds] is a rule's threshold or a recorder bound: a misspelt one
    stops the run here, not in every scenario."""
    from harness.browser.bounds import Limits
    from harness.checks import validate_settings

    validate_settings(settings)
    Limits.from_settings(settings)


def check_site(base_url: str, *, timeout: float = SITE_TIMEOUT_S, named: str = "base_url",
               fix: str = "base_url / --base-url") -> int:
    """GET the base URL once; SiteError when it is not HTTP(S), unreachable, hanging or answering 5xx.

    `named` and `fix` say where the address came from in the message and its hint (`empathy audit` takes it as its
    argument: a user told to fix base_url or --base-url would look for a setting and an option it does not have)."""
    parts = urlsplit(base_url)
    where = 'base_url = "https://staging.example.com" under [tool.empathy] in pyproject.toml'
    if not base_url.strip():
        raise SiteError("[tool.empathy] base_url is not set: the harness does not know which site to test",
                        hint=f"set {where}, or pass --base-url (or EMPATHY_BASE_URL) with your site's address")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SiteError(f"[tool.empathy] base_url: {base_url!r} is not an http:// or https:// address",
                        hint=f"set {where}, or pass --base-url with your site's address")
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    request = urllib.request.Request(base_url, headers={"User-Agent": "empathy-harness pre-flight"})
    try:
        with opener.open(request, timeout=timeout) as response:
            status = int(response.status)
    except urllib.error.HTTPError as exc:
        status = int(exc.code)
    except urllib.error.URLError as exc:
        raise _unreachable(base_url, exc.reason, timeout, named, fix) from None
    except (http.client.RemoteDisconnected, ConnectionResetError, ConnectionAbortedError):
        raise SiteError(f"{named} {base_url} closed the connection without an answer",
                        hint="something listens there but answers nothing: check the site's logs (its app "
                             f"server crashing, a proxy with no site behind it), or that {fix} is its port") from None
    except (http.client.HTTPException, ConnectionError) as exc:
        raise SiteError(f"{named} {base_url} answered, but not with HTTP ({type(exc).__name__})",
                        hint="check the port: it belongs to something that is not a web server") from None
    except TimeoutError:
        raise _unreachable(base_url, TimeoutError(), timeout, named, fix) from None
    except OSError as exc:
        raise _unreachable(base_url, exc, timeout, named, fix) from None
    if status >= 500:
        raise SiteError(f"{named} {base_url} answered HTTP {status} on the first page",
                        hint=f"the site is up but failing; check its logs or point {named} at a healthy "
                             "deployment")
    return status


def _unreachable(base_url: str, reason: object, timeout: float, named: str, fix: str) -> SiteError:
    if isinstance(reason, TimeoutError | socket.timeout):
        return SiteError(f"{named} {base_url} did not answer within {timeout:g} s",
                         hint=f"the site hangs; check that it is up, or point {named} at another deployment")
    if isinstance(reason, ConnectionRefusedError):
        return SiteError(f"{named} {base_url} refused the connection (nothing is listening there)",
                         hint=f"start the site (for the demo: `empathy demo serve`) or fix {fix}")
    if isinstance(reason, ssl.SSLError):
        return SiteError(f"{named} {base_url}: TLS failed ({reason.__class__.__name__})",
                         hint="use http:// if the site does not speak https, or fix its certificate")
    if isinstance(reason, socket.gaierror):
        return SiteError(f"{named} {base_url}: the host name does not resolve",
                         hint=f"fix the host name in {fix}")
    text = str(reason).splitlines()[0][:200] if str(reason) else type(reason).__name__
    return SiteError(f"{named} {base_url} cannot be reached: {text}",
                     hint=f"check that the site is running and {fix} is right")


def check_reports_dir(reports: Path) -> None:
    """ReportError unless the reports folder can be created and written to."""
    probe = reports / f".empathy-write-test-{uuid.uuid4().hex[:8]}"
    try:
        reports.mkdir(parents=True, exist_ok=True)
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise ReportError(f"[tool.empathy] reports_dir: {reports} cannot be written ({exc.strerror or exc})",
                          hint="point reports_dir (or --alluredir) at a writable folder, or fix its "
                               "permissions") from None


def check_model(settings: Settings) -> None:
    """ModelError (with the install hint) when checks will run and the model is missing or altered."""
    if not settings.auto_check:
        return
    from harness.language.embeddings import verify_weights

    verify_weights()


def check_outputs(config: pytest.Config, settings: Settings) -> None:
    """Stop the run when the reports folder or the Allure results folder cannot be written."""
    folders = [settings.path("reports_dir")]
    alluredir = str(getattr(config.option, "allure_report_dir", "") or "")
    if alluredir:
        folders.append(Path(alluredir))
    with stopping_on_error(config):
        for folder in folders:
            check_reports_dir(folder)


@contextmanager
def open_browser(config: pytest.Config, settings: Settings) -> Iterator[Any]:
    """The worker's browser, after the site and model checks; any harness error stops the run cleanly."""
    from harness.browser.session import launch_browser
    from harness.runner.recording import check_video

    with stopping_on_error(config):
        check_thresholds(settings)
        check_site(settings.base_url)
        check_model(settings)
        check_video(settings)
        handle = launch_browser(settings)
    with handle:
        yield handle


# -- pytest hooks (the plugin registers this module next to itself) ---------------------------------
def pytest_addoption(parser: pytest.Parser) -> None:
    parser.getgroup("empathy").addoption(
        "--empathy-no-preflight", dest="empathy_no_preflight", action="store_true", default=False,
        help="Skip the feature-file check before collection (steps defined outside steps_dir).")


def journey_run(config: pytest.Config) -> bool:
    """A run of feature files with Allure results (`empathy run`), not a unit-test run of step code."""
    return bool(getattr(config.option, "allure_report_dir", "") or "")


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    """Before Allure creates its folder: stop a journey run whose output folders cannot be written."""
    if not journey_run(config) or hasattr(config, "workerinput"):
        return
    from harness.runner.options import settings_of

    try:
        settings = settings_of(config)
    except Exception:  # noqa: BLE001 - the options module reports bad settings itself
        return
    check_outputs(config, settings)



def feature_files_to_run(config: pytest.Config, settings: Settings) -> list[Path]:
    """The .feature files this run will collect: named ones, and those under features_dir in named folders."""
    features_dir = settings.path("features_dir").resolve()
    root = Path(config.invocation_params.dir)
    found: list[Path] = []
    for arg in config.args:
        path = (root / str(arg).split("::", 1)[0]).resolve()
        if path.is_file() and path.suffix == ".feature":
            found.append(path)
        elif path.is_dir():
            for candidate in sorted(path.rglob("*.feature")):
                resolved = candidate.resolve()
                if features_dir == resolved.parent or features_dir in resolved.parents:
                    found.append(resolved)
    return list(dict.fromkeys(found))


def _none_collected(config: pytest.Config, settings: Settings) -> None:
    """A folder named on the command line whose feature files all lie outside `features_dir` (left alone there, as
    drafts and fixtures are): stop with what to do, not a run of no scenario ("no scenario finished")."""
    root = Path(config.invocation_params.dir)
    for arg in config.args:
        folder = root / str(arg).split("::", 1)[0]
        outside = sorted(folder.rglob("*.feature")) if folder.is_dir() else []
        if outside:
            one = outside[0].relative_to(root) if outside[0].is_relative_to(root) else outside[0]
            halt(config, f"empathy: {arg} holds {len(outside)} feature file(s), none under features_dir "
                         f"({settings.features_dir}); name them (empathy run {one}) or set features_dir to their "
                         "folder", FeatureError.exit_code)


def check_features(config: pytest.Config) -> None:
    """Run `empathy check` on the feature files about to be collected; stop on the first kind of error."""
    from harness.features.catalogue import load_catalogue
    from harness.features.checker import Checker
    from harness.runner.options import settings_of

    settings = settings_of(config)
    files = feature_files_to_run(config, settings)
    if not files:
        _none_collected(config, settings)
        return
    with stopping_on_error(config):
        result = Checker(load_catalogue(settings), settings).check_paths(files)
    errors = [d for d in result.diagnostics if d.severity == "error"]
    if errors:
        lines = "\n".join(d.format() for d in errors)
        halt(config, f"empathy: the feature files have {len(errors)} problem(s); fix them (or run "
                     f"`empathy check`) before the journeys can run:\n{lines}", result.exit_code)


@pytest.hookimpl(tryfirst=True)
def pytest_collection(session: pytest.Session) -> None:
    """Check the feature files before pytest-bdd parses them, so mistakes are reported by file and line.

    Only in a journey run (`empathy run`, or pytest with --alluredir): a unit-test run of step code
    keeps pytest-bdd's own per-scenario errors.
    """
    config = session.config
    if config.getoption("empathy_no_preflight", default=False) or hasattr(config, "workerinput"):
        return
    if not journey_run(config):
        return
    check_features(config)



@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_sessionfinish(session: pytest.Session) -> Iterator[None]:
    """A worker a pre-flight check stopped (the site down, no browser: checked where the browser opens) asks its
    controller to stop the run with its line, before xdist reads `shouldstop`: else the controller takes the
    scenario it never ran for a crash (an INTERNALERROR traceback, the line lost, the last run's results thrown
    away). After every attempt is written: mark tests that passed only on retry as flaky in the Allure results."""
    config = session.config
    workeroutput = getattr(config, "workeroutput", None)
    stop_made = config.stash.get(_STOP, None)
    if workeroutput is not None and stop_made is not None:
        session.shouldstop = stop_made[1]
        workeroutput[_WORKER_STOP] = [*stop_made]
    yield
    code = stopped(config)
    if workeroutput is None and code is not None and session.exitstatus == pytest.ExitCode.INTERRUPTED:
        session.exitstatus = code  # a worker's stop: its own code, as in one process
    alluredir = str(getattr(config.option, "allure_report_dir", "") or "")
    if alluredir and workeroutput is None:
        from harness.runner.retries import mark_flaky

        mark_flaky(Path(alluredir))


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: object) -> None:
    """The controller takes a worker's pre-flight stop as its own: `empathy run` restores the last run's results
    and exits with the stop's code, as without workers."""
    code, line = getattr(node, "workeroutput", {}).get(_WORKER_STOP) or (None, "")
    if code is not None and _STOP not in node.config.stash:
        node.config.stash[_STOP] = (int(code), str(line))
