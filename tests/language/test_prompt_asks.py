"""A label against the sentence that asks for its value: a question's wh-word, a description's opening noun phrase,
an option's help (prompt_asks.py). The wordings are new: none is an item of a held-apart or stranger's set."""

from __future__ import annotations

import pytest

from harness.language import embeddings
from harness.language.prompt_asks import described, label_head, opening_phrase
from harness.language.prompts import compare


@pytest.fixture(autouse=True)
def cache_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(embeddings.CACHE_ENV, str(tmp_path_factory.getbasetemp() / "embedding-cache"))


@pytest.mark.parametrize(("label", "head"), [
    ("Owner", "owner"), ("Maximum number of seats", "number"), ("Hide scores?", "scores"),
    ("Preferred pick-up hour", "hour"), ("The whole of a sentence that goes on and on.", None),
])
def test_a_label_s_head_is_its_last_noun_or_the_noun_before_of(label: str, head: str | None) -> None:
    assert label_head(label) == head


def test_a_sentence_opens_with_the_noun_phrase_it_is_about() -> None:
    assert opening_phrase("The keeper of the ledger, usually whoever opened it.") == ["keeper"]
    assert opening_phrase("Archive all drafts from this writer.") == ["archive", "drafts"]


SAME = [
    ("Keeper", "The keeper of the ledger, usually whoever opened it. Keepers may always edit it."),
    ("Number of rooms", "Number of bedrooms the flat has, not counting the lounge."),
    ("Archive writer drafts", "Archive all drafts from this writer in the current journal."),
    ("Hide scores?", "If enabled, scores are hidden from everyone but the organiser."),
    ("Inherit colour", "Check here to use the colour setting of the parent folder."),
    ("Contact person", "Who should we ask for at the door?"),
    ("Best delivery hour", "When would you like the van to arrive?"),
    ("Meeting point", "Where shall we meet you on the day?"),
    ("Guest count", "How many people are coming with you?"),
    ("Visibility", "Who can see your profile?"),  # "who can" asks for a rule of access, not a person
    ("Posting rights", "Who may post new topics?"),
    ("Moderation", "Who can post without approval?"),
    ("Pickup time", "When should the driver come?"),  # "when" asks for a day or a time of day
    ("Opening time", "When do you open?"),
    ("Beneficiary name", "Who should receive the money?"),  # a label's owner, which the question leaves to its place
    ("Order date", "When was it ordered?"),
    ("Team name", "What is your team called?"),  # what a thing is called is its name
    ("Album title", "What should we call this album?"),
]

DIFFERENT = [
    ("Revision note", "Enter the name of the reviewer."),
    ("Keeper", "Who else should hear about changes to the ledger?"),
    ("Signature", "Show other writers' signatures beside their posts."),
    ("Seat limit", "Colour used for the table on the floor plan."),
    ("Hide scores?", "This is the number of answers each player may give."),
    ("Owner name", "Who can edit this page?"),  # a rule of access is no person's name
]


@pytest.mark.parametrize(("label", "sentence"), SAME)
def test_the_sentence_asks_for_the_label_s_value(label: str, sentence: str) -> None:
    assert described(label, sentence), (label, sentence)
    assert described(sentence, label)  # either order


@pytest.mark.parametrize(("label", "sentence"), DIFFERENT)
def test_a_sentence_about_something_else_is_not_the_label_s(label: str, sentence: str) -> None:
    assert described(label, sentence) is None


@pytest.mark.model
@pytest.mark.parametrize(("label", "sentence"), SAME)
def test_the_comparer_calls_a_label_and_its_sentence_the_same(label: str, sentence: str) -> None:
    result = compare(label, sentence)
    assert result.same_info is True, result.reason


@pytest.mark.model
@pytest.mark.parametrize(("label", "sentence"), DIFFERENT)
def test_the_comparer_keeps_another_field_s_sentence_apart(label: str, sentence: str) -> None:
    result = compare(label, sentence)
    assert result.same_info is not True, result.reason


@pytest.mark.model
def test_a_reason_says_whose_value_in_plain_words() -> None:
    result = compare("Venue name", "Name")
    assert result.same_info is False
    assert "the venue's vs your own" in result.reason, result.reason
    assert "person venue" not in result.reason


@pytest.mark.parametrize(("label", "sentence"), [
    ("Email", "Email reminders are sent the day before."),  # the label's noun modifies another head
    ("Invoice", "Invoice footer text shown under the totals."),
    ("Colour", "If enabled, the page shows a banner. Its colour follows the theme."),  # named after the first clause
])
def test_the_label_must_head_the_phrase_not_modify_it(label: str, sentence: str) -> None:
    assert described(label, sentence) is None


def test_a_label_with_a_note_in_brackets_is_another_label_not_a_description() -> None:
    assert described("Whole catalogue", "Whole catalogue (by tag)") is None


@pytest.mark.model
@pytest.mark.parametrize(("label", "sentence"), [
    # A setting's help names the members' addresses in passing: a bare label takes no default owner against it.
    ("Send digests", "Whether to send a daily digest to the members' email addresses."),
    ("Verified", "Whether the member has completed the verification of their email address."),
])
def test_a_bare_label_and_its_option_s_help_are_the_same_whatever_else_the_help_names(label: str,
                                                                                     sentence: str) -> None:
    result = compare(label, sentence)
    assert result.same_info is True, result.reason


@pytest.mark.parametrize(("label", "sentence"), [
    ("Moderated", "Whether new posts are held for moderation before anyone can read them."),  # -ed / -ation
    ("Include attachments", "Whether files attached to the members' messages are kept in the archive."),
])
def test_an_option_s_help_may_name_it_by_a_word_derived_from_the_label_s(label: str, sentence: str) -> None:
    assert described(label, sentence) is not None


@pytest.mark.model
def test_a_label_that_names_a_kind_keeps_whose_it_is_against_a_sentence() -> None:
    result = compare("Podcast name", "Tell listeners what this podcast is about")
    assert result.same_info is False
    assert "the podcast's vs your own" in result.reason, result.reason

