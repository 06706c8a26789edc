"""Quote speakers linked to the story's canonical entities."""

from __future__ import annotations

from dossier.article import Article, article_id
from dossier.briefing import Briefing, Citation, Entity, Quote, Speaker, Statement
from dossier.speakers import link_speakers_stage
from reading import analyzed_story

TEXT = (
    'Foreign Minister Ilse Marrow said: "We will sign." '
    '"Not yet," Marrow added. "The numbers are a floor," a senior official said.'
)
ARTICLE = Article(id=article_id(TEXT), source="a.txt", text=TEXT)
MARROW = Entity(
    id="e-marrow",
    name="Ilse Marrow",
    type="person",
    aliases=("Marrow",),
    mentions=(Citation(ARTICLE.id, TEXT.index("Ilse"), TEXT.index(" said")),),
)


def quote(words: str, speaker: str) -> Quote:
    start = TEXT.index(words)
    who = TEXT.index(speaker)
    return Quote(
        id=f"q-{start}",
        article_id=ARTICLE.id,
        start=start,
        end=start + len(words),
        text=words,
        kind="full",
        speaker=Speaker(speaker, None, ARTICLE.id, who, who + len(speaker)),
        cue="said",
        statement_id=f"s-{start}",
    )


def story() -> Briefing:
    quotes = (
        quote("We will sign.", "Ilse Marrow"),
        quote("Not yet,", "Marrow"),
        quote("The numbers are a floor,", "a senior official"),
    )
    statements = tuple(
        Statement(
            q.statement_id or "",
            q.speaker.name if q.speaker else None,
            None,
            (q.id,),
            (ARTICLE.id,),
            ARTICLE.id,
        )
        for q in quotes
    )
    return analyzed_story(articles=(ARTICLE,), entities=(MARROW,), quotes=quotes, statements=statements)


def test_full_and_short_names_link_to_one_entity() -> None:
    linked = link_speakers_stage(story())
    ids = [q.speaker.entity_id if q.speaker else None for q in linked.quotes]
    assert ids == ["e-marrow", "e-marrow", None]


def test_statements_take_the_entity_of_their_quotes() -> None:
    linked = link_speakers_stage(story())
    assert [s.speaker_entity_id for s in linked.statements] == ["e-marrow", "e-marrow", None]


def test_an_unnamed_source_is_never_given_a_name() -> None:
    unnamed = link_speakers_stage(story()).quotes[2]
    assert unnamed.speaker is not None
    assert unnamed.speaker.name == "a senior official"
    assert unnamed.speaker.entity_id is None


def test_no_entities_leaves_quotes_as_they_were() -> None:
    bare = story()
    bare = analyzed_story(articles=bare.articles, quotes=bare.quotes, statements=bare.statements)
    assert link_speakers_stage(bare).quotes == bare.quotes


def test_a_body_speaker_links_to_an_organization_never_to_the_person_in_its_name() -> None:
    text = (
        'Ilse Marrow left early. "We will sign," Ilse Marrow\'s office said. '
        '"Not yet," the Harbour Ministry said.'
    )
    second = text.index("Ilse Marrow's")
    article = Article(id=article_id(text), source="b.txt", text=text)
    marrow = Entity(
        id="e-marrow",
        name="Ilse Marrow",
        type="person",
        aliases=("Marrow",),
        mentions=(
            Citation(article.id, 0, len("Ilse Marrow")),
            Citation(article.id, second, second + len("Ilse Marrow")),
        ),
    )
    ministry = Entity(
        id="e-ministry",
        name="Harbour Ministry",
        type="organization",
        aliases=(),
        mentions=(Citation(article.id, text.index("Harbour"), text.index(" said.")),),
    )

    def said(words: str, speaker: str) -> Quote:
        start, who = text.index(words), text.index(speaker)
        return Quote(
            f"q-{start}",
            article.id,
            start,
            start + len(words),
            words,
            "full",
            Speaker(speaker, None, article.id, who, who + len(speaker)),
            "said",
            None,
        )

    quotes = (said("We will sign,", "Ilse Marrow's office"), said("Not yet,", "Harbour Ministry"))
    linked = link_speakers_stage(
        analyzed_story(articles=(article,), entities=(marrow, ministry), quotes=quotes)
    )
    ids = [q.speaker.entity_id if q.speaker else None for q in linked.quotes]
    assert ids == [None, "e-ministry"]
