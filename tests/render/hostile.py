"""A briefing whose every field carries markup, quote marks, ampersands and template syntax.

Each field holds :data:`HOSTILE` (with a tag naming the field), and the article
text holds every quoted span, so the records still cite real spans.
"""

from __future__ import annotations

from dossier.article import Article, Failure, Stripped, article_id
from dossier.briefing import (
    Briefing,
    Citation,
    CitedText,
    Claim,
    Conflict,
    Coverage,
    CoverageRow,
    Entity,
    Exclusive,
    Figure,
    Issue,
    Omission,
    Position,
    PreviewPoint,
    Quote,
    Role,
    Speaker,
    Statement,
    TimelineEntry,
)

#: Markup that would run, attributes that would break out, an entity, and Jinja2 syntax that would evaluate.
HOSTILE = (
    "<script>alert(1)</script><img src=x onerror=alert(2)> \"dq\" 'sq' & {{ 7*7 }} {% if 1 %}x{% endif %}"
)


def hostile(field: str) -> str:
    return f"{field}: {HOSTILE}"


def hostile_briefing() -> Briefing:
    quote_text = hostile("quote")
    speaker_name = hostile("speaker")
    figure_text = "12 <b>boats</b> & 'more'"
    text = "\n\n".join([hostile("body"), f"{speaker_name} said {quote_text}", f"Then {figure_text} came."])
    article = Article(
        id=article_id(text),
        source=hostile("source"),
        text=text,
        title=hostile("title"),
        outlet=hostile("outlet"),
        url="https://news.example/a?b=1&c=2",
        dateline=hostile("dateline"),
        stripped=(Stripped(hostile("kind"), hostile("stripped"), hostile("reason")),),
    )
    aid = article.id

    def span(words: str) -> Citation:
        start = text.index(words)
        return Citation(aid, start, start + len(words))

    quote_at, speaker_at, figure_at = span(quote_text), span(speaker_name), span(figure_text)
    speaker = Speaker(speaker_name, "e1", aid, speaker_at.start, speaker_at.end)
    quote = Quote(
        "q1", aid, quote_at.start, quote_at.end, quote_text, "partial", speaker, hostile("cue"), "s1"
    )
    body = CitedText(hostile("body"), (span(hostile("body")),))
    claim = Claim(aid, figure_at.start, figure_at.end, figure_text, 12, hostile("unit"))
    return Briefing(
        articles=(article,),
        entities=(
            Entity(
                "e1",
                speaker_name,
                "person",
                aliases=(hostile("alias"),),
                roles=(Role(hostile("role"), (aid,)),),
                mentions=(speaker_at,),
            ),
        ),
        quotes=(quote,),
        statements=(Statement("s1", speaker_name, "e1", ("q1",), (aid,), aid),),
        figures=(
            Figure("f1", aid, figure_at.start, figure_at.end, figure_text, 12, "boats", hostile("about")),
        ),
        conflicts=(Conflict("c1", hostile("conflict"), "conflict", (claim, claim)),),
        timeline=(TimelineEntry("2025-01-02", hostile("event"), (body.citations[0],)),),
        issues=(
            Issue(
                "i1",
                hostile("issue"),
                summary=(body,),
                quote_ids=("q1",),
                article_ids=(aid,),
                positions=(Position(hostile("side"), ("q1",)),),
            ),
        ),
        summary=(body,),
        failures=(Failure(hostile("failure"), hostile("error"), hostile("why")),),
        stages=(hostile("stage"),),
        metadata={hostile("key"): hostile("value")},
        coverage=Coverage(
            outlets=(hostile("outlet"),),
            rows=(CoverageRow("i1", (1,)),),
            exclusives=(Exclusive(hostile("outlet"), "i1", hostile("body"), body.citations),),
            omissions=(Omission("i1", (hostile("outlet"),), (hostile("other"),)),),
            event_date="2025-01-02",
            previews=(PreviewPoint(hostile("body"), body.citations, False),),
        ),
    )
