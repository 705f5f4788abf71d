"""What a person reads beside a field, and what a look-up answers (issue #19): small pages built like real sites."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.e2e


def test_the_help_beside_a_box_is_its_hint_tied_or_only_drawn_under_it(journey_for: Any, site: str) -> None:
    # tied by aria-describedby; tied to an id the page lacks and only drawn under the box; a link, a button's word
    # and a hidden error after a box are no help, and neither is a checkbox's own label
    j = journey_for()
    j.begin_step("Given the page", "Given")
    j.actor.goto(f"{site}/field-hints.html")
    j.actor.wait(0.3)
    hints = {c.label: c.hint for c in j.end_step().prompts}
    assert hints == {"Your name": "As you would like us to address you.",
                     "Message": "Please write in English. Otherwise, we might not read it.",
                     "Password": "", "Send me a copy": ""}


def test_a_search_the_page_answers_with_nothing_is_told_as_silence(journey_for: Any, site: str, settings: Any) -> None:
    # a box named "Search" in no form, answered as one types and not on Enter; words that match nothing draw nothing
    from harness.checks import run_checks

    j = journey_for()
    j.begin_step("Given the page", "Given")
    j.actor.goto(f"{site}/lookup-silent.html")
    j.end_step()
    j.begin_step('When I search for "greenhouse heater"', "When")
    j.actor.search("greenhouse heater")
    j.end_step()
    found = run_checks(j.finish(), settings, only=["missing-reassurance"])
    assert [f.step for f in found if "drew nothing" in f.message] == [1], [f.message for f in found]


def test_the_help_after_a_lone_box_is_found_in_a_bounded_walk(journey_for: Any, site: str) -> None:
    # a lone box in a page-wide wrapper with 3000 paragraphs after it: each was weighed against every other (9
    # million `contains` at each look, past the probe's bound on a loaded machine); the first three are its words
    j = journey_for()
    j.begin_step("Given the page", "Given")
    j.actor.goto(f"{site}/lone-field-long.html")
    j.page.evaluate("window.containsCalls = 0")
    hints = {c.label: c.hint for c in j.end_step().prompts}
    assert hints == {"Find a plant": "Plant number 0 grows well. Plant number 1 grows well. Plant number 2 grows "
                                     "well."}
    assert j.page.evaluate("window.containsCalls") < 100_000


def test_a_box_in_a_table_takes_no_other_cells_words_for_its_help(journey_for: Any, site: str) -> None:
    # a row with one box: the walk up from the box went from its cell to its row, and read the next cell's words
    # ("Picked this morning in Kent", what the row is) as the help for the box; its own cell's words still are
    j = journey_for()
    j.begin_step("Given the page", "Given")
    j.actor.goto(f"{site}/table-quantities.html")
    hints = {c.label: c.hint for c in j.end_step().prompts}
    assert hints == {"Apples quantity": "", "Pears quantity": "Up to ten a day"}, hints
