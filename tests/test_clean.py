"""Cleaning a draft into an article: characters, paragraphs, header, boilerplate, offsets."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.article import Article, Draft, article_id
from dossier.clean import clean, normalize_text, promo_reason, tail_kind, text_paragraphs
from dossier.errors import EmptyInputError

FIXTURES = Path(__file__).parent / "fixtures" / "clean"
FIXTURE_NAMES = sorted(path.name for path in FIXTURES.glob("*.txt"))


def draft_of(name: str, **fields: object) -> Draft:
    path = FIXTURES / name
    return Draft(source=str(path), text=path.read_text(encoding="utf-8"), **fields)  # type: ignore[arg-type]


def cleaned(name: str, **fields: object) -> Article:
    return clean(draft_of(name, **fields))


def kinds(article: Article) -> list[str]:
    return [item.kind for item in article.stripped]


def words(text: str) -> list[str]:
    return text.split()


# --- every fixture -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_offsets_are_valid(name: str) -> None:
    article = cleaned(name)
    assert article.paragraphs and article.sentences
    for span in (*article.paragraphs, *article.sentences):
        piece = article.span_text(span)
        assert piece and piece == piece.strip()
        assert 0 <= span.start < span.end <= len(article.text)
    for sentence in article.sentences:
        assert any(p.start <= sentence.start and sentence.end <= p.end for p in article.paragraphs)


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_paragraphs_are_separated_by_one_blank_line(name: str) -> None:
    article = cleaned(name)
    assert article.text == article.text.strip()
    assert "\n\n\n" not in article.text
    assert [article.span_text(p) for p in article.paragraphs] == article.text.split("\n\n")
    assert all("\n" not in article.span_text(p) for p in article.paragraphs)


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_nothing_is_lost_silently(name: str) -> None:
    article = cleaned(name)
    kept = words(article.text) + [word for item in article.stripped for word in words(item.text)]
    assert sorted(words(draft_of(name).text)) == sorted(kept)


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_ids_are_deterministic(name: str) -> None:
    first, second = cleaned(name), cleaned(name)
    assert first.id == second.id
    assert first.to_dict() == second.to_dict()
    moved = clean(Draft(source="elsewhere.txt", text=draft_of(name).text))
    assert moved.id == first.id


# --- header --------------------------------------------------------------------------------------


def test_wire_byline_gives_date_title_dateline_and_agency() -> None:
    article = cleaned("wire_factbox.txt")
    assert article.published == dt.date(2024, 4, 26)
    assert article.published_inferred is False
    assert article.title == "Explainer-What is at stake as the Vessmark ferry talks resume"
    assert article.dateline == "PORT HALDEN"
    assert article.outlet == "Example News"
    assert article.metadata["byline"] == "Example News"
    assert article.metadata["agency"] == "Example News"
    assert kinds(article) == ["title", "byline", "credit"]
    assert article.text.startswith("PORT HALDEN (Example News) – Negotiators")
    assert "By Example News" not in article.text
    assert "Reporting by" not in article.text


def test_dateline_with_en_dash_stays_in_the_text() -> None:
    article = cleaned("syndicated_lines.txt")
    assert article.dateline == "LUMEN BAY"
    assert article.text.startswith("LUMEN BAY – ")
    assert article.title is None
    # No agency in the dateline: the outlet comes from the stripped promo line instead.
    assert article.metadata["outlet_from"] == "promo-line"


def test_dateline_with_em_dash_and_region() -> None:
    article = cleaned("promos_and_tails.txt")
    assert article.dateline == "GREYWATER, Norland"
    assert article.text.startswith("GREYWATER, Norland — The city council")


def test_dateline_with_date_and_agency() -> None:
    article = cleaned("credit_tails.txt")
    assert article.dateline == "NEW MARLOW"
    assert article.outlet == "Example Wire"


def test_no_false_dateline() -> None:
    text = "The U.S. — and its allies — disagree about the ferry.\n\nTalks go on next week."
    article = clean(Draft(source="aside.txt", text=text))
    assert article.dateline is None
    assert article.outlet is None


def test_draft_fields_win_over_the_header() -> None:
    article = cleaned(
        "wire_factbox.txt",
        title="Ferry talks resume",
        outlet="The Example Daily",
        published=dt.date(2024, 4, 27),
        dateline="Elsewhere",
        metadata={"byline": "Desk"},
    )
    assert article.title == "Ferry talks resume"
    assert article.outlet == "The Example Daily"
    assert article.published == dt.date(2024, 4, 27)
    assert article.dateline == "Elsewhere"
    assert article.metadata["byline"] == "Desk"
    assert article.metadata["agency"] == "Example News"
    # The headline line is still removed from the body.
    assert "Explainer-What is at stake" not in article.text


def test_a_first_line_equal_to_the_draft_title_is_removed() -> None:
    text = "The pier will close for good.\n\nThe harbor authority voted on Tuesday to close the north pier."
    article = clean(Draft(source="t.txt", text=text, title="The pier will close for good"))
    assert article.title == "The pier will close for good"
    assert article.text == "The harbor authority voted on Tuesday to close the north pier."
    assert kinds(article) == ["title"]


# --- boilerplate ---------------------------------------------------------------------------------


def test_promo_lines_are_removed_anywhere() -> None:
    article = cleaned("syndicated_lines.txt")
    assert "CLICK HERE" not in article.text
    assert "originally appeared" not in article.text
    assert kinds(article) == ["boilerplate", "syndication-tail"]
    assert "Fishing crews" in article.text


def test_every_boilerplate_family_is_removed_and_recorded() -> None:
    article = cleaned("promos_and_tails.txt")
    for gone in (
        "Advertisement",
        "Sign up",
        "READ MORE",
        "Follow us",
        "Related:",
        "Share this",
        "Click here",
        "originally published",
        "Originally published",
        "All rights reserved",
        "©",
        "Distributed by",
    ):
        assert gone not in article.text, gone
    assert not article.text.endswith(".\n\n.")
    assert kinds(article).count("boilerplate") == 6
    assert kinds(article).count("newsletter") == 1
    assert kinds(article).count("share-bar") == 1
    assert kinds(article).count("syndication-tail") == 5
    assert all(item.reason for item in article.stripped)


def test_prose_mentioning_click_or_copyright_is_kept() -> None:
    article = cleaned("promos_and_tails.txt")
    assert "can click a button" in article.text
    assert "worried about copyright on the murals" in article.text


def test_every_credit_family_is_removed_and_recorded() -> None:
    article = cleaned("credit_tails.txt")
    assert kinds(article) == ["credit"] * 5
    for gone in ("Reporting by", "Additional reporting", "Compiled by", "Our Standards", "Editing by"):
        assert gone not in article.text
    assert article.text.endswith("within ten days.")


def test_stripped_records_follow_document_order() -> None:
    article = cleaned("promos_and_tails.txt")
    texts = [item.text for item in article.stripped]
    source = draft_of("promos_and_tails.txt").text
    positions = [source.index(text) for text in texts if text != "."]
    assert positions == sorted(positions)


def test_tails_are_only_removed_at_the_end() -> None:
    text = (
        "Copyright 2024 Example Media. All rights reserved.\n\n"
        "(Reporting by Ana Ruiz; Editing by Kim Park)\n\n"
        "The pier closed on Tuesday after engineers found cracks."
    )
    article = clean(Draft(source="t.txt", text=text))
    assert article.stripped == ()
    assert "Copyright 2024" in article.text
    assert "(Reporting by Ana Ruiz" in article.text


@pytest.mark.parametrize(
    "line",
    [
        "CLICK HERE TO READ MORE FROM THE EXAMPLE HERALD",
        "Click here to subscribe",
        "READ MORE: Ferry fares go up again",
        "SEE MORE: Kelport pier to close for a month",
        "Sign up for our newsletter",
        "Subscribe to our daily briefing here",
        "Follow us on Twitter",
        "Follow Example Herald on X",
        "Advertisement",
        "Story continues below advertisement",
        "Share this article",
        "Related: Council approves new route",
        "Related Articles",
    ],
)
def test_promo_lines(line: str) -> None:
    assert promo_reason(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Riders can click a button on the site to get alerts, the office said.",
        "Related talks were held in Kessel on Monday.",
        "Readers who subscribe to the paper get it at dawn, the publisher said.",
        "More than forty passengers were on board.",
        "Follow-up talks are planned for June.",
        "Sharing the road with trucks worries cyclists.",
        "Like others on Facebook, she posted a photo of the ferry.",
    ],
)
def test_prose_is_not_promo(line: str) -> None:
    assert promo_reason(line) is None


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("This story originally appeared on example.test read the full story", "syndication-tail"),
        ("This article was originally published by The Example Courier.", "syndication-tail"),
        ("This article was originally published on example.test", "syndication-tail"),
        ("Originally published at example.test", "syndication-tail"),
        ("Copyright 2024 Example Media. All rights reserved.", "syndication-tail"),
        ("© 2024 Example Media", "syndication-tail"),
        ("Distributed by Example Syndicate", "syndication-tail"),
        ("(Reporting by Ana Ruiz, Tom Bell and Kim Park; Editing by Joan Wu)", "credit"),
        ("Reporting by Ana Ruiz; Writing by Tom Bell; Editing by Joan Wu", "credit"),
        ("Additional reporting by Piet de Vries in Oldhaven", "credit"),
        ("Compiled by Sam Hale", "credit"),
        ("-- Reporting by Marta Kell", "credit"),
        ("Our Standards: The Example Wire Trust Principles.", "credit"),
        (
            "(Reporting by Ana Ruiz; Editing by Joan Wu) Our Standards: The Example Wire Trust Principles.",
            "credit",
        ),
        ("The Example Wire contributed to this report.", "credit"),
    ],
)
def test_tail_lines(line: str, kind: str) -> None:
    found = tail_kind(line)
    assert found is not None
    assert found[0] == kind


@pytest.mark.parametrize(
    "line",
    [
        "Reporting by the Times showed that fares had doubled.",
        "Copyright lawyers said the case would take years.",
        "This story appeared to surprise the council.",
        "Editors at the paper declined to comment.",
        "(The pier was built in 1931.)",
        "First published in 1931, the guide to the harbor is still sold on the quay.",
    ],
)
def test_prose_is_not_a_tail(line: str) -> None:
    assert tail_kind(line) is None


def test_a_lone_period_at_the_end_is_removed() -> None:
    article = clean(Draft(source="t.txt", text="The pier closed on Tuesday.\n\n."))
    assert article.text == "The pier closed on Tuesday."
    assert kinds(article) == ["boilerplate"]


# --- characters and paragraphs -------------------------------------------------------------------


def test_unicode_and_whitespace_are_normalised() -> None:
    raw = (
        "\ufeffThe\u00a0ferry\u2009left  at\tnoon.\u200b \r\n"
        "Its cap\u00adtain, Jose\u0301 Marsh, waved.\x07\x00\r\n"
        "\r\n\r\n\r\n"
        "   Crowds\u3000cheered\u202fon the quay.\u2028It was cold.   "
    )
    text = normalize_text(raw)
    assert text == (
        "The ferry left at noon.\nIts captain, José Marsh, waved.\n\n\n\n"
        "Crowds cheered on the quay.\nIt was cold."
    )
    article = clean(Draft(source="t.txt", text=raw))
    assert article.text == (
        "The ferry left at noon.\n\nIts captain, José Marsh, waved.\n\n"
        "Crowds cheered on the quay.\n\nIt was cold."
    )


def test_lone_surrogates_and_control_codes_are_dropped() -> None:
    article = clean(Draft(source="t.txt", text="Bad \udcff bytes\x1b[0m here.\x0cNext page."))
    assert article.text == "Bad bytes[0m here.\n\nNext page."
    article.text.encode("utf-8")


def test_one_paragraph_per_line_is_kept() -> None:
    article = cleaned("syndicated_lines.txt")
    assert len(article.paragraphs) == 5
    assert article.span_text(article.paragraphs[1]).startswith("The vote was 7 to 2.")


def test_hard_wrapped_paragraphs_are_joined() -> None:
    article = cleaned("hard_wrapped.txt")
    assert article.title == "Orchard growers brace for a late frost"
    assert len(article.paragraphs) == 3
    assert "smudge pots between the rows" in article.text
    assert "two degrees below freezing" in article.text


def test_wrapped_paragraphs_without_blank_lines_are_found() -> None:
    article = cleaned("wrapped_no_blank_lines.txt")
    assert article.title == "River ferry returns after repairs"
    paragraphs = [article.span_text(p) for p in article.paragraphs]
    assert len(paragraphs) == 2
    assert paragraphs[0].startswith("The Kessel river ferry") and paragraphs[0].endswith(
        "repainted the hull."
    )
    assert paragraphs[1].startswith("The operator said")


def test_a_hyphen_at_a_wrap_keeps_the_word_whole() -> None:
    lines = [
        "The council said the long-awaited report on the ferry was well-",
        "known to its members before the vote, and that nobody had asked to",
        "see it again before the meeting on Friday.",
    ]
    assert text_paragraphs("\n".join(lines)) == [
        "The council said the long-awaited report on the ferry was well-known to its members before the "
        "vote, and that nobody had asked to see it again before the meeting on Friday."
    ]


def test_short_list_lines_are_not_joined() -> None:
    assert text_paragraphs("Fares\nRoutes\nPiers") == ["Fares", "Routes", "Piers"]


def test_list_items_are_not_joined() -> None:
    items = [
        "- Fares will rise by ten percent next year for all riders",
        "- Two routes will be cut and the night service ends",
        "- The north pier closes for good in the spring",
    ]
    assert text_paragraphs("\n".join(items)) == items


def test_a_spaced_hyphen_at_a_wrap_is_not_a_list_item() -> None:
    lines = [
        "The council said the report on the ferry, which nobody had read",
        "- and which cost a great deal - would be published before the vote",
        "on Friday.",
    ]
    assert len(text_paragraphs("\n".join(lines))) == 1


def test_header_lines_in_a_wrapped_block_stand_alone() -> None:
    text = (
        "Ferry talks resume in Port Halden after a long winter break\n"
        "By Jane Doe, Staff Writer\n"
        "Negotiators for the two coastal provinces met on Friday to settle\n"
        "the future of the ferry, a service that has run for forty years."
    )
    article = clean(Draft(source="t.txt", text=text))
    assert article.title == "Ferry talks resume in Port Halden after a long winter break"
    assert article.metadata["byline"] == "Jane Doe, Staff Writer"
    assert article.text.startswith(
        "Negotiators for the two coastal provinces met on Friday to settle the future"
    )


# --- hostile input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n \t \r\n",
        "\ufeff\u200b\u00ad",
        "........",
        '"' * 5000 + " “ ” ‘ ’ " * 100,
        "(((( [[[[ ---- ::::" * 1000,
        "Advertisement\n\nShare this article",
        "\x00\x01\x02",
    ],
    ids=lambda text: re.sub(r"\W+", "_", text[:12]) or "blank",
)
def test_nothing_left_raises_empty_input(text: str) -> None:
    with pytest.raises(EmptyInputError, match="no text") as raised:
        clean(Draft(source="empty.txt", text=text))
    assert raised.value.source == "empty.txt"


@pytest.mark.parametrize(
    "text",
    [
        "word " * 200_000,
        "The ferry left. " * 60_000,
        "x" * 1_000_000,
        "SHOUTING WITHOUT END AND NO PUNCTUATION ANYWHERE " * 100,
        '"' * 5000 + " “ ” ‘ ’ word " * 100,
        '"She said. "He said. "Nobody closed the quote\n\n“Neither here',
        "line\n" * 50_000,
        "a\n\n" * 20_000,
        "By " * 1000,
        "BEIJING – " * 1000,
        "Copyright " * 5000,
        "Click here " * 5000,
        "(Reporting by " * 3000,
    ],
    ids=lambda text: re.sub(r"\W+", "_", text[:20]),
)
def test_hostile_input_never_crashes(text: str) -> None:
    article = clean(Draft(source="hostile.txt", text=text))
    assert article.text
    assert article.id == article_id(article.text)
    for span in (*article.paragraphs, *article.sentences):
        assert article.span_text(span).strip()


_PIECES = st.sampled_from(
    [
        "The ferry left.",
        "By Jane Doe",
        "Advertisement",
        "(Reporting by Ana Ruiz)",
        "LUMEN BAY –",
        "Copyright 2024",
        "\n",
        "\n\n",
        " ",
        ".",
        "“",
        "\u200b",
        "\r\n",
        "Apr 26, 2024",
        "word",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_any_mix_of_pieces_cleans_or_reports_empty(text: str) -> None:
    try:
        article = clean(Draft(source="mix.txt", text=text))
    except EmptyInputError:
        return
    assert article.text == article.text.strip()
    assert "\n\n\n" not in article.text
    for span in (*article.paragraphs, *article.sentences):
        assert article.span_text(span).strip()
    kept = words(article.text) + [word for item in article.stripped for word in words(item.text)]
    assert sorted(words(normalize_text(text))) == sorted(kept)
