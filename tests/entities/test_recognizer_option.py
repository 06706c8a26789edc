"""The entity stage takes any recognizer; the default is our tagger."""

from __future__ import annotations

import re
from collections.abc import Sequence

from dossier.article import Span
from dossier.briefing import Briefing, EntityType
from dossier.entities import Mention, make_entities_stage, tagger_recognizer

from .conftest import make_article

TEXT = "Foreign Minister Ana Vell met officials in Lisbon. Vell said the talks went well."


def test_the_default_stage_is_the_tagger_recognizer() -> None:
    story = Briefing(articles=(make_article(TEXT),))
    default = make_entities_stage()(story)
    explicit = make_entities_stage(recognizer=tagger_recognizer())(story)
    assert default.entities == explicit.entities
    assert any(e.name == "Ana Vell" for e in default.entities)


NAMES: dict[str, EntityType] = {"Ana Vell": "person", "Vell": "person", "Lisbon": "place"}


def listed_names(text: str, sentences: Sequence[Span]) -> list[Mention]:
    """A plain gazetteer recognizer: every word-bounded occurrence of a listed name."""
    pattern = re.compile(r"\b(?:Ana Vell|Vell|Lisbon)\b")
    found: list[Mention] = []
    for sentence in sentences or (Span(0, len(text)),):
        for match in pattern.finditer(text, sentence.start, sentence.end):
            found.append(Mention(match.start(), match.end(), NAMES[match.group()], match.group()))
    return found


def test_another_recognizer_feeds_the_same_linking() -> None:
    story = make_entities_stage(recognizer=listed_names)(Briefing(articles=(make_article(TEXT),)))
    names = {e.name: e for e in story.entities}
    assert set(names) == {"Ana Vell", "Lisbon"}
    assert len(names["Ana Vell"].mentions) == 2  # "Vell" joins the full name
    assert [r.title for r in names["Ana Vell"].roles] == ["Foreign Minister"]
