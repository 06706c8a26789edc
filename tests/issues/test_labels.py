"""Labels come from the issue's own words: verbatim phrases, scored against the other issues."""

from __future__ import annotations

from dossier.issues.labels import SEPARATOR, fallback_label, label_from, occurs_in, phrases_in, rank_phrases

PAY = [
    "The guild wants a nine percent pay rise for deckhands.",
    "Deckhands were offered a four percent pay rise by the board.",
    "The board said a pay rise above four percent was out of reach.",
]
SAFETY = [
    "Inspectors found rusted davits on two lifeboats.",
    "The guild says the lifeboats have not been inspected since winter.",
    "The board said every lifeboat passed inspection.",
]


def test_phrases_are_verbatim_runs_without_stop_word_edges() -> None:
    found = phrases_in("The guild wants a nine percent pay rise.")
    assert found["pay rise"] == "pay rise"
    assert "the guild" not in found
    assert "wants a" not in found


def test_phrases_never_cross_a_line_break_or_double_space() -> None:
    assert "pay rise" not in phrases_in("A pay\nrise, then a pay  rise.")


def test_each_group_is_labelled_by_what_sets_it_apart() -> None:
    pay, safety = rank_phrases([PAY, SAFETY])
    pay_label, pay_parts = label_from(pay, fallback_label(PAY))
    safety_label, _ = label_from(safety, fallback_label(SAFETY))
    assert "pay rise" in pay_label.casefold()
    assert "lifeboats" in safety_label.casefold()
    assert "board" not in pay_parts  # shared by both groups, so it sets neither apart
    for part in pay_label.split(SEPARATOR):
        assert occurs_in(part, PAY)
    for part in safety_label.split(SEPARATOR):
        assert occurs_in(part, SAFETY)


def test_group_with_no_shared_phrase_falls_back_to_its_own_first_word() -> None:
    label, parts = label_from([], fallback_label(["the quiet harbour"]))
    assert label == "quiet"
    assert parts == ("quiet",)


def test_phrases_neither_open_nor_close_on_a_preposition_conjunction_or_determiner() -> None:
    found = phrases_in("It was the worst ferry disaster since the storm, amid protests, every lifeboat gone.")
    assert "worst ferry disaster" in found
    assert "ferry disaster since" not in found
    assert "disaster since" not in found
    assert "amid protests" not in found
    assert "every lifeboat" not in found
    assert "lifeboat" in found


def test_a_time_adverb_is_no_phrase_edge_either() -> None:
    found = phrases_in("The quay reopened two years ago, and the ferry still sails later than planned.")
    assert not any(key.endswith((" ago", " later", " still")) for key in found)
    assert not any(key.startswith(("ago ", "still ", "later ", "than ")) for key in found)
    assert "ferry" in found
