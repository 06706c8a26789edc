"""Tests for dossier.timex.value: ISO representations and calendar labels."""

from __future__ import annotations

import datetime as dt

import pytest

from dossier.timex import TimeValue


def test_iso_forms() -> None:
    assert TimeValue.day(dt.date(2025, 3, 12)).iso() == "2025-03-12"
    assert TimeValue.month(2024, 11).iso() == "2024-11"
    assert TimeValue.year(2024).iso() == "2024"
    assert TimeValue.week_of(dt.date(2025, 3, 12)).iso() == "2025-W11"
    assert TimeValue(dt.date(2025, 3, 10), dt.date(2025, 3, 11), "range").iso() == "2025-03-10/2025-03-11"


def test_month_ends_on_its_last_day() -> None:
    assert TimeValue.month(2024, 2).last == dt.date(2024, 2, 29)
    assert TimeValue.month(2024, 12).last == dt.date(2024, 12, 31)


def test_calendar_label_is_the_narrowest_holding_form() -> None:
    assert TimeValue.week_of(dt.date(2025, 3, 12)).calendar_label() == "2025-03"
    assert TimeValue.week_of(dt.date(2025, 3, 31)).calendar_label() == "2025"
    assert TimeValue.week_of(dt.date(2025, 12, 31)).calendar_label() == ""


def test_reversed_value_is_refused() -> None:
    with pytest.raises(ValueError, match="before it starts"):
        TimeValue(dt.date(2025, 3, 2), dt.date(2025, 3, 1), "range")


def test_overlap() -> None:
    week = TimeValue.week_of(dt.date(2025, 3, 12))
    assert week.overlaps(TimeValue.day(dt.date(2025, 3, 16)))
    assert not week.overlaps(TimeValue.day(dt.date(2025, 3, 17)))
