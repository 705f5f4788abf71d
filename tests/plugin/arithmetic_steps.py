"""Workspace steps for the plugin tests' arithmetic features (copied into each pytester workspace)."""

from __future__ import annotations

from pytest_bdd import given, parsers, then


@given(parsers.parse("a number {n:d}"), target_fixture="number")
def a_number(n):
    """Given a number 3"""
    return n


@then(parsers.parse("it doubles to {m:d}"))
def doubles(number, m):
    """Then it doubles to 6"""
    assert number * 2 == m


@then(parsers.parse('the "{name}" marker says "{value}"'))
def marker_says(request, name, value):
    """Then the "journey" marker says "claim" (the tag's value)."""
    assert request.node.get_closest_marker(name).args == (value,)


@then(parsers.parse('the setting {name} is "{value}"'))
def setting_is(empathy_settings, name, value):
    """Then the setting seed is "42" (as text)."""
    assert str(getattr(empathy_settings, name)) == value


@then("the table sums to its last row")
def table_sums(datatable):
    """Then the table sums to its last row"""
    numbers = [int(row[0]) for row in datatable[1:]]
    assert sum(numbers[:-1]) == numbers[-1]
