"""Habits that fire like a person's, yet reproducibly: each decision is a hash, not a dice roll.

Why hashing: a random generator's draws depend on how many were made before, so one extra field
on a page would change every later decision. Here whether a habit fires depends only on (seed,
persona, habit, key), where the key names the occasion (e.g. "checkout:Email" or
"submit#2"); the same occasion always gives the same answer, and the log explains a run.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from harness.personas.model import HABITS, Persona


@dataclass(frozen=True)
class HabitDraw:
    """One decision: which habit, on what occasion, its probability, the draw in [0, 1), and the outcome."""

    habit: str
    key: str
    probability: float
    draw: float
    fired: bool

    def explain(self) -> str:
        verb = "fired" if self.fired else "did not fire"
        return f"{self.habit} {verb} at {self.key!r} (draw {self.draw:.3f} vs p {self.probability:g})"


class Habits:
    """Decides when a persona's habits fire; `log` keeps every decision in order for replay and reports."""

    def __init__(self, persona: Persona, seed: int | str) -> None:
        self.persona = persona
        self.seed = seed
        self.log: list[HabitDraw] = []

    def draw(self, habit: str, key: str) -> float:
        """The uniform number in [0, 1) for this habit and occasion (pure: no logging)."""
        text = "\x1f".join((str(self.seed), self.persona.name, habit, key))
        return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big") / 2.0**64

    def probability(self, habit: str) -> float:
        """The persona's probability for `habit`; an unknown habit name is a programming error."""
        if habit not in HABITS:
            raise ValueError(f"unknown habit {habit!r}; habits are {', '.join(HABITS)}")
        return float(getattr(self.persona.habits, habit))

    def would_fire(self, habit: str, key: str) -> bool:
        """What `fires` will answer for this occasion, without logging a decision (pure)."""
        return self.draw(habit, key) < self.probability(habit)

    def fires(self, habit: str, key: str) -> bool:
        """Whether `habit` fires on the occasion `key`; the same (seed, persona, habit, key) always agrees."""
        p = self.probability(habit)
        u = self.draw(habit, key)
        fired = u < p
        self.log.append(HabitDraw(habit, key, p, u, fired))
        return fired

    def fired(self) -> list[HabitDraw]:
        """Only the decisions where a habit fired."""
        return [d for d in self.log if d.fired]
