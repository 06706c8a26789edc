"""Organization, law and event names from their shape; titles of works quoted after "app", "album"."""

from __future__ import annotations

from dossier.entities.recognize import recognize
from dossier.entities.rules import quoted_works, with_name_rules
from dossier.entities.tokenize import tokenize


def found(text: str) -> set[tuple[str, str]]:
    return {(m.surface, m.type) for m in recognize(text)}


def test_organization_words_make_organizations() -> None:
    text = (
        "Officials of the Tidewater Harbour Council and the Ministry of Fisheries"
        " met Quillon Holdings Inc. staff."
    )
    names = found(text)
    assert ("Tidewater Harbour Council", "organization") in names
    assert ("Ministry of Fisheries", "organization") in names
    assert ("Quillon Holdings Inc.", "organization") in names


def test_laws_and_events_are_other_names() -> None:
    names = found("The council backed the Harbour Safety Act before the Coastal Summit opened.")
    assert ("Harbour Safety Act", "other") in names
    assert ("Coastal Summit", "other") in names


def test_a_title_cuts_an_organization_off_the_person_after_it() -> None:
    names = found("Bank of Quillon Governor Ilse Marrow spoke on Monday.")
    assert ("Bank of Quillon", "organization") in names
    assert ("Ilse Marrow", "person") in names


def test_a_person_of_a_party_is_not_part_of_the_party() -> None:
    tokens = tokenize("Ilse Marrow of the Quillon Party spoke.")
    tags = with_name_rules(tokens, ["O"] * len(tokens))
    assert [t.text for t, tag in zip(tokens, tags, strict=True) if tag != "O"] == ["Quillon", "Party"]


def test_runs_stop_at_days_and_need_two_capitalized_words() -> None:
    tokens = tokenize("Yesterday Council members met. The Harbour Council Wednesday voted.")
    tags = with_name_rules(tokens, ["O"] * len(tokens))
    tagged = [t.text for t, tag in zip(tokens, tags, strict=True) if tag != "O"]
    assert tagged == ["Harbour", "Council"]


def test_the_tagger_keeps_places_it_found() -> None:
    tokens = tokenize("Crowds filled Quillon Games Park.")
    tags = ["O", "O", "B-place", "I-place", "I-place", "O"]
    assert with_name_rules(tokens, list(tags)) == tags


def test_quoted_titles_after_a_work_word() -> None:
    text = "She released the app “Tide finder” and her album 'Salt' this week, and said “Hello” twice."
    names = found(text)
    assert ("Tide finder", "other") in names
    assert ("Salt", "other") in names
    tokens = tokenize(text)
    assert [" ".join(t.text for t in tokens[a:b]) for a, b in quoted_works(tokens)] == ["Tide finder", "Salt"]
    assert quoted_works(tokenize('the book "never closed')) == []


def test_long_runs_of_capitals_and_quotes_stay_bounded() -> None:
    text = "Council " * 20_000 + 'app "' * 5_000 + "Bank of " * 5_000 + "Trust"
    tokens = tokenize(text)
    tags = with_name_rules(tokens, ["O"] * len(tokens))
    assert len(tags) == len(tokens)
    assert all(tag == "O" or tag[:2] in ("B-", "I-") for tag in tags)
    # A run is cut every few words, so no tagged name grows past a dozen tokens.
    longest = current = 0
    for tag in tags:
        current = current + 1 if tag.startswith("I-") else 0
        longest = max(longest, current)
    assert longest < 12
    assert quoted_works(tokens) == []
