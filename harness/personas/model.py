"""The persona schema: traits as numbers and flags, validated so a typo in YAML is caught, not ignored.

Why pydantic with `extra="forbid"` and ranges: a persona file is written by people, and a misspelt
habit or a probability of 5 would otherwise silently change how the browser behaves. The loader
turns validation errors into one line naming the file, the key path and what is allowed (it reads
the ranges and choices straight from these fields, so the message cannot drift from the schema).

Time: every trait is in the persona's own milliseconds ("accounted" time, what a real person would
spend). A global `time_scale` turns it into the time the harness actually sleeps, so CI can run at
0 while reports still show how long the journey took for the person.
"""

from __future__ import annotations

import difflib
import json
import re
import types
import typing
from pathlib import Path
from typing import Any, Literal, NamedTuple

import annotated_types
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationInfo, field_validator, model_validator

from harness.personas.keys import DETAIL_KEYS

NAME_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,63}$"
KEY_PATTERN = r"^[a-z][a-z0-9_]{0,63}$"
ENV_PATTERN = r"^[A-Z_][A-Z0-9_]{0,127}$"
HABITS = ("go_back", "reload_while_waiting", "double_click_submit", "skip_optional", "typo", "open_help")

# Keystroke-Level Model operators (Card, Moran & Newell), in ms. K (keystroke) and M (mental
# preparation) come from the persona; the others are the model's published constants.
KLM_POINT_MS = 1100.0  # P: point at a target with the mouse
KLM_BUTTON_MS = 100.0  # B: press or release a mouse button (a click is BB)
KLM_HOME_MS = 400.0  # H: move a hand between mouse and keyboard

ActionName = Literal[
    "click",
    "fill",
    "choose",
    "tick",
    "press",
    "upload",
    "chat",
    "back",
    "reload",
    "goto",
    "sign-in",
    "sign-out",
    "help",
    "scroll",
    "wait",
]


class Timing(NamedTuple):
    """How long something takes the person (`accounted_ms`) and how long the harness sleeps (`sleep_ms`)."""

    accounted_ms: float
    sleep_ms: float


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Pace(_Strict):
    """How fast the person reads, types and decides."""

    reading_wpm: int = Field(238, ge=20, le=1000, description="Reading speed in words per minute (adult average ~238).")
    typing_delay_ms: int = Field(
        240, ge=0, le=2000, description="Delay per keystroke in ms (KLM keystroke: 200-280 ms)."
    )
    think_time_ms: int = Field(
        1350, ge=0, le=30000, description="Mental preparation before each action in ms (KLM 'M': 1350 ms)."
    )


class Patience(_Strict):
    """How long the person waits, and how much effort they accept, before they act or give up."""

    silence_ms: int = Field(
        10000,
        ge=100,
        le=600000,
        description="Wait with no sign of progress before they act (see on_silence), ms.",
    )
    give_up_ms: int = Field(60000, ge=1000, le=3600000, description="Total wait after which they abandon the task, ms.")
    failed_attempts_before_help: int = Field(
        3, ge=0, le=20, description="Failed attempts before they look for a human."
    )
    on_silence: Literal["reload", "click-again", "go-back", "wait"] = Field(
        "wait", description="What they do when silence_ms passes with no sign of progress."
    )
    max_steps: int = Field(
        8, ge=1, le=100, description="Pages or steps they accept for one task before it feels like too much."
    )
    max_fields: int = Field(
        20, ge=1, le=200, description="Fields they accept filling for one task before it feels like too much."
    )

    @model_validator(mode="after")
    def _give_up_after_silence(self) -> Patience:
        if self.give_up_ms < self.silence_ms:
            raise ValueError(f"give_up_ms ({self.give_up_ms}) must be at least silence_ms ({self.silence_ms})")
        return self


class Habits(_Strict):
    """Things the person tends to do, each a probability from 0 (never) to 1 (always)."""

    go_back: float = Field(0.0, ge=0.0, le=1.0, description="Goes back to check an earlier page.")
    reload_while_waiting: float = Field(0.0, ge=0.0, le=1.0, description="Reloads the page while waiting.")
    double_click_submit: float = Field(0.0, ge=0.0, le=1.0, description="Double-clicks submit buttons.")
    skip_optional: float = Field(0.0, ge=0.0, le=1.0, description="Leaves optional fields empty.")
    typo: float = Field(0.0, ge=0.0, le=1.0, description="Makes a typo in a field and corrects it.")
    open_help: float = Field(0.0, ge=0.0, le=1.0, description="Opens help or guidance text.")


class Expectations(_Strict):
    """What the person expects the service to do; checks use these to decide what counts as a miss."""

    recognised: bool = Field(False, description="Expects to be recognised and pre-filled (returning customer).")
    reference: bool = Field(True, description="Expects a reference number after submitting.")
    next_steps: bool = Field(True, description="Expects to be told what happens next, and when.")
    reassurance: bool = Field(True, description="Expects a sign of progress during any wait over a second.")
    human_route: bool = Field(False, description="Expects a visible way to reach a person.")


class PersonaDataSpec(_Strict):
    """Which personal details the persona gives, and where fixed values and secrets come from."""

    fixed: dict[str, str] = Field(
        default_factory=dict, description="Detail key -> a fixed value (quoted text) used instead of Faker's."
    )
    secrets: dict[str, str] = Field(
        default_factory=dict, description="Detail key -> NAME of the environment variable holding it."
    )
    patterns: dict[str, str] = Field(
        default_factory=dict, description="Detail key -> pattern, '#' a digit, '?' a letter: 'POL-########'."
    )
    # declared last so its validator can accept the keys named in fixed, secrets and patterns
    fields: list[str] = Field(
        default_factory=list, description="Detail keys to generate; empty means every standard detail."
    )

    @field_validator("fixed", "secrets", "patterns")
    @classmethod
    def _key_names(cls, value: dict[str, str]) -> dict[str, str]:
        for key in value:
            if not re.match(KEY_PATTERN, key):
                raise ValueError(f"detail key {key!r} must be lower_snake_case letters, digits and _")
        return value

    @field_validator("secrets")
    @classmethod
    def _env_names(cls, value: dict[str, str]) -> dict[str, str]:
        for key, env in value.items():
            if not re.match(ENV_PATTERN, env):
                raise ValueError(
                    f"secret {key!r} must name an environment variable "
                    "(UPPER_CASE, e.g. EMPATHY_DEMO_PASSWORD); never put the secret itself here"
                )
        return value

    @field_validator("patterns")
    @classmethod
    def _pattern_shape(cls, value: dict[str, str]) -> dict[str, str]:
        for key, pattern in value.items():
            if not 1 <= len(pattern) <= 64 or not any(c in "#?" for c in pattern):
                raise ValueError(f"pattern for {key!r} must be 1-64 characters with at least one '#' or '?'")
        return value

    @field_validator("fields")
    @classmethod
    def _known_fields(cls, value: list[str], info: ValidationInfo) -> list[str]:
        known = set(DETAIL_KEYS)
        for other in ("fixed", "secrets", "patterns"):
            known |= set(info.data.get(other) or {})
        for key in value:
            if key not in known:
                close = difflib.get_close_matches(key, sorted(known), n=1)
                tip = f"; did you mean {close[0]!r}?" if close else ""
                raise ValueError(f"unknown detail {key!r}{tip}")
        return value

    @model_validator(mode="after")
    def _secrets_stay_out_of_the_file(self) -> PersonaDataSpec:
        both = sorted(set(self.fixed) & set(self.secrets))
        if both:
            raise ValueError(f"{both[0]!r} is both fixed and secret; a secret's value never goes in the file")
        return self


class Assistive(_Strict):
    """Assistive technology the person relies on."""

    screen_reader: bool = Field(False, description="Perceives status only through ARIA live regions and roles.")


class Persona(_Strict):
    """One synthetic person: identity, pace, patience, habits, expectations and the data they give."""

    name: str = Field(pattern=NAME_PATTERN, description="Persona id; must equal the file name without .yaml.")
    description: str = Field(min_length=1, max_length=500, description="Who this is, in a sentence.")
    aliases: list[str] = Field(
        default_factory=list, description="Phrases feature files may use for it ('an anxious customer')."
    )
    locale: str = Field("en_GB", description="Faker locale for generated data, e.g. en_GB, en_US, fr_FR.")
    extends: str | None = Field(
        None,
        pattern=NAME_PATTERN,
        description="Persona to build on; this file's keys are deep-merged over it.",
    )
    pace: Pace = Field(
        default_factory=lambda: Pace.model_validate({}), description="Reading, typing and thinking speed."
    )
    patience: Patience = Field(
        default_factory=lambda: Patience.model_validate({}), description="Waiting and effort tolerance."
    )
    habits: Habits = Field(
        default_factory=lambda: Habits.model_validate({}), description="Probabilities of habitual actions."
    )
    expectations: Expectations = Field(
        default_factory=lambda: Expectations.model_validate({}), description="What they expect to see."
    )
    data: PersonaDataSpec = Field(
        default_factory=lambda: PersonaDataSpec.model_validate({}), description="Personal details they give."
    )
    account: bool = Field(False, description="Has an account with the service (can sign in).")
    assistive: Assistive = Field(
        default_factory=lambda: Assistive.model_validate({}), description="Assistive technology in use."
    )

    _sources: tuple[Path, ...] = PrivateAttr(default=())
    _origin: str = PrivateAttr(default="")

    @field_validator("aliases")
    @classmethod
    def _alias_text(cls, value: list[str]) -> list[str]:
        for alias in value:
            if not alias.strip() or len(alias) > 120:
                raise ValueError("each alias must be non-empty text of at most 120 characters")
        return value

    @field_validator("locale")
    @classmethod
    def _known_locale(cls, value: str) -> str:
        from faker.config import AVAILABLE_LOCALES  # why here: faker is slow to import

        if value not in AVAILABLE_LOCALES:
            close = difflib.get_close_matches(value, AVAILABLE_LOCALES, n=1)
            tip = f"; did you mean {close[0]!r}?" if close else ""
            raise ValueError(f"{value!r} is not a Faker locale{tip}")
        return value

    # -- where it came from (set by the loader) --------------------------------------------------
    @property
    def source(self) -> Path | None:
        """The persona's own file (None when built in code)."""
        return self._sources[0] if self._sources else None

    @property
    def sources(self) -> tuple[Path, ...]:
        """This file, then the files it extends, in order."""
        return self._sources

    @property
    def origin(self) -> str:
        """'built-in' or 'workspace' ('' when built in code)."""
        return self._origin

    @property
    def summary(self) -> str:
        """The first line of the description, for one-line listings."""
        return self.description.strip().splitlines()[0] if self.description.strip() else ""

    # -- time ------------------------------------------------------------------------------------
    def reading_time(self, text: str, time_scale: float = 1.0) -> Timing:
        """Time to read `text` at this persona's words per minute."""
        words = len(re.findall(r"\w+", text))
        accounted = words * 60000.0 / self.pace.reading_wpm
        return Timing(accounted, accounted * max(time_scale, 0.0))

    def action_time(self, action: ActionName | str = "click", *, chars: int = 0, time_scale: float = 1.0) -> Timing:
        """KLM-like time for one action: think (M), point (P), click (BB), home (H), type (K per char).

        `chars` is the number of characters typed (fill, chat). The sleep part lets the actor pace
        itself; Playwright's own per-key `delay` should use `typing_time` so keys are not counted twice.
        """
        m, k = float(self.pace.think_time_ms), float(self.pace.typing_delay_ms)
        click = KLM_POINT_MS + 2 * KLM_BUTTON_MS
        per_action = {
            "click": m + click,
            "tick": m + click,
            "help": m + click,
            "sign-out": m + click,
            "choose": m + 2 * click,  # open the list, pick the option
            "fill": m + click + KLM_HOME_MS,
            "chat": m + click + KLM_HOME_MS,
            "upload": m + 3 * click,  # open picker, pick file, confirm
            "press": m + k,
            "back": m + k,
            "reload": m + k,
            "goto": m + k,
            "sign-in": m + 2 * (click + KLM_HOME_MS),
            "scroll": m,
            "wait": 0.0,
        }
        accounted = per_action.get(action, m + click) + max(chars, 0) * k
        return Timing(accounted, accounted * max(time_scale, 0.0))

    def typing_time(self, chars: int, time_scale: float = 1.0) -> Timing:
        """Keystroke time alone for `chars` characters (K per char)."""
        accounted = max(chars, 0) * float(self.pace.typing_delay_ms)
        return Timing(accounted, accounted * max(time_scale, 0.0))


# -- the schema described in words (error messages and the README's persona table) ----------------
def allowed_text(annotation: Any, info: Any = None) -> str:
    """What a key accepts, read from its type and range ('a number from 0 to 1', 'one of a, b')."""
    metadata = list(getattr(info, "metadata", []) or [])
    lo = next((m.ge for m in metadata if isinstance(m, annotated_types.Ge)), None)
    hi = next((m.le for m in metadata if isinstance(m, annotated_types.Le)), None)
    origin = typing.get_origin(annotation)
    if annotation is bool:
        return "true or false"
    if annotation is int:
        return f"a whole number from {lo} to {hi}" if lo is not None and hi is not None else "a whole number"
    if annotation is float:
        return f"a number from {lo:g} to {hi:g}" if lo is not None and hi is not None else "a number"
    if origin is Literal:
        return "one of " + ", ".join(str(a) for a in typing.get_args(annotation))
    if origin is list:
        return "a list of texts"
    if origin is dict:
        return "a mapping of detail key to quoted text"
    if annotation is str or origin in (typing.Union, types.UnionType):
        return "text"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"a mapping with keys {', '.join(annotation.model_fields)}"
    return "a valid value"


def field_reference() -> list[tuple[str, str, str, str]]:
    """(key path, allowed, default, description) for every persona key, read from the schema."""
    rows: list[tuple[str, str, str, str]] = []

    def walk(model: type[BaseModel], prefix: str) -> None:
        for name, info in model.model_fields.items():
            annotation = info.annotation
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                walk(annotation, f"{prefix}{name}.")
                continue
            default = "required" if info.is_required() else json.dumps(info.get_default(call_default_factory=True))
            rows.append((f"{prefix}{name}", allowed_text(annotation, info), default, info.description or ""))

    walk(Persona, "")
    return rows
