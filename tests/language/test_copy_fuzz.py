"""Property tests: the copy scorer never crashes on arbitrary text and answers in bounded time."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from harness.language import embeddings
from harness.language.copy import CopyScore, score, score_many
from harness.language.copy_lint import kind_hint

pytestmark = pytest.mark.model

# CPU seconds of this thread per message: a runaway pattern exceeds it, another process on the machine cannot
BOUND_S = 10.0
KINDS = st.sampled_from([None, "validation", "error", "timeout", "status", "confirmation", "handoff", "empty",
                         "toast", "alert", "hand-off"])


@pytest.fixture(autouse=True, scope="module")
def warm_model(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Load the model before timing anything, with a private cache folder."""
    mp = pytest.MonkeyPatch()
    mp.setenv(embeddings.CACHE_ENV, str(tmp_path_factory.mktemp("copy-fuzz-cache")))
    score("Warm-up: enter your postcode", "validation")
    yield
    mp.undo()


def check(result: CopyScore) -> None:
    assert result.verdict in ("cold", "warm", "uncertain")
    assert 0.0 <= result.score <= 1.0
    assert all(r.code and isinstance(r.ok, bool) and r.detail for r in result.reasons)
    assert isinstance(result.suggestion, str)
    assert (result.suggestion == "") == (result.verdict == "warm")
    assert result.to_dict()["verdict"] == result.verdict


def timed(text: str, kind: str | None, field: str = "") -> CopyScore:
    start = time.thread_time()
    result = score(text, kind, field)
    assert time.thread_time() - start < BOUND_S
    check(result)
    return result


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=400), kind=KINDS, field=st.text(max_size=60))
def test_any_unicode_text_gets_a_bounded_verdict(text: str, kind: str | None, field: str) -> None:
    timed(text, kind, field)


@settings(max_examples=30, deadline=None)
@given(key=st.text(max_size=80))
def test_any_catalogue_key_gives_a_kind_or_none(key: str) -> None:
    assert kind_hint(key) in (None, "validation", "error", "timeout", "status", "confirmation", "handoff", "empty")


@pytest.mark.parametrize("text", ["", " ", "\n\t", "\x00", "!" * 50, "A" * 5000, "\u202e\u200b\ufeff",
                                  "🙂" * 100, "\ud800 lone surrogate"])
def test_edge_texts(text: str) -> None:
    timed(text, None)


def test_hundred_kilobytes_of_text_is_bounded() -> None:
    big = ("Something has gone wrong with your form, please try again. " * 2000)[:100_000]
    result = timed(big, None)
    assert result.verdict == "cold"
    noise = "".join(chr(0x20 + (i * 7919) % 0x2FFF) for i in range(100_000))
    timed(noise, "error", field=noise[:200])


def test_a_batch_of_odd_items_scores_each_one() -> None:
    items = ["", {"text": None}, {"text": "x", "kind": None, "field": None, "context": "not a dict"}, ("y",), 42,
             ("z", "error", "Email", ["not", "a", "mapping"])]
    results = score_many(items)
    assert len(results) == len(items)
    for result in results:
        check(result)
