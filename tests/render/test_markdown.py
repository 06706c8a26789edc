"""Markdown rendering: what a reader must find, what must never leak through."""

from __future__ import annotations

import re
from dataclasses import replace

from dossier.article import Article, article_id
from dossier.briefing import Briefing, Citation, CitedText
from dossier.render.markdown import escape, to_markdown
from dossier.render.view import EMPTY, SECTION_STAGES

from .hostile import HOSTILE, hostile, hostile_briefing


def section(document: str, heading: str) -> str:
    """The body of one ``## heading`` section."""
    start = document.index(f"## {heading}\n")
    end = document.find("\n## ", start + 1)
    return document[start : end if end != -1 else len(document)]


def test_title_and_sources_table(briefing: Briefing) -> None:
    document = to_markdown(briefing)
    assert document.startswith("# Ferry evacuated after striking sandbar\n")
    sources = section(document, "Sources")
    assert "| # | Outlet | Title | Published | Dateline | Note |" in sources
    assert (
        "| 1 | The Avelin Gazette | [Ferry runs aground off Port Avelin](<https://gazette.example/ferry-aground>)"
        in sources
    )
    assert "2025-03-12 (inferred)" in sources
    assert "date unknown" in sources
    assert "PORT AVELIN" in sources
    assert "duplicate of [2]" in sources


def test_every_section_is_present_in_order(briefing: Briefing) -> None:
    document = to_markdown(briefing)
    headings = [
        "Sources",
        "Summary",
        "Key issues",
        "People, organizations and places",
        "Quotes",
        "Figures",
        "Agreements & conflicts",
        "Timeline",
        "Coverage",
        "Stripped from sources",
        "Sources that could not be read",
    ]
    positions = [document.index(f"\n## {heading}\n") for heading in headings]
    assert positions == sorted(positions)


def test_cited_lines_end_with_article_numbers(briefing: Briefing) -> None:
    document = to_markdown(briefing)
    summary = section(document, "Summary")
    assert "- The passenger ferry Morning Heron ran aground" in summary
    assert "outside Port Avelin on Tuesday evening [1][2]\n" in summary
    assert "Tomas Reyl said investigators would check [2][3]" in summary
    assert "- **2025-03-14** — ferry towed to dry dock [1]" in section(document, "Timeline")


def test_entities_show_type_roles_and_aliases(briefing: Briefing) -> None:
    people = section(to_markdown(briefing), "People, organizations and places")
    assert "### People" in people
    assert "### Organizations" in people
    assert "### Places" in people
    assert "- **Ilse Verhoeven** (also: Verhoeven) — harbor master [1][2] — mentioned in [1][2]" in people
    assert "coast guard spokesman [2]" in people


def test_quotes_are_grouped_with_speaker_and_outlets(briefing: Briefing) -> None:
    quotes = section(to_markdown(briefing), "Quotes")
    assert "### Ilse Verhoeven" in quotes
    assert "- “The crew did exactly what they were trained to do,” — said [1][2][3]" in quotes
    assert "Reported by The Avelin Gazette [1], Coastline Wire [2], Harbor Daily [3]." in quotes
    # Three outlets carried the same words: shown once, not three times.
    assert quotes.count("The crew did exactly") == 1


def test_partial_and_unattributed_quotes_say_so(briefing: Briefing) -> None:
    loose = replace(briefing.quotes[1], statement_id=None, speaker=None, kind="partial", cue=None)
    quotes = section(to_markdown(replace(briefing, quotes=(loose,), statements=())), "Quotes")
    assert "### Unattributed" in quotes
    assert "(partial)" in quotes


def test_figures_conflicts_and_coverage(briefing: Briefing) -> None:
    document = to_markdown(briefing)
    assert "- **1.8 million euros** — cost of repairs; 1,800,000 EUR [1]" in section(document, "Figures")
    conflicts = section(document, "Agreements & conflicts")
    assert "### Sources disagree: passengers evacuated" in conflicts
    assert "- The Avelin Gazette: “212 passengers” [1]" in conflicts
    assert "### Sources agree: operator of the ferry" in conflicts
    coverage = section(document, "Coverage")
    assert "| 1 | The Avelin Gazette | 2 | 2 | 2 | 4 | 2 | 1 |" in coverage
    assert "3 of 3 articles are cited in the summary." in coverage


def test_stripped_text_and_failures_are_reported(briefing: Briefing) -> None:
    document = to_markdown(briefing)
    stripped = section(document, "Stripped from sources")
    assert "### [3] Harbor Daily" in stripped
    assert "- syndication-tail: “Distributed by Coastline Wire.” — syndication notice" in stripped
    failures = section(document, "Sources that could not be read")
    assert "missing/ferry.html — SourceNotFoundError: no such file" in failures


def test_empty_briefing_says_plainly_that_sections_are_empty() -> None:
    stages = tuple(SECTION_STAGES.values())
    document = to_markdown(Briefing(articles=(), stages=stages))
    assert document.startswith("# Briefing\n")
    for key in ("sources", "summary", "issues", "entities", "quotes", "figures", "conflicts", "timeline"):
        assert f"_{EMPTY[key]}_" in document
    assert f"_{EMPTY['failures']}_" in document


def test_a_section_whose_stage_never_ran_says_so_instead_of_none_found() -> None:
    document = to_markdown(Briefing(articles=(), stages=("summarize",)))
    assert f"_{EMPTY['summary']}_" in document
    assert "_Not in this briefing: the quotes stage has not run" in document
    assert EMPTY["quotes"] not in document


def test_article_text_cannot_inject_markdown() -> None:
    text = (
        "Officials said | nothing | more. <b>Bold</b> [link](https://evil.example) *now*"
        "\n# Heading\n$5 and $6"
    )
    hostile = Article(
        id=article_id(text),
        source="x.txt",
        text=text,
        title="*Breaking* | [click](https://evil.example) <img src=x>",
        outlet="The `Outlet`",
    )
    line = CitedText(text, (Citation(hostile.id, 0, len(text)),))
    document = to_markdown(Briefing(articles=(hostile,), summary=(line,)))
    # Every special character arrives backslash-escaped, so none of it acts as markup.
    assert not re.search(r"(?<!\\)<(img|b)\b", document)
    assert not re.search(r"(?<!\\)\]\(", document)
    assert "\n# Heading" not in document
    assert r"\*Breaking\* \| \[click\]" in document
    assert r"Officials said \| nothing \| more. \<b\>Bold\</b\>" in document
    assert r"\$5 and \$6" in document


def test_escape_folds_whitespace_and_escapes_specials() -> None:
    assert escape("  a_b\n\n c*d  ") == r"a\_b c\*d"
    assert escape("safe\u202etxt\u200b.exe") == "safetxt.exe"
    assert escape("plain words, 3.5% up") == "plain words, 3.5% up"


def test_unresolvable_citation_shows_a_question_mark(briefing: Briefing) -> None:
    broken = CitedText("Nothing", (Citation("ffffffffffffffff", 0, 7),))
    assert "- Nothing [?]" in to_markdown(replace(briefing, summary=(broken,)))


def test_two_renders_are_identical(briefing: Briefing) -> None:
    assert to_markdown(briefing) == to_markdown(briefing)


def test_hostile_text_in_every_field_is_escaped_and_never_evaluated() -> None:
    document = to_markdown(hostile_briefing())
    assert HOSTILE not in document
    assert not re.search(r"(?<!\\)<(script|img)\b", document)
    assert "49" not in document  # {{ 7*7 }} in the data is not a template expression
    unescaped = re.sub(r"\\(.)", r"\1", document)
    for field in (
        "title",
        "outlet",
        "quote",
        "speaker",
        "alias",
        "role",
        "issue",
        "conflict",
        "stripped",
        "failure",
    ):
        assert hostile(field) in unescaped, field
    assert "(<https://news.example/a?b=1&c=2>)" in document


def test_a_users_own_issue_name_is_marked_as_theirs(briefing: Briefing) -> None:
    issue = replace(briefing.issues[0], label="Cost of the rescue", steered=True)
    document = to_markdown(replace(briefing, issues=(issue, *briefing.issues[1:])))
    assert "### Cost of the rescue (your issue)\n" in document
    assert "(your issue)" not in to_markdown(briefing)
