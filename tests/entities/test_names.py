"""The entity layer's rules on top of the model, each on text written for it."""

from __future__ import annotations

import pytest

from reading import names_of


def test_a_subject_made_of_country_names_is_not_a_person() -> None:
    for text in (
        "The talks went well. U.S.-China relations remain complex and multifaceted.",
        "The visit comes at a time when U.S.-China relations are being tested by various factors.",
    ):
        assert not any(name.type == "person" for name in names_of(text))


def test_the_subject_of_a_verb_the_model_missed_is_a_name() -> None:
    names = names_of('"It is clear," King said on Monday.')
    assert [(name.surface, name.type) for name in names] == [("King", "person")]


def test_titles_are_cut_off_and_kept_as_titles() -> None:
    text = "Sergeant Tomas Verhoek said so."
    (name,) = names_of(text)
    assert name.surface == "Tomas Verhoek"
    assert [title.of(text) for title in name.titles] == ["Sergeant"]


def test_a_name_found_once_is_found_wherever_the_article_repeats_it() -> None:
    text = (
        "Clinton was for sale, Pence stated on Tuesday.\n\nPence added, “It would be a dereliction of duty.”"
    )
    assert [name.surface for name in names_of(text)].count("Pence") == 2


def test_newspaper_and_body_shaped_names_are_organizations() -> None:
    kinds = {(n.surface, n.type) for n in names_of("The Tidewater Gazette ran the story first.")}
    assert ("Tidewater Gazette", "organization") in kinds
    kinds = {(n.surface, n.type) for n in names_of("The Velmish Foreign Ministry said the talks will go on.")}
    assert ("Velmish Foreign Ministry", "organization") in kinds


def test_a_dotted_country_keeps_its_last_dot() -> None:
    assert ("U.S.", "place") in {(n.surface, n.type) for n in names_of("The U.S. and America agreed.")}


def test_a_source_line_glued_before_a_name_is_not_part_of_it() -> None:
    from dossier.analysis import Tokens
    from dossier.article import Span
    from dossier.entities.names import name_mentions

    text = "Lisk, Velmar (Harbour Wire)-Ana Roe won the race at Port (North) Lisk on Sunday."
    glued = text.index("Wire)-Ana Roe")
    own = text.index("Port (North) Lisk")
    entities = [(glued, glued + len("Wire)-Ana Roe"), "PERSON"), (own, own + len("Port (North) Lisk"), "GPE")]
    names = name_mentions(text, entities, Tokens(), (Span(0, len(text)),))
    assert [name.surface for name in names] == ["Ana Roe", "Port (North) Lisk"]


def test_an_office_named_x_general_is_a_title_not_a_name() -> None:
    text = "Solicitor General Ana Lisk argued the case on Monday. The Solicitor General said little."
    names = names_of(text)
    assert "Solicitor General" not in [name.surface for name in names]
    (lisk,) = [name for name in names if name.surface == "Ana Lisk"]
    assert [title.of(text) for title in lisk.titles] == ["Solicitor General"]


def test_a_person_read_ending_in_a_body_word_is_a_body_unless_it_is_a_surname() -> None:
    from dossier.analysis import Tokens
    from dossier.article import Span
    from dossier.entities.names import name_mentions

    text = "Lisk Police said Nora Court would testify."
    police, court = text.index("Lisk Police"), text.index("Nora Court")
    entities = [(police, police + len("Lisk Police"), "PERSON"), (court, court + len("Nora Court"), "PERSON")]
    names = name_mentions(text, entities, Tokens(), (Span(0, len(text)),))
    assert [(name.surface, name.type) for name in names] == [
        ("Lisk Police", "organization"),
        ("Nora Court", "person"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The vote was close. Said Brandt, “We will count the ballots again tomorrow.”",
        "The vote was close. Asserting Brandt was wrong, Quell demanded a recount.",
    ],
)
def test_a_verb_opening_the_sentence_is_not_part_of_the_name_after_it(text: str) -> None:
    assert "Brandt" in [name.surface for name in names_of(text)]
