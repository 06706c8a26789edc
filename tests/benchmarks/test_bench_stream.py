"""bench_stream's generator: the default archive spread over three years, and a feed at a steady rate."""

from __future__ import annotations

import datetime as dt

import pytest

from bench_stream import START, stream

from .conftest import SHARED_DATA

pytestmark = pytest.mark.skipif(
    not (SHARED_DATA / "ecbplus").is_dir(),
    reason="needs ../shared/data/ecbplus (ECB+) to draw sentences from",
)


def test_a_feed_dates_each_article_by_the_day_the_stream_has_reached() -> None:
    made = list(stream(600, seed=3, per_day=100))
    for place, (article, _) in enumerate(made):
        # Its story started on or before the day of its place, and lasts ten days.
        assert article.published is not None
        assert START <= article.published < START + dt.timedelta(days=place // 100 + 10)
    assert max(article.published for article, _ in made if article.published) < START + dt.timedelta(days=16)


def test_the_feed_and_the_archive_hold_the_same_stories_on_other_days() -> None:
    feed = list(stream(300, seed=3, per_day=100))
    archive = list(stream(300, seed=3))
    assert [story for _, story in feed] == [story for _, story in archive]
    assert [article.text for article, _ in feed] == [article.text for article, _ in archive]
    assert max(article.published for article, _ in archive if article.published) > START + dt.timedelta(
        days=60
    )
