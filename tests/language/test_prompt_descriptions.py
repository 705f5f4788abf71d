"""A label against a help text that describes its value, on the scale such pairs have
(prompt_asks.label_and_description, round 13 of #22). The wordings are new: none is an item of a held-apart or
stranger's set."""

from __future__ import annotations

import pytest

from harness.language import embeddings
from harness.language.prompt_asks import label_and_description
from harness.language.prompt_structure import analyse_text
from harness.language.prompts import compare


@pytest.fixture(autouse=True)
def cache_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(embeddings.CACHE_ENV, str(tmp_path_factory.getbasetemp() / "embedding-cache"))


def _shape(a: str, b: str) -> bool:
    return label_and_description(analyse_text(a), analyse_text(b), a, b)


# A label and its own help, sharing no word: a sentence embedding scores them 0.2 to 0.4, below the 0.62 it asks of
# two labels, so they were called different.
OWN_HELP = [
    ("Retention period", "Delete old log entries after this many days"),
    ("Webhook secret", "Shared key used to sign each request we send to your endpoint"),
    ("Auto-archive", "Move finished projects out of the main list after thirty days"),
    ("Watermark", "Stamp uploaded photos with the studio's logo"),
]
# Another field's help, and questions that expect another kind of answer than the label names.
OTHER = [
    ("Retention period", "Email address that receives the weekly export"),
    ("Quiet hours", "Move finished projects out of the main list after thirty days"),
    ("Launch date", "Who should approve the launch?"),
    ("Badge colour", "Which team gets this badge?"),
    ("Maintenance mode", "How many visitors can be online at once?"),
    ("Shirt size", "How old is your child?"),  # how old: an age
    ("Team colour", "What's the name of your team?"),  # what is the X of …: X
    ("Kit colour", "What is the name of your club?"),
]


def test_a_short_label_against_a_sentence_is_a_label_and_its_description() -> None:
    assert _shape("Retention period", "Delete old log entries after this many days")
    assert _shape("Delete old log entries after this many days", "Retention period")  # either order
    assert not _shape("Retention period", "Archive period")  # two labels
    assert not _shape("Delete old log entries after this many days", "Remove stale sessions once a week")  # two helps


def test_a_question_expecting_another_kind_of_answer_describes_no_label() -> None:
    assert not _shape("Launch date", "Who should approve the launch?")  # who: a person, not a date
    assert not _shape("Badge colour", "Which team gets this badge?")  # which X: a team
    assert _shape("Approver", "Who should approve the launch?")
    assert _shape("Dietary needs", "Is there anything you cannot eat?")  # a yes/no question expects no kind
    assert not _shape("Opening hours", "How old is the building?")  # how old: an age
    assert not _shape("Team colour", "What's the name of your team?")  # what is the X of …: X
    assert _shape("Team nickname", "What's the nickname of your team?")
    assert _shape("Episode summary", "What's this episode about?")  # no one noun asked for


@pytest.mark.model
@pytest.mark.parametrize(("label", "sentence"), OWN_HELP)
def test_a_label_and_its_own_help_are_the_same(label: str, sentence: str) -> None:
    result = compare(label, sentence)
    assert result.same_info is True, result.reason
    assert result.reason.startswith("a label and its help: ")


@pytest.mark.model
@pytest.mark.parametrize(("label", "sentence"), OTHER)
def test_another_field_s_help_or_another_kind_s_question_stays_apart(label: str, sentence: str) -> None:
    result = compare(label, sentence)
    assert result.same_info is False, result.reason
