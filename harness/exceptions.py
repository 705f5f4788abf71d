"""Every error the harness raises on purpose: one flat family, each says what to fix."""

from __future__ import annotations


class EmpathyError(Exception):
    """Base of all harness errors; the CLI prints its message on one line and exits with `exit_code`."""

    exit_code = 2

    def __init__(self, message: str, *, hint: str = "") -> None:
        self.message = message
        self.hint = hint
        super().__init__(f"{message} ({hint})" if hint else message)


class ConfigError(EmpathyError):
    """A `[tool.empathy]` setting, CLI flag or environment variable has a bad value."""

    exit_code = 3


class PersonaError(EmpathyError):
    """A persona file is missing, unknown, or breaks the persona schema."""

    exit_code = 4


class FeatureError(EmpathyError):
    """A feature file cannot be parsed or uses a step, persona or page that does not exist."""

    exit_code = 5


class SiteError(EmpathyError):
    """The site under test cannot be reached, answers 5xx on the first page, or is not HTTP."""

    exit_code = 6


class BrowserError(EmpathyError):
    """No usable browser: not installed, not launchable, or a remote endpoint that does not answer."""

    exit_code = 7


class ModelError(EmpathyError):
    """The embedding model is missing, cannot load, or its weights do not match the pinned checksum."""

    exit_code = 8


class ReportError(EmpathyError):
    """A reports folder cannot be written, or results to build a report from are missing."""

    exit_code = 9


class TranscriptError(EmpathyError):
    """A transcript file cannot be read or does not match the transcript schema."""

    exit_code = 10


class UndefinedStepError(FeatureError):
    """A feature file uses a step that no step definition matches."""

    exit_code = 11


class AmbiguousStepError(FeatureError):
    """A feature file uses a step that more than one step definition matches."""

    exit_code = 12


class UnknownPageError(ConfigError):
    """A step names a page that is not under `[tool.empathy.pages]`."""

    exit_code = 13
