"""A persona's detail named in a step ("my email", "my date of birth"): the phrase's pattern and its value.

Why its own module: the act and see steps both name details (`I enter my email in "Email"`, `"Email" should
contain my email`), and one reading of the phrase keeps them agreeing.
"""

from __future__ import annotations

from typing import Any

from harness.exceptions import FeatureError
from harness.personas.vocabulary import detail_key

DETAIL = r"(?P<detail>[A-Za-z][\w' -]*?)"  # the phrase after "my" in a step's sentence


def value_of(journey: Any, detail: str) -> tuple[str, str]:
    """(data key, value) of a detail phrase, from the persona's generated data."""
    key = detail_key(detail, set(journey.data))
    if key not in journey.data:
        raise FeatureError(f"the persona {journey.persona.name!r} has no {detail!r} ({key})",
                           hint="add it to the persona's data.fields, or use a literal value in quotes")
    return key, journey.data[key]
