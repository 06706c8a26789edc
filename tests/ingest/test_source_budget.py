"""The time budget of one source: a feed of slow item pages stops at the budget, items past it fail."""

from __future__ import annotations

import pytest

from dossier.errors import UsageError
from dossier.ingest import Fetcher, Limits, read_sources

from .local_server import Page, local_server

ITEMS = 8
SLOW_PAGE_S = 0.4
BUDGET_S = 1.0


def slow_page(number: int) -> Page:
    text = f"Item {number}: the harbour board met again on Tuesday and agreed the winter ferry timetable."
    return Page(f"<html><body><article><p>{text}</p></article></body></html>".encode(), delay_s=SLOW_PAGE_S)


def feed_of(base: str) -> Page:
    items = "".join(
        f"<item><title>Item {n}</title><link>{base}/item/{n}</link><description>Teaser.</description></item>"
        for n in range(ITEMS)
    )
    body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Slow</title>{items}</channel></rss>'
    return Page(body.encode(), content_type="application/rss+xml")


def test_feed_of_slow_pages_stops_at_the_source_budget_and_reports_the_rest() -> None:
    routes = {f"/item/{n}": slow_page(n) for n in range(ITEMS)}
    limits = Limits(allow_private=True, timeout_s=5.0, source_budget_s=BUDGET_S)
    with local_server(routes) as server:
        routes["/feed.xml"] = feed_of(f"http://127.0.0.1:{server.port}")
        with Fetcher(limits=limits) as fetcher:
            result = read_sources([server.url("/feed.xml")], fetcher=fetcher, limits=limits)
        requested = list(server.requested)
    # Every item is accounted for: read before the budget ran out, or failed because it did.
    assert len(result.drafts) + len(result.failures) == ITEMS
    assert 1 <= len(result.drafts) < ITEMS
    assert all(failure.error == "FetchError" for failure in result.failures)
    assert all("time budget of 1 s" in failure.reason for failure in result.failures)
    # Pages past the budget are not even requested (the feed itself is the first request).
    assert len(requested) <= 1 + ITEMS - len(result.failures) + 1


def test_default_budget_is_a_minute() -> None:
    assert Limits().source_budget_s == 60.0


@pytest.mark.parametrize("budget", [0.0, -1.0, float("inf"), float("nan")])
def test_impossible_budgets_are_refused(budget: float) -> None:
    with pytest.raises(UsageError, match="source_budget_s"):
        Limits(source_budget_s=budget)
