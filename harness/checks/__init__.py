"""The checks: rules that read a journey transcript and say where it felt cold, forgetful or silent.

Public surface: `run_checks` and `RULES` (rule metadata). A rule is a module with its metadata as
data and one pure function; `registry.py` lists them; `aggregate.py` combines what they find.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from harness import phrases
from harness.exceptions import ConfigError, FeatureError

if TYPE_CHECKING:
    from harness.checks.base import Rule
    from harness.config import Settings
    from harness.findings import Finding
    from harness.transcript import Transcript

__all__ = ["ALLOW_PREFIX", "allowed_rules", "page_language", "run_checks", "validate_settings"]

ALLOW_PREFIX = "allow:"


def allowed_rules(tags: Iterable[str]) -> set[str]:
    """Rule ids a scenario switches off with `@allow:<rule-id>` (tags with or without '@')."""
    from harness.checks.registry import RULES

    out = set()
    for tag in tags:
        name = tag.strip().lstrip("@")
        if not name.startswith(ALLOW_PREFIX):
            continue
        rule = name[len(ALLOW_PREFIX):]
        if rule not in RULES:
            raise FeatureError(f"tag @{name}: no rule {rule!r}",
                               hint=f"use one of: {', '.join('@allow:' + r for r in RULES)}")
        out.add(rule)
    return out


def validate_settings(settings: Settings) -> None:
    """Unknown rule ids in `rules`, or unknown names in `thresholds."<rule>.<name>"`, are ConfigErrors."""
    from harness.checks.registry import RULES

    for rule in settings.rules:
        if rule not in RULES:
            raise ConfigError(f"[tool.empathy.rules] {rule}: no such rule",
                              hint=f"known rules: {', '.join(RULES)}")
    for key in settings.thresholds:
        rule, _, name = key.partition(".")
        if rule in RULES and name not in RULES[rule].thresholds:
            known = ", ".join(f"{rule}.{n}" for n in RULES[rule].thresholds) or "none"
            raise ConfigError(f"[tool.empathy.thresholds] {key!r}: {rule} has no threshold {name!r}",
                              hint=f"known: {known}")
        if name and rule not in RULES:  # a misspelt rule id (a name with no rule is a recorder bound: bounds.py)
            raise ConfigError(f"[tool.empathy.thresholds] {key!r}: no rule {rule!r}",
                              hint=f'a rule\'s threshold is "<rule>.<name>"; known rules: {", ".join(RULES)}')
        value = settings.thresholds[key]
        if not name:
            continue
        if isinstance(value, str):
            what = "not a number"
        elif not math.isfinite(value):  # TOML's nan and inf: nothing compares
            what = "not a finite number"
        elif value < 0:  # every rule's threshold is a count, a time or a share
            what = "below 0"
        else:
            continue
        raise ConfigError(f"[tool.empathy.thresholds] {key!r} = {value!r}: {what}",
                          hint=f"{key} takes a number, 0 or more ({RULES[rule].thresholds[name].description})")


def run_checks(transcript: Transcript, settings: Settings, *, only: Iterable[str] | None = None,
               tags: Iterable[str] = ()) -> list[Finding]:
    """Run every enabled rule (or `only` these ids) on a transcript; combined findings, sorted by step.

    Skips rules the project turns "off" in `[tool.empathy.rules]` and rules the scenario allows with
    `@allow:<rule-id>` (from `tags` and the transcript's own tags); re-grades impacts per project.
    """
    from harness.checks.aggregate import combine, regrade
    from harness.checks.context import resolve_persona
    from harness.checks.registry import RULES

    validate_settings(settings)
    wanted = list(RULES) if only is None else list(dict.fromkeys(only))
    unknown = [r for r in wanted if r not in RULES]
    if unknown:
        raise ConfigError(f"unknown rule {unknown[0]!r}", hint=f"known rules: {', '.join(RULES)}")
    skip = allowed_rules([*transcript.tags, *tags]) | {r for r, g in settings.rules.items() if g == "off"}
    persona = resolve_persona(transcript)
    lang = page_language(transcript)
    readable = lang in phrases.languages()
    found: list[Finding] = []
    with phrases.reading(lang if readable else phrases.DEFAULT):
        for rule_id in wanted:
            rule = RULES[rule_id]
            if rule_id in skip:
                continue
            if rule.wording and not readable:
                found.append(_unread(rule, transcript, lang))
            else:
                found.extend(rule.evaluate(transcript, persona, settings))
    return combine(regrade(found, settings.rules))


def page_language(transcript: Transcript) -> str:
    """The language the journey's pages declare most (primary subtag); the default when none declares one. A
    declared language with no phrase data, on pages whose words are in one that has (a missing page marked "de"
    that reads "The page you requested does not exist."), is read in the language of the words the person reads."""
    declared = Counter(phrases.primary(s.lang) for s in transcript.steps if phrases.primary(s.lang))
    lang = declared.most_common(1)[0][0] if declared else phrases.DEFAULT
    if lang in phrases.languages():
        return lang
    return phrases.written_in(" ".join(m.text for s in transcript.steps for m in s.messages)) or lang


def _unread(rule: Rule, transcript: Transcript, lang: str) -> Finding:
    """An open question, not English judgements, for a rule that reads wording in a language with no phrase data."""
    from harness.findings import Finding

    first = transcript.steps[0] if transcript.steps else None
    return Finding(rule=rule.id, impact=rule.impact, outcome="cantTell", persona=transcript.persona_name,
                   feature=transcript.feature, scenario=transcript.scenario, step_text=first.text if first else "",
                   url=(first.url_after or first.url_before) if first else "",
                   message=f"The pages are in {lang!r}, and the harness has no phrase data for that language, so "
                           "their wording was not judged.",
                   suggestion=f"Add harness/phrases/{lang}.yaml (harness/phrases/en.yaml shows every list), or "
                              "review the wording by hand.",
                   evidence={"key": f"language|{lang}", "lang": lang})
