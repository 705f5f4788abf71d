"""What the checker says about a feature file: one problem per line, as a person or an editor reads it.

Each rule has its own exit code (from `harness.exceptions`), so CI can tell a typo in Gherkin from
an unknown persona without parsing the text.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from harness.exceptions import (
    AmbiguousStepError,
    FeatureError,
    PersonaError,
    UndefinedStepError,
    UnknownPageError,
)

#: rule id -> exit code; the order is the priority when a run finds several kinds of problem.
RULE_EXIT_CODES: dict[str, int] = {
    "syntax": FeatureError.exit_code,
    "undefined-step": UndefinedStepError.exit_code,
    "ambiguous-step": AmbiguousStepError.exit_code,
    "unknown-persona": PersonaError.exit_code,
    "unknown-page": UnknownPageError.exit_code,
    "unknown-detail": FeatureError.exit_code,
    "unknown-rule": FeatureError.exit_code,
    "structure": FeatureError.exit_code,
}


@dataclass(frozen=True)
class Diagnostic:
    """One problem at one place in one file, with ready-to-paste fixes."""

    path: str
    line: int
    column: int
    rule: str  # a key of RULE_EXIT_CODES
    message: str
    suggestions: tuple[str, ...] = field(default_factory=tuple)
    severity: str = "error"
    label: str = "did you mean"  # how the suggestion lines are introduced ("matches" for ambiguity)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.rule)

    def format(self) -> str:
        """`file:line:col: error: message [rule]` then one indented line per suggestion."""
        out = [f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message} [{self.rule}]"]
        for i, text in enumerate(self.suggestions):
            lead = self.label if i == 0 else "or".rjust(len(self.label))
            out.append(f"    {lead}: {text}")
        return "\n".join(out)


@dataclass
class CheckResult:
    """Everything `empathy check` found in a set of feature files."""

    files: int = 0
    scenarios: int = 0
    steps: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 when clean, else the code of the highest-priority kind of problem found."""
        found = {d.rule for d in self.diagnostics if d.severity == "error"}
        for rule, code in RULE_EXIT_CODES.items():
            if rule in found:
                return code
        return 0

    def summary(self) -> str:
        n = len(self.diagnostics)
        counts: dict[str, int] = {}
        for d in self.diagnostics:
            counts[d.rule] = counts.get(d.rule, 0) + 1
        checked = ", ".join(f"{count} {noun}{'s' * (count != 1)}" for count, noun in (
            (self.files, "feature file"), (self.scenarios, "scenario"), (self.steps, "step")))
        if not n:
            return f"checked {checked}: no problems"
        detail = ", ".join(f"{c} {rule}" for rule, c in counts.items())
        return f"checked {checked}: {n} problem{'s' * (n != 1)} ({detail})"

    def format(self) -> str:
        lines = [d.format() for d in sorted(self.diagnostics, key=Diagnostic.sort_key)]
        return "\n".join([*lines, self.summary()])

    def to_json(self) -> str:
        problems = []
        for d in sorted(self.diagnostics, key=Diagnostic.sort_key):
            item = asdict(d)
            item["suggestions"] = list(d.suggestions)
            item.pop("label")
            item["exit_code"] = RULE_EXIT_CODES[d.rule]
            problems.append(item)
        return json.dumps({"files": self.files, "scenarios": self.scenarios, "steps": self.steps,
                           "exit_code": self.exit_code, "problems": problems}, indent=2, ensure_ascii=False)
