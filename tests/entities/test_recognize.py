"""Mentions from the shipped model plus rules, on invented sentences."""

from __future__ import annotations

from dossier.article import Span
from dossier.entities.recognize import Mention, _headline_words, _title_case, model_words, recognize
from dossier.entities.tokenize import tokenize


def surfaces(text: str, kind: str | None = None) -> list[str]:
    return [m.surface for m in recognize(text) if kind is None or m.type == kind]


def test_finds_people_places_and_organizations() -> None:
    text = "Prime Minister Ola Brandt met officials from the World Bank in Paris on Monday."
    found = recognize(text)
    assert Mention(15, 25, "person", "Ola Brandt") in found
    assert "Paris" in surfaces(text, "place")
    assert any("World Bank" in s for s in surfaces(text, "organization"))


def test_titles_are_not_part_of_person_names() -> None:
    names = surfaces("President Ana Vell and Foreign Minister Tom Orr spoke.", "person")
    assert "Ana Vell" in names
    assert "Tom Orr" in names
    assert not any("President" in name or "Minister" in name for name in names)


def test_demonyms_are_places_not_people() -> None:
    text = "Chinese and American negotiators met French diplomats."
    assert surfaces(text, "person") == []
    assert {"Chinese", "American", "French"} <= set(surfaces(text, "place"))


def test_names_do_not_run_across_dashes_or_commas() -> None:
    for mention in recognize("LISBON — Foreign Minister Ana Vell, who leads the talks, arrived."):
        assert "—" not in mention.surface
        assert "," not in mention.surface


def test_capitalized_function_words_are_not_names() -> None:
    text = "“The reservoir is low,” she said. “We did not come to lose. Nothing is agreed.”"
    assert not {"The", "We", "Nothing"} & set(surfaces(text))


def test_model_words_fold_capital_runs_and_curly_quotes() -> None:
    words = model_words(tokenize("PORT AMARIS — “NATO” said"))
    assert words[:2] == ["Port", "Amaris"]
    assert '"' in words
    assert "NATO" in words  # a lone short capital word stays an acronym


def test_offsets_match_surfaces() -> None:
    text = "In Oslo, Ana Vell of the Harbour Authority met Tom Orr’s team from Lisk."
    for mention in recognize(text):
        assert text[mention.start : mention.end] == mention.surface


def test_person_spans_stop_at_lower_case_words_but_keep_particles() -> None:
    # The rule behind the tagger: exercised directly, since the model's mistakes cannot be ordered up.
    from dossier.entities.recognize import _trimmed

    text = "Ana Vell told Tom Orr and Ana de Souza"
    tokens = tokenize(text)
    told = _trimmed(text, tokens[:5], "person")
    assert told is not None
    assert told.surface == "Ana Vell"
    particle = _trimmed(text, tokens[6:], "person")
    assert particle is not None
    assert particle.surface == "Ana de Souza"


def test_person_with_an_institution_word_becomes_an_organization() -> None:
    from dossier.entities.recognize import _trimmed

    text = "Harbour Renewal Fund"
    mention = _trimmed(text, tokenize(text), "person")
    assert mention is not None
    assert mention.type == "organization"


def test_title_case_headline_words_the_article_writes_in_lower_case_are_not_names() -> None:
    text = (
        "Ilse Marrow Approves New Dam Near Quillon\n"
        "The council approves plans for a new dam near the river, Ilse Marrow said."
    )
    headline = recognize(text, (Span(0, text.index("\n")), Span(text.index("\n") + 1, len(text))))
    first_line = [m.surface for m in headline if m.end <= text.index("\n")]
    assert not any(word in surface for surface in first_line for word in ("Approves", "New", "Dam", "Near"))
    assert "Quillon" in " ".join(first_line)


def test_headline_folding_keeps_names_and_ordinary_sentences() -> None:
    assert _headline_words(["Quillon", "Approves", "Dam"], frozenset({"approves", "dam"})) == [
        "Quillon",
        "approves",
        "dam",
    ]
    assert not _title_case(["The", "council", "approves", "plans", "for", "a", "new", "dam"])
    assert _title_case(["Council", "Approves", "Plans", "For", "New", "Dam"])
