"""repeats: lines one outlet prints under several of its articles are its furniture, never across outlets."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from dossier import repeats
from dossier.article import Draft
from dossier.clean import clean, draft_paragraphs
from dossier.pipeline import read_articles
from dossier.repeats import outlet_key, repeated_lines

PROMO = "The Harbour Courier knows the tide before you do"
SLOGAN = "Independent local news since 1921"


def article(body: str, *, outlet: str | None = "Harbour Courier", url: str | None = None) -> Draft:
    return Draft(source=body[:12], text=f"{body}\n\n{PROMO}\n\n{SLOGAN}", outlet=outlet, url=url)


STORIES = (
    "The ferry pier will close at the end of the month after engineers found cracked piles under it.\n\n"
    "Passengers will board at the container terminal instead.\n\n"
    "The board said repairs could take two years.",
    "The library will open on Sundays from April, the council said after a vote on Tuesday night.\n\n"
    "Staff will work the extra shifts in turns.\n\n"
    "Readers had asked for longer hours for a decade.",
    "A new cycle lane along the harbour road is due to be finished before the summer season starts.\n\n"
    "Drivers will lose twelve parking spaces.\n\n"
    "Shop owners said they feared fewer customers.",
)


def repeats_of(drafts: list[Draft]) -> dict[int, frozenset[str]]:
    return repeated_lines(drafts, draft_paragraphs)


def test_lines_an_outlet_repeats_are_found_and_the_stories_are_not() -> None:
    drafts = [article(story) for story in STORIES]
    found = repeats_of(drafts)
    assert found == {position: frozenset({PROMO, SLOGAN}) for position in range(3)}
    cleaned = clean(drafts[0], repeated=found[0])
    assert cleaned.text == STORIES[0]
    assert [item.kind for item in cleaned.stripped] == ["repeated-line", "repeated-line"]


def test_different_outlets_and_unknown_outlets_are_never_compared() -> None:
    assert repeats_of([article(STORIES[0], outlet="A"), article(STORIES[1], outlet="B")]) == {}
    assert repeats_of([article(STORIES[0], outlet=None), article(STORIES[1], outlet=None)]) == {}


def test_the_url_host_names_the_outlet_when_no_field_does() -> None:
    draft = article(STORIES[0], outlet=None, url="https://www.courier.example/news/1")
    assert outlet_key(draft) == "courier.example"


def test_two_versions_of_one_story_keep_their_shared_lines() -> None:
    update = dataclasses.replace(
        article(STORIES[0]), text=article(STORIES[0]).text + "\n\nThe board meets again on Friday."
    )
    assert repeats_of([article(STORIES[0]), update]) == {}


def test_one_article_alone_is_cleaned_as_before() -> None:
    draft = article(STORIES[0])
    assert repeats_of([draft]) == {}
    assert PROMO in clean(draft).text


def test_read_articles_strips_an_outlets_repeated_lines(tmp_path: Path) -> None:
    paths = []
    for number, story in enumerate(STORIES):
        path = tmp_path / f"story{number}.txt"
        path.write_text(f"{story}\n\n{PROMO}\n\n{SLOGAN}\n", encoding="utf-8")
        (tmp_path / f"story{number}.json").write_text('{"outlet": "Harbour Courier"}', encoding="utf-8")
        paths.append(str(path))
    result = read_articles(paths)
    assert [item.text for item in result.articles] == list(STORIES)


def test_only_articles_that_share_a_line_are_compared(monkeypatch: pytest.MonkeyPatch) -> None:
    # A big outlet in one batch must not cost every pair of its articles: only
    # the articles holding one shared line are weighed as versions of each other.
    compared: list[int] = []

    def counting(first: frozenset[str], second: frozenset[str]) -> bool:
        compared.append(1)
        return versions(first, second)

    versions = repeats._versions
    monkeypatch.setattr(repeats, "_versions", counting)
    outlets = ["harbour courier"] * 300
    found = repeats.repeats_by_outlet(outlets, lambda position: [f"Story {position} opens here.", PROMO])
    assert set(found) == set(range(300))
    assert all(lines == {PROMO} for lines in found.values())
    assert len(compared) < 300 * 3
