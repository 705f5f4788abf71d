"""Property tests: the prompt comparer never crashes on arbitrary text and answers in bounded time."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from harness.language import embeddings
from harness.language.prompts import Comparison, PromptSpec, compare, compare_many, info_key

pytestmark = pytest.mark.model

# CPU seconds of this thread per comparison: a runaway pattern exceeds it, another process on the machine cannot
BOUND_S = 10.0


@pytest.fixture(autouse=True, scope="module")
def warm_model(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Load the model before timing anything, with a private cache folder."""
    mp = pytest.MonkeyPatch()
    mp.setenv(embeddings.CACHE_ENV, str(tmp_path_factory.mktemp("fuzz-cache")))
    embeddings.get_model()
    yield
    mp.undo()


def check(result: Comparison) -> None:
    assert result.same_info in (True, False, None)
    assert isinstance(result.confirmation, bool)
    assert 0.0 <= result.score <= 1.0
    assert isinstance(result.reason, str) and result.reason
    if result.confirmation:
        assert result.same_info is True


def timed(a: object, b: object) -> Comparison:
    start = time.thread_time()
    result = compare(a, b)
    assert time.thread_time() - start < BOUND_S
    check(result)
    return result


texts = st.text(max_size=300)  # any Unicode code point hypothesis draws, including none at all
fields = st.builds(PromptSpec, label=texts, name=st.text(max_size=40), id=st.text(max_size=40),
                   type=st.sampled_from(["", "text", "email", "tel", "password", "date", "url", "checkbox"]) | texts,
                   autocomplete=st.text(max_size=40) | st.sampled_from(
                       ["email", "billing postal-code", "section-x shipping tel", "bday webauthn", "on", "off"]),
                   placeholder=st.text(max_size=40))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(a=texts, b=texts)
def test_any_two_texts_get_a_verdict_symmetrically(a: str, b: str) -> None:
    forward = timed(a, b)
    backward = timed(b, a)
    assert forward.same_info == backward.same_info
    assert forward.confirmation == backward.confirmation


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(a=fields, b=fields | texts)
def test_any_prompt_specs_get_a_verdict(a: PromptSpec, b: PromptSpec | str) -> None:
    timed(a, b)
    key = info_key(a)
    assert key is None or (isinstance(key, str) and key)


@pytest.mark.parametrize("text", [
    "",
    " ",
    "\x00\x01\x02",
    "\ud800 lone surrogate",
    "\u202e\u0645\u0631\u062d\u0628\u0627 RTL",
    "🙂" * 1000,
    "D.O.B." * 20_000,
    "word " * 20_000,  # 100 KB
    "x" * 100_000,
])
def test_pathological_texts(text: str) -> None:
    assert len(text) <= 120_000
    timed(text, "Date of birth")
    timed(PromptSpec(label=text, name=text[:5000], id=text[:5000], placeholder=text), "Email")


def test_a_hundred_kilobytes_in_a_batch_is_bounded() -> None:
    big = "Please tell us your policy number and date of birth. " * 2000
    assert len(big) > 100_000
    start = time.thread_time()
    results = compare_many([(big, "Policy number"), (big, big), ("x" * 100_000, "y" * 100_000)])
    assert time.thread_time() - start < 3 * BOUND_S
    for result in results:
        check(result)
