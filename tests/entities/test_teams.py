"""A place's name standing for its team in a game's sentence, and staying a place elsewhere."""

from __future__ import annotations

from dossier.briefing import EntityType
from dossier.entities import entities_stage
from dossier.entities.teams import reads_as_team
from reading import story_naming

from .test_canonical import by_name, mention_texts


def reads(sentence: str, name: str) -> bool:
    start = sentence.index(name)
    return reads_as_team(sentence, 0, len(sentence), start, start + len(name))


def test_a_score_or_a_word_for_beating_makes_the_place_a_team() -> None:
    assert reads("The Gulls held on for a 31-24 win over Harrowby on Sunday.", "Harrowby")
    assert reads("Nobody expected them to beat Harrowby this year.", "Harrowby")
    assert reads("Harrowby rallied late but lost 17-14.", "Harrowby")


def test_a_place_word_or_no_game_keeps_it_a_place() -> None:
    assert not reads("The Gulls won 31-24 in Harrowby on Sunday.", "Harrowby")
    assert not reads("Harrowby opened a new library on Sunday.", "Harrowby")
    assert not reads("Fans drove from Harrowby to watch the 3-1 win.", "Harrowby")


def test_the_team_gets_the_mentions_that_stand_for_it_and_the_city_keeps_the_rest() -> None:
    texts = (
        "The Harrowby Otters lost their fourth game in a row on Sunday.",
        "The Gulls beat Harrowby 24-10 before a small crowd.",
        "The mayor of Harrowby said the stadium would be repaired next year.",
    )
    names: dict[str, EntityType] = {
        "Harrowby Otters": "organization",
        "Harrowby": "place",
        "Gulls": "organization",
    }
    story = entities_stage(story_naming(texts, names))
    team = by_name(story, "Harrowby Otters")
    city = by_name(story, "Harrowby")
    assert sorted(mention_texts(story, team)) == ["Harrowby", "Harrowby Otters"]
    assert city.type == "place"
    assert mention_texts(story, city) == ["Harrowby"]


def test_two_teams_of_one_city_leave_its_name_a_place() -> None:
    texts = (
        "The Harrowby Otters and the Harrowby Rovers both play on Sunday.",
        "The Gulls beat Harrowby 24-10 last week.",
    )
    names: dict[str, EntityType] = {
        "Harrowby Otters": "organization",
        "Harrowby Rovers": "organization",
        "Harrowby": "place",
        "Gulls": "organization",
    }
    story = entities_stage(story_naming(texts, names))
    city = by_name(story, "Harrowby")
    assert city.type == "place"


def test_a_body_named_after_the_city_is_no_team() -> None:
    texts = (
        "The Harrowby Police Department opened an inquiry on Monday.",
        "Officials in Harrowby said 10-15 people were questioned. Harrowby 3-1 was the score.",
    )
    names: dict[str, EntityType] = {"Harrowby Police Department": "organization", "Harrowby": "place"}
    story = entities_stage(story_naming(texts, names))
    city = by_name(story, "Harrowby")
    assert city.type == "place"
    assert len(city.mentions) == 2
