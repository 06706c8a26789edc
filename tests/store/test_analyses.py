"""Analyses kept beside their articles, in both stores: read back equal, keyed by analyzer and model,
never orphaned."""

from __future__ import annotations

import dataclasses

from dossier.analysis import AnalyzerKey
from dossier.segment import segmented_article
from dossier.store import open_store
from reading import analysis_of

TEXT = 'Ana Roe, the port director, spoke on Monday. "We reopen on 3 May," she said. Costs rose 12%.'


def test_an_analysis_reads_back_equal_after_reopening(store_location: str) -> None:
    article = segmented_article(TEXT, source="roe.txt")
    analysis = analysis_of(TEXT)
    with open_store(store_location) as store:
        store.add([article])
        store.add_analyses([analysis])
    with open_store(store_location) as store:
        assert store.analyses([article.id], analysis.key) == {article.id: analysis}


def test_another_analyzer_or_model_version_finds_nothing(store_location: str) -> None:
    article = segmented_article(TEXT, source="roe.txt")
    analysis = analysis_of(TEXT)
    with open_store(store_location) as store:
        store.add([article])
        store.add_analyses([analysis])
        newer = dataclasses.replace(analysis.key, analyzer=analysis.key.analyzer + "-next")
        other_model = AnalyzerKey(analysis.key.analyzer, "some_other_pipeline", "1.0")
        assert store.analyses([article.id], newer) == {}
        assert store.analyses([article.id], other_model) == {}


def test_the_analysis_of_an_unstored_article_is_not_kept(store_location: str) -> None:
    analysis = analysis_of(TEXT)
    with open_store(store_location) as store:
        store.add_analyses([analysis])
        assert store.analyses([analysis.article_id], analysis.key) == {}


def test_many_ids_are_read_in_chunks(store_location: str) -> None:
    texts = [f"Ana Roe spoke on day {number} of the strike." for number in range(1200)]
    articles = [segmented_article(text, source=f"{number}.txt") for number, text in enumerate(texts)]
    analysis = analysis_of(TEXT)
    kept = [dataclasses.replace(analysis, article_id=article.id) for article in articles]
    with open_store(store_location) as store:
        store.add(articles)
        store.add_analyses(kept)
        found = store.analyses([article.id for article in articles], analysis.key)
    assert len(found) == len(articles)


def test_which_articles_are_analyzed_is_read_without_the_analyses(store_location: str) -> None:
    first, second = (segmented_article(f"{TEXT} Day {n}.", source=f"{n}.txt") for n in (1, 2))
    analysis = analysis_of(TEXT)
    with open_store(store_location) as store:
        store.add([first, second])
        store.add_analyses([dataclasses.replace(analysis, article_id=first.id)])
        assert store.analyzed([first.id, second.id, "unknown"], analysis.key) == frozenset({first.id})
        other_model = AnalyzerKey(analysis.key.analyzer, "some_other_pipeline", "1.0")
        assert store.analyzed([first.id], other_model) == frozenset()
