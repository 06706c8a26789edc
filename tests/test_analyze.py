"""One reading per article: every item a span of the text, deterministic, and the same in any process."""

from __future__ import annotations

import datetime as dt

from dossier.analysis import Analysis
from dossier.analyze import analyze_articles, analyze_texts
from dossier.segment import segmented_article
from reading import analysis_of

TEXT = (
    "Foreign Minister Ana Roe met union leaders in Velm on Monday.\n\n"
    '"We will reopen the port within 10 days," Roe told reporters. The strike has cost 4 million euros.\n\n'
    "Roe said the talks would resume on Friday."
)


def test_every_item_is_a_span_of_the_text() -> None:
    (analysis,) = analyze_texts([TEXT])
    spans: list[tuple[int, int]] = [
        *((s.start, s.end) for s in analysis.sentences),
        *((n.start, n.end) for n in analysis.names),
        *((t.start, t.end) for t in analysis.times),
        *((f.start, f.end) for f in analysis.figures),
        *((q.start, q.end) for q in analysis.quotes),
    ]
    assert all(0 <= start < end <= len(TEXT) for start, end in spans)
    assert len(analysis.tokens) == len(analysis.tokens.heads) > 20


def test_the_reading_holds_names_titles_times_figures_and_quotes() -> None:
    article = segmented_article(TEXT, source="roe.txt", published=dt.date(2025, 3, 12))
    (analysis,) = analyze_articles([article])
    roe = [n for n in analysis.names if n.surface == "Ana Roe"]
    assert roe and roe[0].type == "person"
    assert [t.of(TEXT) for t in roe[0].titles] == ["Foreign Minister"]
    assert any(t.value is not None and t.value.iso() == "2025-03-10" for t in analysis.times)  # "on Monday"
    assert {f.value for f in analysis.figures} >= {10.0, 4_000_000.0}
    (quote,) = analysis.quotes
    assert quote.speaker is not None and quote.speaker.name == "Ana Roe"
    assert analysis.anchor == dt.date(2025, 3, 12)


def test_a_later_date_re_resolves_times_without_reading_again() -> None:
    (undated,) = analyze_texts([TEXT])
    assert all(t.value is None for t in undated.times if t.mention.kind == "weekday")
    dated = undated.anchored(dt.date(2025, 3, 12))
    assert dated.names == undated.names
    assert any(t.value is not None and t.value.iso() == "2025-03-10" for t in dated.times)


def test_the_same_text_gives_the_same_analysis_and_it_round_trips() -> None:
    first, second = analyze_texts([TEXT, TEXT])
    assert first == second
    assert Analysis.from_dict(first.to_dict()) == first


def test_two_processes_read_exactly_as_one() -> None:
    articles = [segmented_article(f"{TEXT}\n\nDay {number} of the strike.") for number in range(3)]
    assert list(analyze_articles(articles, processes=2)) == list(analyze_articles(articles, processes=1))


def test_an_empty_text_has_an_empty_analysis() -> None:
    (analysis,) = analyze_texts([""])
    assert analysis.sentences == () and analysis.names == () and len(analysis.tokens) == 0


def test_a_figure_measures_a_noun_or_nothing() -> None:
    # The extractor's word patterns read "had" as what grew; the parse knows it is a verb.
    figures = analysis_of("The number they had rose by 18 percent.").figures
    assert [(figure.value, figure.about) for figure in figures] == [(18.0, None)]
    named = analysis_of("Support for the plan rose to 18 percent of voters.").figures
    assert [figure.about for figure in named] == ["voters"]
