"""PolNeAR brat files: attributions, their direct quotations, and the annotator file picked."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpora import polnear

from .conftest import SHARED_DATA

TEXT = (
    "Harbour vote.\n\n"
    "“We will not sell the pier,” said Councillor Ada Brim on Tuesday.\n\n"
    'She added that the board "had no plan" yet.\n\n'
    "Officials expect a decision soon, according to a memo.\n"
)


def span(piece: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(piece, start + 1)
    return start, start + len(piece)


def annotation() -> str:
    lines: list[str] = []
    items = [
        ("T1", "Content", span("“We will not sell the pier,”")),
        ("T2", "Cue", span("said")),
        ("T3", "Source", span("Councillor Ada Brim")),
        ("T4", "Source", span("She")),
        ("T5", "Cue", span("added")),
        ("T6", "Content", span('that the board "had no plan" yet')),
        ("T7", "Content", span("Officials expect a decision soon")),
        ("T8", "Cue", span("according to")),
    ]
    for name, kind, (start, end) in items:
        lines.append(f"{name}\t{kind} {start} {end}\t{TEXT[start:end]}")
    lines.append("E1\tAttribution:T2 Content:T1 Cue:T2 Source:T3")
    lines.append("E2\tAttribution:T5 Source:T4 Cue:T5 Content:T6")
    lines.append("E3\tAttribution-no-source:T8 Content:T7 Cue:T8")
    return "\n".join(lines) + "\n"


def write_split(root: Path) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "harbour_vote.txt").write_text(TEXT, encoding="utf-8")
    (root / "attributions" / "harbour_vote_b2.ann").write_text("", encoding="utf-8")
    (root / "attributions" / "harbour_vote_a1.ann").write_text(annotation(), encoding="utf-8")
    return root / "text" / "harbour_vote.txt"


def test_attributions_from_event_lines() -> None:
    attributions = polnear.parse_annotations(annotation(), TEXT)
    assert len(attributions) == 3
    first, second, third = attributions
    assert first.source_text == "Councillor Ada Brim"
    assert first.content == (span("“We will not sell the pier,”"),)
    assert second.source_text == "She"
    assert third.source == () and third.source_text == ""


def test_discontinuous_ranges() -> None:
    assert polnear.parse_ranges("315 448;463 553") == ((315, 448), (463, 553))
    assert polnear.parse_roles("Attribution:T4 Content:T3 junk") == [("Attribution", "T4"), ("Content", "T3")]


def test_quoted_segments_straight_and_curly() -> None:
    segments = polnear.quoted_segments(TEXT)
    assert [TEXT[s:e] for s, e in segments] == ["We will not sell the pier,", "had no plan"]
    # A quotation left open runs to the end of its paragraph; marks around no word are no quotation.
    assert [t[s:e] for t in ["“Open to the end\nnext"] for s, e in polnear.quoted_segments(t)] == [
        "Open to the end"
    ]
    assert polnear.quoted_segments('a "" b “…”') == ()


def test_direct_quotes_are_attributions_holding_a_quotation(tmp_path: Path) -> None:
    document = polnear.read_document(write_split(tmp_path / "dev"))
    assert document.name == "harbour_vote"
    quotes = polnear.direct_quotes(document)
    # The paraphrase "according to a memo" holds no quotation.
    assert [q.attribution.source_text for q in quotes] == ["Councillor Ada Brim", "She"]
    assert [TEXT[s:e] for s, e in quotes[1].quoted] == ["had no plan"]


def test_the_first_annotator_file_by_name_is_read(tmp_path: Path) -> None:
    path = write_split(tmp_path / "dev")
    assert polnear.annotation_path(path) == tmp_path / "dev" / "attributions" / "harbour_vote_a1.ann"
    assert polnear.text_paths(tmp_path / "dev") == [path]
    (tmp_path / "dev" / "text" / "lonely.txt").write_text("No one spoke.", encoding="utf-8")
    assert polnear.read_document(tmp_path / "dev" / "text" / "lonely.txt").attributions == ()


@pytest.mark.shared
def test_the_shared_dev_split() -> None:
    folder = SHARED_DATA / "polnear" / "dev"
    if not folder.is_dir():
        pytest.skip("../shared/data/polnear is absent")
    paths = polnear.text_paths(folder)
    assert len(paths) == 84
    documents = [polnear.read_document(p) for p in paths]
    assert all(d.attributions for d in documents)
    quotes = [q for d in documents for q in polnear.direct_quotes(d)]
    assert 300 < len(quotes) < sum(len(d.attributions) for d in documents)
