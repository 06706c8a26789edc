"""Nominal references: the phrase finder alone."""

from __future__ import annotations

from dossier.entities.references import nominal_references


def phrases(text: str) -> list[tuple[str, str, str | None]]:
    return [(text[s:e], head, q) for s, e, head, q in nominal_references(text)]


def test_finds_the_office_phrases() -> None:
    text = "The minister left. Later the Chinese ambassador spoke, and the Secretary agreed."
    assert phrases(text) == [
        ("minister", "minister", None),
        ("Chinese ambassador", "ambassador", "Chinese"),
        ("Secretary", "secretary", None),
    ]


def test_skips_titles_before_names_and_descriptions() -> None:
    text = "the Foreign Minister Ana Vell arrived; the head of the port left; the minister's car."
    assert phrases(text) == [("minister", "minister", None)]


def test_plain_nouns_are_not_references() -> None:
    assert phrases("The river and the dam and the state.") == []
