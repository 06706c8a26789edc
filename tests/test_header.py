"""Header reading: headline, byline and date lines, dateline."""

from __future__ import annotations

import datetime as dt

import pytest

from dossier.header import find_dateline, is_date_line, looks_like_headline, parse_byline, read_header

BODY = "The council met on Friday and agreed to keep the ferry running through the winter."


@pytest.mark.parametrize(
    ("line", "author", "date"),
    [
        ("By Example News Apr 26, 2024 | 11:17 AM", "Example News", dt.date(2024, 4, 26)),
        ("By Jane Doe, Staff Writer", "Jane Doe, Staff Writer", None),
        ("By Jane Doe, staff writer", "Jane Doe, staff writer", None),
        ("BY JANE DOE AND JOHN ROE", "JANE DOE AND JOHN ROE", None),
        ("by Jane Doe | The Example Times", "Jane Doe", None),
        (
            "By Piet de Vries and Ana Ruiz Published March 3, 2025",
            "Piet de Vries and Ana Ruiz",
            dt.date(2025, 3, 3),
        ),
        ("By The Example Wire", "The Example Wire", None),
        ("By May Ortiz", "May Ortiz", None),
        ("By Jane Doe Feb 30, 2024", "Jane Doe", None),
        ("By Jane Doe 26 April 2024", "Jane Doe", dt.date(2024, 4, 26)),
        ("By Jane Doe, 2024-04-26T11:17:00Z", "Jane Doe", dt.date(2024, 4, 26)),
    ],
)
def test_bylines_give_author_and_date(line: str, author: str, date: dt.date | None) -> None:
    assert parse_byline(line) == author
    header = read_header([line, BODY])
    assert header.byline == author
    assert header.published == date
    assert header.lead == 1
    assert [item.kind for item in header.stripped] == ["byline"]


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Published March 3, 2025 at 9:00 a.m.", dt.date(2025, 3, 3)),
        ("Updated: 2025-03-03", dt.date(2025, 3, 3)),
        ("Saturday, January 8, 2005", dt.date(2005, 1, 8)),
        ("Posted on 26 April 2024, 14:05 GMT", dt.date(2024, 4, 26)),
        ("2024-04-26T11:17:00Z", dt.date(2024, 4, 26)),
        ("Last updated Apr 26, 2024 11:17 AM ET", dt.date(2024, 4, 26)),
    ],
)
def test_date_lines_give_the_published_date(line: str, date: dt.date) -> None:
    assert is_date_line(line)
    header = read_header([line, BODY])
    assert header.published == date
    assert header.byline is None
    assert header.lead == 1


@pytest.mark.parametrize(
    "line",
    [
        "By Friday, the talks had collapsed.",
        "By then nobody was left in the hall",
        "By Monday Morning",
        "By the time the ferry docked, the crowd had gone home and the council had closed its doors",
        "Talks resume on March 3, 2025",
        "Updated: 9999-99-99",
        "Published March 99, 2025",
        "By 2030, the ferry will be electric",
        "The ferry will stop running on Jan. 5, 2025, the council said.",
        BODY,
    ],
)
def test_ordinary_lines_are_not_bylines(line: str) -> None:
    assert parse_byline(line) is None
    assert not is_date_line(line)


def test_a_published_date_beats_an_updated_one() -> None:
    header = read_header(["Updated: 2025-03-05", "Published: 2025-03-03", BODY])
    assert header.published == dt.date(2025, 3, 3)
    assert header.updated == dt.date(2025, 3, 5)
    assert header.lead == 2


def test_an_updated_date_is_used_when_it_is_the_only_one() -> None:
    header = read_header(["Updated: 2025-03-05", BODY])
    assert header.published == dt.date(2025, 3, 5)


def test_headline_byline_and_dateline_together() -> None:
    paragraphs = [
        "Explainer-What is at stake as the ferry talks resume",
        "By Example News Apr 26, 2024 | 11:17 AM",
        "PORT HALDEN (Example News) – Negotiators met on Friday to settle the future of the ferry.",
        "The talks brought little movement on fares.",
    ]
    header = read_header(paragraphs)
    assert header.title == paragraphs[0]
    assert header.byline == "Example News"
    assert header.published == dt.date(2024, 4, 26)
    assert header.dateline == "PORT HALDEN"
    assert header.agency == "Example News"
    assert header.lead == 2
    assert [item.kind for item in header.stripped] == ["title", "byline"]
    assert [item.text for item in header.stripped] == paragraphs[:2]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Ferry talks resume in Port Halden",
        "Council Says “No” to New Pier",
        "Teller Valley growers: a season on the edge",
    ],
)
def test_headlines(paragraph: str) -> None:
    assert looks_like_headline(paragraph)
    header = read_header([paragraph, BODY])
    assert header.title == paragraph
    assert header.lead == 1


@pytest.mark.parametrize(
    "paragraph",
    [
        "The council met on Friday.",
        "Will the ferry survive the winter?",
        "Officials said:",
        "He said it was “over.”",
        " ".join(["word"] * 31),
        "12345 67890",
    ],
)
def test_not_headlines(paragraph: str) -> None:
    assert not looks_like_headline(paragraph)
    assert read_header([paragraph, BODY]).title is None


def test_a_lone_short_line_is_not_a_headline_without_a_body() -> None:
    header = read_header(["Ferry talks resume"])
    assert header.title is None
    assert header.lead == 0


def test_header_lines_stay_when_nothing_follows_them() -> None:
    header = read_header(["Ferry talks resume", "By Jane Doe"])
    assert header.title == "Ferry talks resume"
    assert header.lead == 1


def test_a_known_title_is_removed_even_when_it_ends_like_a_sentence() -> None:
    header = read_header(
        ["The ferry will run all winter.", BODY], known_title="The  ferry will run all winter"
    )
    assert header.lead == 1
    assert header.stripped[0].kind == "title"
    assert "source" in header.stripped[0].reason


def test_at_most_three_byline_lines_are_read() -> None:
    lines = ["By Jane Doe", "Published: 2025-03-03", "Updated: 2025-03-04", "Saturday, March 8, 2025", BODY]
    assert read_header(lines).lead == 3


@pytest.mark.parametrize(
    ("paragraph", "place", "agency"),
    [
        ("PORT HALDEN (Example News) – Negotiators met on Friday.", "PORT HALDEN", "Example News"),
        ("LUMEN BAY – The harbor authority voted on Tuesday.", "LUMEN BAY", None),
        ("HARBOR CITY — Secretary Ana Ruiz arrived on Monday.", "HARBOR CITY", None),
        ("HARBOR CITY—Secretary Ana Ruiz arrived on Monday.", "HARBOR CITY", None),
        ("NEW MARLOW, March 3 (AP) — The port reopened.", "NEW MARLOW", "AP"),
        ("NEW MARLOW, March 3, 2025 (Example Wire) - The port reopened.", "NEW MARLOW", "Example Wire"),
        ("Greywater, Norland — The council approved a route.", "Greywater, Norland", None),
        ("Greywater (Example Wire) — The council approved a route.", "Greywater", "Example Wire"),
        ("ST. OLAVE: Crews cleared the road overnight.", "ST. OLAVE", None),
        ("SÃO VESSO – “We are ready,” the mayor said.", "SÃO VESSO", None),
        (
            "KESSEL, Norland (Example Wire) -- 2025 will be a hard year, officials said.",
            "KESSEL, Norland",
            "Example Wire",
        ),
    ],
)
def test_datelines(paragraph: str, place: str, agency: str | None) -> None:
    found = find_dateline(paragraph)
    assert found is not None
    assert found.place == place
    assert found.agency == agency
    header = read_header([paragraph, BODY])
    assert header.dateline == place
    assert header.lead == 0  # the dateline stays in the body


@pytest.mark.parametrize(
    "paragraph",
    [
        "The U.S. — and China — disagree about the ferry.",
        "Tallis — Pike's old rival — said the vote was unfair.",
        "UPDATE: The ferry resumed service at noon.",
        "Officials said – without giving details – that the pier would close.",
        "US Secretary of State Ana Ruiz — who arrived Monday — met the mayor.",
        "In Lumen Bay — The town most affected — crews worked overnight.",
        "LUMEN BAY – the harbor authority voted on Tuesday.",
        "Officials met on Friday (Example Wire) – Talks went on.",
        "LUMEN BAY (said the mayor) – Talks went on.",
        "– A dash first, then words.",
        "",
    ],
)
def test_not_datelines(paragraph: str) -> None:
    assert find_dateline(paragraph) is None


def test_a_dateline_is_only_read_from_the_first_body_paragraph() -> None:
    header = read_header([BODY, "LUMEN BAY – The harbor authority voted on Tuesday."])
    assert header.dateline is None


def test_empty_input_gives_an_empty_header() -> None:
    header = read_header([])
    assert header.lead == 0
    assert header.title is None
    assert header.dateline is None
