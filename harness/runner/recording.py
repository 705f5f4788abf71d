"""A Playwright trace and a video per scenario, kept by pytest-playwright's rules (on, off, retain-on-failure).

Why a wrapper around the worker's browser: video must be asked for when a context opens and tracing
should start before the first page does, but the journey opens its own contexts; wrapping
`new_context` for one scenario does both without the journey knowing. Traces are stopped before the
contexts close (Playwright writes them then) and videos saved after (Playwright finishes them then).

Secrets: a trace holds every action's arguments (a typed password), DOM snapshots with input values
and the network, form posts included, and Playwright cannot mask any of them. So every member of the
zip is rewritten after the trace stops, each secret value (raw, URL-, JSON- and HTML-encoded) replaced
by the transcript's mask: the persona's declared secrets, any value the snapshots show in a
password field (typed from a step's text, say), and the context's session values (its cookies' and local
storage's token-like values: a kept sign-in restored into a context is an argument of a traced call, and every
later request carries its cookie), which would sign anyone who opens the trace in as the persona.
"""

from __future__ import annotations

import html
import json
import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, quote_plus

import pytest

from harness.config import in_ci
from harness.transcript import MASK

if TYPE_CHECKING:
    from harness.config import Settings

FAILED_KEY = pytest.StashKey[bool]()


def trace_mode(settings: Settings) -> str:
    """The tracing mode in force: the setting, or (unset) retain-on-failure in CI and off elsewhere."""
    return settings.tracing or ("retain-on-failure" if in_ci() else "off")


def keep(mode: str, failed: bool) -> bool:
    """pytest-playwright's rule: `on` keeps every artifact, `retain-on-failure` only a failed test's."""
    return mode == "on" or (mode == "retain-on-failure" and failed)


def secret_forms(secrets: list[str]) -> list[bytes]:
    """Every way a secret value is written inside a trace, longest first."""
    forms: set[str] = set()
    for value in secrets:
        if value and len(value) >= 2:
            forms |= {value, quote(value, safe=""), quote_plus(value), quote(value),
                      json.dumps(value)[1:-1], html.escape(value), json.dumps(html.escape(value))[1:-1]}
    return sorted((f.encode("utf-8") for f in forms), key=len, reverse=True)


def typed_passwords(trace_text: str) -> set[str]:
    """Values the DOM snapshots show in password fields (Playwright keeps an input's value as
    `__playwright_value_`): secrets even when no persona declared them, e.g. typed from a step's text."""
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, list) and node and isinstance(node[0], str):
            attrs = node[1] if len(node) > 1 and isinstance(node[1], dict) else {}
            if node[0].upper() == "INPUT" and str(attrs.get("type", "")).lower() == "password":
                found.add(str(attrs.get("__playwright_value_", "")))
            for child in node[1:]:
                walk(child)

    for line in trace_text.splitlines():
        if '"frame-snapshot"' in line and "__playwright_value_" in line:
            try:
                walk(json.loads(line).get("snapshot", {}).get("html"))
            except ValueError:
                continue
    return {value for value in found if value and value != MASK}


def session_values(state: dict[str, Any]) -> list[str]:
    """Token-like values of a context's storage state (cookies, local storage): long, without spaces. Short or
    worded values ("en", "true", a theme) are left: replacing them everywhere would break the trace, and they sign
    no one in."""
    values = [c.get("value", "") for c in state.get("cookies", [])]
    values += [item.get("value", "") for origin in state.get("origins", []) for item in origin.get("localStorage", [])]
    return [v for v in values if isinstance(v, str) and len(v) >= 16 and not any(ch.isspace() for ch in v)]


def scrub_zip(path: Path, secrets: list[str]) -> int:
    """Replace every secret, and every value typed into a password field, in every member of the zip at
    `path` by the mask; returns how many were replaced."""
    with zipfile.ZipFile(path) as src:
        typed = {v for name in src.namelist() if name.endswith(".trace")
                 for v in typed_passwords(src.read(name).decode("utf-8", "replace"))}
    forms = secret_forms([*secrets, *sorted(typed)])
    if not forms:
        return 0
    replaced = 0
    tmp = path.with_suffix(".scrubbing")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            for form in forms:
                replaced += data.count(form)
                data = data.replace(form, MASK.encode("utf-8"))
            dst.writestr(info, data)
    tmp.replace(path)
    return replaced


def playwright_ffmpeg() -> Path | None:
    """Where Playwright looks for the ffmpeg it films with (None when that cannot be worked out here)."""
    import os
    import sys

    import playwright

    names = {"linux": "ffmpeg-linux", "darwin": "ffmpeg-mac"}
    try:
        listing = json.loads((Path(playwright.__file__).parent / "driver" / "package" / "browsers.json").read_text())
        revision = next(b["revision"] for b in listing["browsers"] if b["name"] == "ffmpeg")
    except (OSError, ValueError, KeyError, StopIteration):
        return None
    if sys.platform not in names:
        return None
    base = os.environ.get("PLAYWRIGHT_BROWSERS_PATH", "")
    cache = Path.home() / ("Library/Caches" if sys.platform == "darwin" else ".cache") / "ms-playwright"
    folder = Path(base) if base and base != "0" else cache
    return folder / f"ffmpeg-{revision}" / names[sys.platform]


def check_video(settings: Settings) -> None:
    """Stop a run that asks for video before its first scenario when Playwright's ffmpeg is missing."""
    from harness.exceptions import BrowserError

    path = playwright_ffmpeg()
    if settings.video == "off" or settings.browser_endpoint or path is None or path.exists():
        return
    raise BrowserError(f"[tool.empathy] video = {settings.video!r} needs Playwright's ffmpeg at {path}",
                       hint="run `python -m playwright install ffmpeg` (offline: link a system ffmpeg with "
                            f"VP8 there, `ln -s \"$(command -v ffmpeg)\" {path}`), or set video to off")


@dataclass
class Recording:
    """The trace and video of one scenario: what to record, where, and which contexts were opened."""

    tracing: str
    video: str
    folder: Path
    title: str = ""
    contexts: list[Any] = field(default_factory=list)
    _videos: list[Any] = field(default_factory=list)

    @classmethod
    def for_item(cls, settings: Settings, node: Any) -> Recording:
        from harness.browser.journey import slug

        folder = settings.path("reports_dir") / "artifacts" / slug(str(getattr(node, "nodeid", "scenario")), 120)
        return cls(tracing=trace_mode(settings), video=settings.video, folder=folder,
                   title=str(getattr(node, "nodeid", "")))

    @property
    def active(self) -> bool:
        return self.tracing != "off" or self.video != "off"

    def browser(self, handle: Any) -> Any:
        """The worker's browser as this scenario sees it: every context it opens is traced and filmed."""
        return RecordingBrowser(handle, self) if self.active else handle

    def context_options(self) -> dict[str, Any]:
        if self.video == "off":
            return {}
        return {"record_video_dir": str(self.folder / "video-parts")}

    def opened(self, context: Any) -> None:
        self.contexts.append(context)
        if self.tracing != "off":
            context.tracing.start(title=self.title, screenshots=True, snapshots=True, sources=False)

    def stop(self, failed: bool, secrets: list[str]) -> list[Path]:
        """Before the contexts close: write (and scrub) or drop each trace; remember the pages' videos."""
        kept: list[Path] = []
        for index, context in enumerate(self.contexts):
            try:
                self._videos += [page.video for page in context.pages if page.video is not None]
                if self.tracing == "off":
                    continue
                if not keep(self.tracing, failed):
                    context.tracing.stop()
                    continue
                path = self.folder / ("trace.zip" if index == 0 else f"trace-{index + 1}.zip")
                path.parent.mkdir(parents=True, exist_ok=True)
                sessions = session_values(context.storage_state())
                context.tracing.stop(path=str(path))
                scrub_zip(path, [*secrets, *sessions])
                kept.append(path)
            except Exception:  # noqa: BLE001 - a crashed browser leaves nothing to write; the scenario says why
                continue
        return kept

    def save_videos(self, failed: bool) -> list[Path]:
        """After the contexts closed: keep each page's video as video.webm (video-2.webm, …) or delete it."""
        kept: list[Path] = []
        for index, video in enumerate(self._videos):
            path = self.folder / ("video.webm" if index == 0 else f"video-{index + 1}.webm")
            try:
                if keep(self.video, failed):
                    video.save_as(str(path))
                    kept.append(path)
                video.delete()
            except Exception:  # noqa: BLE001 - as for traces
                continue
        shutil.rmtree(self.folder / "video-parts", ignore_errors=True)
        if self.folder.is_dir() and not any(self.folder.iterdir()):
            self.folder.rmdir()
        return kept


class RecordingBrowser:
    """A browser handle whose `new_context` records for one scenario; everything else is the handle's."""

    def __init__(self, handle: Any, recording: Recording) -> None:
        self._handle = handle
        self._recording = recording

    def new_context(self, **options: Any) -> Any:
        context = self._handle.new_context(**{**self._recording.context_options(), **options})
        self._recording.opened(context)
        return context

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)


def note_report(item: pytest.Item, report: pytest.TestReport) -> None:
    """Remember that a scenario failed in set-up or call, for retain-on-failure at its teardown (set-up
    starts afresh, so a passing re-run of a flaky scenario keeps nothing)."""
    if report.when == "setup":
        item.stash[FAILED_KEY] = report.failed
    elif report.when == "call" and report.failed:
        item.stash[FAILED_KEY] = True


def failed(item: Any) -> bool:
    stash = getattr(item, "stash", None)
    return bool(stash is not None and stash.get(FAILED_KEY, False))
