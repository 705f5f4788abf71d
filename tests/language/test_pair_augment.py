"""The pair model's rule-made training pairs and input order (round 6 of #22; no torch, no model)."""

from __future__ import annotations

from harness.language.pair_augment import _norm, augmented
from harness.language.pair_build import labelled
from harness.language.pair_model import ordered


def test_the_rules_make_the_same_pairs_every_time() -> None:
    assert augmented() == augmented()
    assert augmented(seed=1) != augmented()


def test_every_class_of_the_issue_is_made_both_ways() -> None:
    made = augmented()
    whose = [(a, b) for a, b, same in made if "'s " in b and " of your " not in b and not same]
    described = [(a, b) for a, b, same in made if b.startswith("The ") and "-digit " in b and same]
    asked = [(a, b) for a, b, same in made if b.endswith("?") and same]
    assert whose and described and asked
    assert {same for *_, same in made} == {0, 1}


def test_no_pair_repeats_one_text_and_held_apart_pairs_are_left_out() -> None:
    made = augmented()
    assert all(_norm(a) != _norm(b) for a, b, _ in made)
    a, b, _ = made[0]
    assert (a, b) not in {(x, y) for x, y, _ in augmented(held_apart={frozenset((_norm(b), _norm(a)))})}


def test_a_pair_reads_the_same_in_either_order() -> None:
    assert ordered("What is your email address?", "Email") == ordered("Email", "What is your email address?")


def test_labelled_rows_read_as_the_comparer_reads_them() -> None:
    rows = [{"a": {"label": "Email *"}, "b": "Re-enter email", "label": "confirmation"},
            {"a": "Card number", "b": "Card expiry date", "label": "different"}]
    assert labelled(rows) == [("Email", "email", 1), ("Card number", "Card expiry date", 0)]
