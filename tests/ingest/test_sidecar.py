"""sidecar: NAME.json next to a source overrides its metadata; a broken one fails its source."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dossier.article import Draft
from dossier.errors import MalformedInputError
from dossier.ingest.limits import Limits
from dossier.ingest.sidecar import find_sidecar, sidecar_path, sidecars_among


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_sidecar_path() -> None:
    assert sidecar_path(Path("corpus/a.b.txt")) == Path("corpus/a.b.json")
    assert sidecar_path(Path("corpus/page.HTML")) == Path("corpus/page.json")
    assert sidecar_path(Path("corpus/meta.json")) is None


def test_no_sidecar_is_none(tmp_path: Path) -> None:
    assert find_sidecar(write(tmp_path / "a.txt", "x"), source="a.txt", limits=Limits()) is None


def test_fields_override_and_extras_merge(tmp_path: Path) -> None:
    source = write(tmp_path / "a.txt", "x")
    write(
        tmp_path / "a.json",
        '{"title": "Side title", "outlet": null, "published": "14 March 2031", '
        '"dateline": "EASTGATE", "desk": "metro"}',
    )
    sidecar = find_sidecar(source, source="a.txt", limits=Limits())
    assert sidecar is not None
    draft = Draft(
        source="a.txt", text="x", title="Old", outlet="Kept outlet", metadata={"desk": "old", "n": 1}
    )
    merged = sidecar.apply(draft)
    assert merged.title == "Side title"
    assert merged.outlet == "Kept outlet"  # null changes nothing
    assert merged.published == dt.date(2031, 3, 14)
    assert merged.dateline == "EASTGATE"
    assert merged.metadata == {"desk": "metro", "n": 1}
    assert merged.text == "x" and merged.source == "a.txt"


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ('{"title": ', "invalid JSON"),
        ('["a", "b"]', "expected a JSON object, got an array"),
        ('{"title": 12}', "field 'title' must be a string, not a number"),
        ('{"published": "2031-02-30"}', "field 'published' is not a valid date"),
        ("", "empty sidecar"),
    ],
)
def test_malformed_sidecar_names_itself(tmp_path: Path, content: str, words: str) -> None:
    source = write(tmp_path / "a.txt", "x")
    write(tmp_path / "a.json", content)
    with pytest.raises(MalformedInputError) as raised:
        find_sidecar(source, source="a.txt", limits=Limits())
    assert raised.value.source == "a.txt"
    assert f"malformed sidecar {tmp_path / 'a.json'}" in raised.value.message
    assert words in raised.value.message


def test_oversized_sidecar_is_refused(tmp_path: Path) -> None:
    source = write(tmp_path / "a.txt", "x")
    write(tmp_path / "a.json", '{"note": "' + "n" * 3000 + '"}')
    with pytest.raises(MalformedInputError, match=r"sidecar is 2\.9 KiB, over the 2\.0 KiB limit"):
        find_sidecar(source, source="a.txt", limits=Limits(max_bytes=2048))


def test_sidecars_among_recognises_siblings_only(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "x")
    write(tmp_path / "b.html", "x")
    candidates = [write(tmp_path / name, "{}") for name in ("a.json", "b.json", "orphan.json")]
    assert sidecars_among(candidates) == {tmp_path / "a.json", tmp_path / "b.json"}
