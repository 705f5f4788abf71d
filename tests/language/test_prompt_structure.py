"""The text readings of harness/language/prompt_structure.py are kept per text: a caller's copy is its own."""

from __future__ import annotations

from harness.language.prompt_structure import analyse_text, clear_caches, words


def test_a_cached_analysis_is_a_copy_the_caller_may_change() -> None:
    first = analyse_text("Partner's mobile number")
    first.qualifiers["person"] = "changed by a caller"
    again = analyse_text("Partner's mobile number")
    assert again.qualifiers.get("person") != "changed by a caller"
    assert again == analyse_text("Partner's mobile number")


def test_cached_words_are_a_copy_and_the_same_after_clearing() -> None:
    first = words("Delivery postcodes")
    first.append("changed")
    clear_caches()
    assert words("Delivery postcodes") == first[:-1]
    assert words("Téléphone portable") == ["telephone", "portable"]  # accents folded on the slow path too
