"""Hostile input: no crash, no hang, no nonsense."""

from __future__ import annotations

from dossier.briefing import Briefing
from dossier.entities import entities_stage
from reading import analyzed_story

from .conftest import make_article


def run(text: str) -> Briefing:
    return entities_stage(analyzed_story(articles=(make_article(text),)))


def check_spans(story: Briefing) -> None:
    text = story.articles[0].text
    for entity in story.entities:
        for mention in entity.mentions:
            assert 0 <= mention.start < mention.end <= len(text)


def test_no_capital_letters_gives_no_names() -> None:
    story = run("the minister met the ambassador in the capital and they said the talks went well. " * 20)
    assert story.entities == ()


def test_all_capitals_do_not_crash() -> None:
    story = run("FOREIGN MINISTER ANA VELL MET U.S. OFFICIALS IN LISBON ON MONDAY. THE TALKS WENT WELL.")
    check_spans(story)
    assert any(e.name == "United States" for e in story.entities)


def test_a_list_of_ten_thousand_names() -> None:
    first = ["Ana", "Tom", "Ida", "Per", "Oda", "Eva", "Jon", "Lis", "Kai", "Mia"]
    last = ["Vell", "Orr", "Mork", "Haug", "Lunn", "Berg", "Roux", "Kos", "Dahl", "Sand"]
    names = [f"{first[i % 10]} {last[(i // 10) % 10]}{i // 100}" for i in range(10_000)]
    story = run(", ".join(names) + ".")
    check_spans(story)
    assert len(story.entities) > 100


def test_a_single_one_megabyte_paragraph() -> None:
    sentence = "Ana Vell met officials in Lisbon and the talks went on without a break "
    text = sentence * (1_000_000 // len(sentence))
    story = run(text)
    check_spans(story)
    assert any(e.name == "Lisbon" for e in story.entities)


def test_non_english_text() -> None:
    story = run("Der Außenminister traf sich am Montag in Berlin mit Vertretern. 外交部长周一会见了代表。")
    check_spans(story)


def test_empty_story_and_empty_text() -> None:
    assert entities_stage(analyzed_story(articles=())).entities == ()
    assert run("").entities == ()
    assert run("…‽ — “” ()").entities == ()
