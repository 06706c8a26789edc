"""A bare surname shared by two people in one article goes where the context points, or nowhere."""

from __future__ import annotations

from dossier.briefing import Entity
from dossier.entities import entities_stage
from reading import analyzed_story

from .conftest import make_article

OPENING = "Foreign Minister Wang Lin met Trade Minister Wang Bo in Beijing on Monday."
FILLER = (
    "\n\nThe two ministers later visited a port. Officials said the weather was fine. Reporters waited.\n\n"
)


def people(text: str) -> dict[str, list[str]]:
    story = entities_stage(analyzed_story(articles=(make_article(text),)))
    return {e.name: texts(text, e) for e in story.entities if e.type == "person"}


def texts(text: str, entity: Entity) -> list[str]:
    return [text[m.start : m.end] for m in entity.mentions]


def test_the_sentence_before_supports_the_person_named_there() -> None:
    found = people(
        OPENING + " Wang Bo said the talks were useful. Later, Wang told reporters that more would follow."
    )
    assert found["Wang Bo"].count("Wang") == 1
    assert "Wang" not in found["Wang Lin"]


def test_a_title_next_to_the_bare_name_selects_the_person_with_that_title() -> None:
    found = people(OPENING + FILLER + "Foreign Minister Wang said the agreement would be signed soon.")
    assert "Wang" in found["Wang Lin"]
    assert "Wang" not in found["Wang Bo"]


def test_without_support_the_bare_name_stays_unresolved() -> None:
    found = people(OPENING + FILLER + "In a separate statement, Wang said prices would rise.")
    assert "Wang" not in found["Wang Lin"]
    assert "Wang" not in found["Wang Bo"]
    assert found["Wang"] == ["Wang"]


def test_one_person_with_the_name_still_takes_it_from_afar() -> None:
    text = (
        "Trade Minister Wang Bo visited Beijing on Monday." + FILLER + "Later, Wang said prices would rise."
    )
    assert people(text)["Wang Bo"] == ["Wang Bo", "Wang"]


def test_two_people_in_the_sentence_before_leave_it_unresolved() -> None:
    found = people(OPENING + " Later, Wang told reporters that more would follow.")
    assert "Wang" not in found["Wang Lin"]
    assert "Wang" not in found["Wang Bo"]


def test_a_full_name_written_later_does_not_make_an_earlier_bare_name_ambiguous() -> None:
    text = (
        "Trade Minister Wang Bo visited Beijing on Monday."
        + FILLER
        + "Later, Wang said prices would rise."
        + FILLER
        + "Wang Lin, a banker, said nothing."
    )
    assert people(text)["Wang Bo"] == ["Wang Bo", "Wang"]
