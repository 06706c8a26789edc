"""Tests for the demo corpus shipped in dossier.demo and its gold annotations."""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from dossier.article import Article, article_id
from dossier.dates import find_date
from dossier.dedup import mark_duplicates
from dossier.demo import demo_paths, gold_path

FILE_NAME = re.compile(r"^\d{2}_[a-z0-9-]+\.txt$")


@cache
def gold() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(gold_path().read_text(encoding="utf-8"))
    return data


@cache
def texts() -> dict[str, str]:
    return {path.name: path.read_bytes().decode("utf-8", errors="strict") for path in demo_paths()}


def gold_article(name: str) -> dict[str, Any]:
    matches = [entry for entry in gold()["articles"] if entry["file"] == name]
    assert len(matches) == 1, f"{name} must be listed once in gold.json"
    entry: dict[str, Any] = matches[0]
    return entry


def published(name: str) -> dt.date | None:
    value = gold_article(name)["published"]
    return dt.date.fromisoformat(value) if value else None


def test_demo_paths_are_sorted_real_files_with_tidy_names() -> None:
    paths = demo_paths()
    assert 5 <= len(paths) <= 6
    assert paths == sorted(paths)
    for path in paths:
        assert path.is_file()
        assert FILE_NAME.match(path.name), path.name


@pytest.mark.parametrize("name", sorted(texts()))
def test_each_article_is_clean_utf8_text_of_news_length(name: str) -> None:
    text = texts()[name]
    assert "\x00" not in text
    assert "\r" not in text
    assert 150 <= len(text.split()) <= 800
    headline, blank, *_ = text.split("\n")
    assert headline.strip() and not blank.strip(), "a headline line, then a blank line"
    assert "\n\n\n" not in text, "paragraphs are separated by exactly one blank line"


def test_every_article_is_annotated_and_every_annotation_names_an_article() -> None:
    assert sorted(entry["file"] for entry in gold()["articles"]) == sorted(texts())
    mentioned = {entry["article"] for key in ("quotes", "relative_dates") for entry in gold()[key]}
    assert mentioned <= set(texts())


def test_bylines_agree_with_gold_dates_and_one_article_has_no_date() -> None:
    for name, text in texts().items():
        found = find_date(text)
        assert (found[0] if found else None) == published(name), name
    assert any(published(name) is None for name in texts())


@pytest.mark.parametrize("index", range(len(gold()["quotes"])))
def test_gold_quote_text_occurs_verbatim_in_its_article(index: int) -> None:
    quote = gold()["quotes"][index]
    text = texts()[quote["article"]]
    for part in (quote["text"], *quote.get("continuation", [])):
        assert part in text, f"{quote['article']}: {part!r}"


def test_gold_quote_speakers_are_known_people_or_unnamed_sources() -> None:
    known = {person["name"] for person in gold()["people"]} | {u["id"] for u in gold()["unnamed_sources"]}
    assert {quote["speaker"] for quote in gold()["quotes"]} <= known


def test_gold_people_forms_occur_in_the_corpus() -> None:
    corpus = "\n".join(texts().values())
    for person in gold()["people"]:
        for form in person["forms"]:
            assert form in corpus, form


def test_gold_relative_dates_occur_in_context_and_resolve_to_real_ranges() -> None:
    for entry in gold()["relative_dates"]:
        assert entry["context"] in texts()[entry["article"]], entry["context"]
        assert entry["text"] in entry["context"]
        first, last = (dt.date.fromisoformat(value) for value in entry["resolves_to"])
        assert first <= last


def test_gold_figures_occur_where_they_are_said_to() -> None:
    figures = gold()["figures"]
    for conflict in figures["conflicts"]:
        values = {claim["value"] for claim in conflict["claims"]}
        assert len(values) > 1, "a conflict needs claims that disagree"
        for claim in conflict["claims"]:
            for name in claim["articles"]:
                assert claim["text"] in texts()[name], (name, claim["text"])
    for agreement in figures["agreements"]:
        for mention in agreement["mentions"]:
            assert mention["text"] in texts()[mention["article"]], mention


def test_gold_part_whole_sets_add_up() -> None:
    for entry in gold()["figures"]["part_whole"]:
        assert sum(entry["parts"].values()) == entry["whole"]


def test_boilerplate_lines_are_whole_paragraphs() -> None:
    for entry in gold()["boilerplate"]:
        paragraphs = texts()[entry["article"]].split("\n\n")
        assert entry["text"] in [paragraph.strip() for paragraph in paragraphs], entry["text"]


def test_dedup_finds_exactly_the_gold_duplicate() -> None:
    articles = [
        Article(id=article_id(text), source=name, text=text, published=published(name))
        for name, text in texts().items()
    ]
    found = {
        article.source: next(a.source for a in articles if a.id == article.duplicate_of)
        for article in mark_duplicates(articles)
        if article.duplicate_of is not None
    }
    assert found == {entry["article"]: entry["duplicate_of"] for entry in gold()["duplicates"]}


def test_demo_package_ships_its_readme() -> None:
    readme = demo_paths()[0].parent / "README.md"
    assert "fictional" in readme.read_text(encoding="utf-8").lower()


def test_gold_path_is_next_to_the_articles() -> None:
    assert gold_path().parent == Path(demo_paths()[0]).parent
