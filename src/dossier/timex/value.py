"""What a time expression resolves to: a day, a week, a month, a year or a range of days.

Representation (``TimeValue.iso()``), all ISO 8601:

* day ``2025-03-12``, month ``2025-03``, year ``2025``;
* week ``2025-W11`` (ISO week, Monday to Sunday);
* range ``2025-03-10/2025-03-11`` (an ISO interval, both ends inclusive).

Every value also keeps its first and last day, so values of any grain can be
compared by overlap.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from dossier.records import Record

Grain = Literal["day", "week", "month", "year", "range"]


@dataclass(frozen=True, slots=True)
class TimeValue(Record):
    """The days ``first`` to ``last`` (inclusive), stated at ``grain``."""

    first: dt.date
    last: dt.date
    grain: Grain

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError(f"time value ends ({self.last}) before it starts ({self.first})")

    def iso(self) -> str:
        if self.grain == "day":
            return self.first.isoformat()
        if self.grain == "month":
            return f"{self.first.year:04d}-{self.first.month:02d}"
        if self.grain == "year":
            return f"{self.first.year:04d}"
        if self.grain == "week":
            year, week, _ = self.first.isocalendar()
            return f"{year:04d}-W{week:02d}"
        return f"{self.first.isoformat()}/{self.last.isoformat()}"

    def calendar_label(self) -> str:
        """The narrowest YYYY-MM-DD, YYYY-MM or YYYY that holds the whole value (timeline dates)."""
        if self.first == self.last:
            return self.first.isoformat()
        if (self.first.year, self.first.month) == (self.last.year, self.last.month):
            return f"{self.first.year:04d}-{self.first.month:02d}"
        if self.first.year == self.last.year:
            return f"{self.first.year:04d}"
        return ""

    def overlaps(self, other: TimeValue) -> bool:
        return self.first <= other.last and other.first <= self.last

    @staticmethod
    def day(date: dt.date) -> TimeValue:
        return TimeValue(date, date, "day")

    @staticmethod
    def week_of(date: dt.date) -> TimeValue:
        monday = date - dt.timedelta(days=date.weekday())
        return TimeValue(monday, monday + dt.timedelta(days=6), "week")

    @staticmethod
    def month(year: int, month: int) -> TimeValue:
        first = dt.date(year, month, 1)
        following = dt.date(year + (month == 12), month % 12 + 1, 1)
        return TimeValue(first, following - dt.timedelta(days=1), "month")

    @staticmethod
    def year(year: int) -> TimeValue:
        return TimeValue(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
