"""A step's table of the wrong shape is said to be so, never taken as no table (harness/steps/act.py)."""

from __future__ import annotations

import pytest

from harness.steps import act


class _Journey:
    """Nothing may be asked of the page: the table is refused before the step acts."""

    def __getattr__(self, name: str) -> object:
        raise AssertionError(f"the step acted ({name}) on a table it should have refused")


@pytest.mark.parametrize("table", [[["Email"], ["Name"]], [["label", "value"], ["Email"]]])
def test_a_form_table_of_one_column_is_refused_with_the_shape_it_needs(table: list[list[str]]) -> None:
    # a table of labels alone filled nothing and the step passed: the journey went on with an empty form
    with pytest.raises(AssertionError, match=r"\| label \| value \|") as raised:
        act.fill_in_the_form(_Journey(), table)
    assert "Email" in str(raised.value)
