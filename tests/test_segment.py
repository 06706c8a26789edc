"""Paragraph and sentence segmentation: abbreviations, quotes, ellipses, offsets, hostile text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.article import Span, article_id
from dossier.segment import paragraph_spans, segment, segmented_article, split_sentences


def sentences_of(text: str) -> list[str]:
    return [span.of(text) for span in split_sentences(text)]


def assert_valid_spans(text: str, spans: tuple[Span, ...]) -> None:
    previous_end = 0
    for span in spans:
        piece = span.of(text)
        assert piece, span
        assert piece == piece.strip(), span
        assert 0 <= span.start < span.end <= len(text)
        assert span.start >= previous_end
        previous_end = span.end


# Each case: a text and the sentences it must be cut into.
SPLIT_CASES: list[tuple[str, list[str]]] = [
    ("The ferry left. It came back.", ["The ferry left.", "It came back."]),
    ("Is it safe? Nobody knows! We will see.", ["Is it safe?", "Nobody knows!", "We will see."]),
    ("U.S. officials said the talks would resume.", ["U.S. officials said the talks would resume."]),
    (
        "The plan was drafted in the U.S. The next day it leaked.",
        ["The plan was drafted in the U.S.", "The next day it leaked."],
    ),
    (
        "He flew to the U.K. Prime Minister Ada Vell met him.",
        ["He flew to the U.K. Prime Minister Ada Vell met him."],
    ),
    ("The U.N. Security Council met.", ["The U.N. Security Council met."]),
    ("Gov. Mira Tallis signed it.", ["Gov. Mira Tallis signed it."]),
    ("Sen. Ana Ruiz and Rep. Tom Bell spoke.", ["Sen. Ana Ruiz and Rep. Tom Bell spoke."]),
    ("Mr. Pike and Mrs. Pike met Ms. Lind.", ["Mr. Pike and Mrs. Pike met Ms. Lind."]),
    ("Dr. Owen Pike chairs the council.", ["Dr. Owen Pike chairs the council."]),
    (
        "Gen. Hale, Col. Ortiz, Lt. Wu and Capt. Marsh attended.",
        ["Gen. Hale, Col. Ortiz, Lt. Wu and Capt. Marsh attended."],
    ),
    ("Prof. Kell teaches at St. Olave's.", ["Prof. Kell teaches at St. Olave's."]),
    (
        "Acme Inc. said sales rose. Vessel Corp. disagreed.",
        ["Acme Inc. said sales rose.", "Vessel Corp. disagreed."],
    ),
    ("The deal went to Harbor Co. It closed Monday.", ["The deal went to Harbor Co.", "It closed Monday."]),
    ("Teller Ltd. Chief Executive Ana Ruiz resigned.", ["Teller Ltd. Chief Executive Ana Ruiz resigned."]),
    ("Sam Hale Jr. He was twelve.", ["Sam Hale Jr.", "He was twelve."]),
    ("It ranked No. 1 in the poll.", ["It ranked No. 1 in the poll."]),
    ("Was it over? No. The vote went on.", ["Was it over?", "No.", "The vote went on."]),
    ("The vote is set for Jan. 5 in the capital.", ["The vote is set for Jan. 5 in the capital."]),
    ("It began on Sept. 11 and ended on Dec. 2.", ["It began on Sept. 11 and ended on Dec. 2."]),
    ("They met at 9 a.m. The talks lasted an hour.", ["They met at 9 a.m.", "The talks lasted an hour."]),
    ("They met at 9 a.m. Friday in the port.", ["They met at 9 a.m. Friday in the port."]),
    ("Take fruit, e.g. apples, and bread, i.e. rye.", ["Take fruit, e.g. apples, and bread, i.e. rye."]),
    ("It was Vessmark vs. Teller in the final.", ["It was Vessmark vs. Teller in the final."]),
    ("They sold pots, pans, etc. The shop closed.", ["They sold pots, pans, etc.", "The shop closed."]),
    ("They sold pots, pans, etc. and then left.", ["They sold pots, pans, etc. and then left."]),
    ("J. R. Smith wrote the report.", ["J. R. Smith wrote the report."]),
    ("Growth hit 3.5 percent. Costs rose.", ["Growth hit 3.5 percent.", "Costs rose."]),
    ("The fund holds $1.5 billion. It grew.", ["The fund holds $1.5 billion.", "It grew."]),
    (
        "See example.com for details. Or write to desk@example.test today.",
        ["See example.com for details.", "Or write to desk@example.test today."],
    ),
    (
        '"It is right," he said. "Next year will be harder."',
        ['"It is right," he said.', '"Next year will be harder."'],
    ),
    (
        "“It is right,” he said. “Next year will be harder.”",
        ["“It is right,” he said.", "“Next year will be harder.”"],
    ),
    ('He said "stop." Then he left.', ['He said "stop."', "Then he left."]),
    ("She called it the ‘best.’ Then she left.", ["She called it the ‘best.’", "Then she left."]),
    ('"Stop!" she shouted. Nobody moved.', ['"Stop!" she shouted.', "Nobody moved."]),
    ("“Why now?” he asked.", ["“Why now?” he asked."]),
    ("It went on... and on.", ["It went on... and on."]),
    ("It went on… and on.", ["It went on… and on."]),
    ("He paused... “Fine,” he said.", ["He paused...", "“Fine,” he said."]),
    ("“It is stable. … But risks remain,” she said.", ["“It is stable. …", "But risks remain,” she said."]),
    (
        "Troops left the city. (Some stayed behind.) Roads reopened.",
        ["Troops left the city.", "(Some stayed behind.)", "Roads reopened."],
    ),
    ("He moved to the U.S. “It was time,” he said.", ["He moved to the U.S.", "“It was time,” he said."]),
    ("The cost was 40 million. 2025 will be worse.", ["The cost was 40 million.", "2025 will be worse."]),
    ("President George W. Bush spoke.", ["President George W. Bush spoke."]),
    ("They needed a Plan B. The first had failed.", ["They needed a Plan B.", "The first had failed."]),
    ("Acme Inc. (a ferry maker) said so.", ["Acme Inc. (a ferry maker) said so."]),
    ("Acme Inc. (ACME) reported gains.", ["Acme Inc. (ACME) reported gains."]),
    ("no punctuation at all here", ["no punctuation at all here"]),
    ("Ends without a period", ["Ends without a period"]),
]


@pytest.mark.parametrize(("text", "expected"), SPLIT_CASES, ids=[case[0][:40] for case in SPLIT_CASES])
def test_sentence_split_table(text: str, expected: list[str]) -> None:
    assert sentences_of(text) == expected


def test_the_table_is_large() -> None:
    assert len(SPLIT_CASES) >= 30


def test_sentence_spans_exclude_surrounding_whitespace() -> None:
    text = "   First one.   Second one.  \n "
    spans = split_sentences(text)
    assert [span.of(text) for span in spans] == ["First one.", "Second one."]
    assert_valid_spans(text, spans)


def test_split_sentences_honours_the_range() -> None:
    text = "Ignored. Inside one. Inside two. Ignored too."
    start = text.index("Inside")
    end = text.index(" Ignored too")
    spans = split_sentences(text, start, end)
    assert [span.of(text) for span in spans] == ["Inside one.", "Inside two."]


def test_split_sentences_rejects_a_reversed_range() -> None:
    with pytest.raises(ValueError, match="invalid range"):
        split_sentences("Some text.", 5, 2)


def test_paragraphs_are_blank_line_blocks() -> None:
    text = "First para. Still first.\nSame block.\n\n  \nSecond para.\n\n\n\nThird."
    spans = paragraph_spans(text)
    assert [span.of(text) for span in spans] == [
        "First para. Still first.\nSame block.",
        "Second para.",
        "Third.",
    ]
    assert_valid_spans(text, spans)


def test_sentences_never_cross_paragraphs() -> None:
    text = "The talks went on\n\nwithout a pause. Then they ended."
    paragraphs, sentences = segment(text)
    assert len(paragraphs) == 2
    for sentence in sentences:
        assert any(p.start <= sentence.start and sentence.end <= p.end for p in paragraphs)
    assert [s.of(text) for s in sentences] == ["The talks went on", "without a pause.", "Then they ended."]


def test_empty_and_blank_text_give_nothing() -> None:
    assert segment("") == ((), ())
    assert segment(" \n\n \n") == ((), ())


@pytest.mark.parametrize(
    "text",
    [
        "........",
        "." * 10_000,
        "!?!?" * 1000,
        "…" * 5000 + " and",
        '""""""""',
        "“ ” “ ” ‘ ’",
        '"She said. "He said. "Nobody closed',
        "ALL CAPS TEXT. NO LOWER CASE AT ALL. U.S. TOO.",
        "a. b. c. d. e. f.",
        "(((. ))) .[ ]. ?",
    ],
)
def test_hostile_text_gives_valid_spans(text: str) -> None:
    paragraphs, sentences = segment(text)
    assert_valid_spans(text, paragraphs)
    assert_valid_spans(text, sentences)
    covered = "".join(s.of(text) for s in sentences)
    assert "".join(text.split()) == "".join(covered.split())


def test_a_megabyte_paragraph_is_split_in_one_pass() -> None:
    unit = (
        "The ferry left the U.S. port at 9 a.m. on Jan. 5, Mr. Pike said. It carried $1.5 billion of cargo! "
    )
    text = unit * (1_000_000 // len(unit))
    paragraphs, sentences = segment(text)
    assert len(paragraphs) == 1
    assert len(sentences) == 2 * (1_000_000 // len(unit))


def test_a_megabyte_without_punctuation_or_spaces_is_one_sentence() -> None:
    for text in ("word " * 200_000, "x" * 1_000_000, ". " * 500_000, ".x" * 500_000):
        _, sentences = segment(text)
        assert_valid_spans(text, sentences)


def test_segmentation_is_deterministic() -> None:
    text = "One. Two? Three!\n\nFour... five. Six."
    assert segment(text) == segment(text)


_ALPHABET = st.sampled_from(
    [*"aZ .!?…\"'“”‘’()\n\t\u00a0", "U.S.", "Mr.", "etc.", "...", "\n\n", "The", " i.e."]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_any_text_is_covered_by_valid_sentences(text: str) -> None:
    paragraphs, sentences = segment(text)
    assert_valid_spans(text, paragraphs)
    assert_valid_spans(text, sentences)
    for paragraph in paragraphs:
        inside = [s.of(text) for s in sentences if paragraph.start <= s.start and s.end <= paragraph.end]
        assert "".join("".join(inside).split()) == "".join(paragraph.of(text).split())


def test_segmented_article_holds_its_text_unchanged_with_spans() -> None:
    text = "The envoy left at dawn. She returned by noon.\n\nTalks resume on Monday."
    article = segmented_article(text, source="note.txt")
    assert article.text == text
    assert article.id == article_id(text)
    assert [article.span_text(s) for s in article.sentences] == [
        "The envoy left at dawn.",
        "She returned by noon.",
        "Talks resume on Monday.",
    ]
    assert len(article.paragraphs) == 2
