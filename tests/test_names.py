"""One rule for names made from free text (harness.names.slug): a feature's file name, a journey's artifacts."""

from __future__ import annotations

from harness.browser.journey import slug as file_part
from harness.features.scaffold import slug as feature_name
from harness.names import slug


def test_letters_and_digits_joined_by_one_dash_and_a_cut_name_keeps_a_hash() -> None:
    assert slug("Update my address!") == feature_name("Update my address!") == "update-my-address"
    assert file_part("orders.feature::Send_it") == "orders.feature-send_it"  # a file name keeps '.' and '_'
    long = [slug(f"{'word ' * 20}{n}", 30) for n in (1, 2)]
    assert long[0] != long[1] and all(len(s) <= 37 for s in long)
    assert slug("?!") == "" and file_part("?!") == "x"
