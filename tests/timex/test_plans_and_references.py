"""Tense and aspect in relative dates: plans go forward, possessive event references date their own event.

Sentences are written for these tests. The anchor, 2025-03-06, is a Thursday.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dossier.article import Draft
from dossier.clean import clean
from dossier.timeline import timeline_stage
from dossier.timex import find_mentions, resolve_article
from figures.stories import make_article
from reading import analyzed_story

ANCHOR = dt.date(2025, 3, 6)


def resolved(text: str) -> dict[str, str | None]:
    return {
        text[expression.start : expression.end]: expression.value.iso() if expression.value else None
        for expression in resolve_article(text, (), ANCHOR)
    }


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        # A plan stated in the present lies ahead: the next such weekday after the article date.
        ("The runoff vote is Saturday.", "Saturday", "2025-03-08"),
        ("The council vote is on Monday.", "on Monday", "2025-03-10"),
        ("The hearing is scheduled for Tuesday.", "Tuesday", "2025-03-11"),
        ("Negotiations resume on Wednesday in the capital.", "on Wednesday", "2025-03-12"),
        ("The governor will speak Tuesday at the port.", "Tuesday", "2025-03-11"),
        ("Aides said the minister will give a speech Monday.", "Monday", "2025-03-10"),
        # Told in the past, the same words point back.
        ("The governor spoke Tuesday at the port.", "Tuesday", "2025-03-04"),
        ("The runoff vote was Saturday.", "Saturday", "2025-03-01"),
        ("Officials said Monday that the count was complete.", "Monday", "2025-03-03"),
    ],
)
def test_tense_and_aspect_set_the_direction(sentence: str, expression: str, value: str) -> None:
    assert resolved(sentence)[expression] == value


def test_a_reporting_verb_and_a_plan_in_one_sentence_each_keep_their_own_direction() -> None:
    found = resolved("The mayor said Tuesday that the runoff vote is Saturday.")
    assert found == {"Tuesday": "2025-03-04", "Saturday": "2025-03-08"}


@pytest.mark.parametrize(
    ("sentence", "reference"),
    [
        ("A second suspect in Monday's shooting was arrested overnight.", True),
        ("Residents cleaned up after Tuesday's storm.", True),
        ("Monday's shooting left two people injured.", False),
        ("Police made an arrest on Monday.", False),
    ],
)
def test_a_possessive_inside_a_phrase_is_a_reference_to_another_event(sentence: str, reference: bool) -> None:
    (mention,) = find_mentions(sentence)
    assert mention.reference is reference


def test_a_possessive_reference_does_not_date_the_sentence_on_the_timeline() -> None:
    text = (
        "A second suspect in Monday's shooting was arrested overnight, police said. "
        "Monday's shooting left two people injured at the market."
    )
    article = make_article(text, published=ANCHOR)
    timeline = timeline_stage(analyzed_story(articles=(article,))).timeline
    assert [entry.date for entry in timeline] == ["2025-03-03"]
    assert "left two people injured" in timeline[0].text
    assert all("arrested" not in entry.text for entry in timeline)


def test_the_footer_of_an_embedded_post_is_no_event() -> None:
    text = (
        "MILLBROOK (Example News) — The county opened two polling stations on Tuesday, officials said.\n\n"
        "Polls are open until eight tonight. Bring your card. pic.example/xyz\n"
        "— Millbrook County (@MillbrookVotes) March 4, 2025\n\n"
        "Turnout was higher than at the last election, the clerk said."
    )
    article = clean(Draft(source="embed", text=text, published=ANCHOR))
    assert "@MillbrookVotes" not in article.text
    assert any(item.kind == "embed-footer" for item in article.stripped)
    timeline = timeline_stage(analyzed_story(articles=(article,))).timeline
    assert all("MillbrookVotes" not in entry.text for entry in timeline)
