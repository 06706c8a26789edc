"""Exact copies: the kept article does not depend on the order the sources were given in."""

from __future__ import annotations

import itertools

from dossier.article import Article, article_id
from dossier.ingest.copies import merge_exact_copies

TEXT = "The harbour board agreed the winter ferry timetable on Tuesday, a week earlier than last year."
OTHER = "Larkfield's library will open late on Thursday for households meeting insurance assessors."


def copy(source: str, outlet: str, text: str = TEXT) -> Article:
    return Article(id=article_id(text), source=source, text=text, outlet=outlet)


def test_the_copy_first_by_source_name_is_kept_whatever_the_argument_order() -> None:
    copies = [copy("b/courier.txt", "Courier"), copy("a/gazette.txt", "Gazette"), copy("c/wire.txt", "Wire")]
    results = [merge_exact_copies(order) for order in itertools.permutations(copies)]
    assert all(result == results[0] for result in results)
    (merged,) = results[0]
    assert merged.source == "a/gazette.txt"
    assert merged.outlet == "Gazette"
    assert merged.metadata["also_from"] == ["b/courier.txt", "c/wire.txt"]


def test_articles_without_copies_keep_their_order_and_metadata() -> None:
    articles = (copy("z.txt", "Z", OTHER), copy("a.txt", "A"))
    assert merge_exact_copies(articles) == articles


def test_merged_article_takes_the_place_of_the_first_copy() -> None:
    other = copy("m.txt", "M", OTHER)
    merged = merge_exact_copies([copy("y.txt", "Y"), other, copy("b.txt", "B")])
    assert [article.source for article in merged] == ["b.txt", "m.txt"]


def test_earlier_also_from_lists_are_merged_without_repeats() -> None:
    earlier = Article(
        id=article_id(TEXT), source="k.txt", text=TEXT, metadata={"also_from": ["a.txt", "q.txt"]}
    )
    (merged,) = merge_exact_copies([earlier, copy("a.txt", "A")])
    assert merged.source == "a.txt"
    assert merged.metadata["also_from"] == ["k.txt", "q.txt"]
