"""The hostile corpus: every case is read or refused with a SourceError, nothing leaks, nothing hangs."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import httpx
import pytest

from dossier import errors
from dossier.errors import TooLargeError
from dossier.ingest import Fetcher, IngestResult, Limits, read_sources

from .hostile import SECRET, corpus

SOURCE_ERRORS = {
    name
    for name, value in vars(errors).items()
    if isinstance(value, type) and issubclass(value, errors.SourceError)
}


@pytest.fixture(scope="module")
def hostile_read(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, IngestResult, IngestResult]:
    root = tmp_path_factory.mktemp("hostile")
    secret = root / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    folder = root / "corpus"
    folder.mkdir()
    for name, data in corpus(str(secret)).items():
        (folder / name).write_bytes(data)
    first = read_sources([str(folder)])
    second = read_sources([str(folder)])
    return folder, first, second


def test_every_case_is_read_or_refused_as_a_source_error(
    hostile_read: tuple[Path, IngestResult, IngestResult],
) -> None:
    folder, result, _ = hostile_read
    sources = [draft.source for draft in result.drafts] + [failure.source for failure in result.failures]
    accounted = {Path(source.split(":")[0].split("#")[0]).name for source in sources}
    assert accounted == {path.name for path in folder.iterdir()}
    assert {failure.error for failure in result.failures} <= SOURCE_ERRORS


def test_nothing_leaks_and_every_field_can_be_stored(
    hostile_read: tuple[Path, IngestResult, IngestResult],
) -> None:
    _, result, _ = hostile_read
    for draft in result.drafts:
        dumped = json.dumps(draft.to_dict(), ensure_ascii=False)
        dumped.encode("utf-8")
        assert SECRET not in dumped
        assert "alert(" not in draft.text
    for failure in result.failures:
        assert SECRET not in failure.reason
        (failure.source + failure.reason).encode("utf-8")


def test_the_billion_laughs_are_not_expanded(hostile_read: tuple[Path, IngestResult, IngestResult]) -> None:
    _, result, _ = hostile_read
    assert all(len(draft.text) < 1_000_000 for draft in result.drafts if "billion" in draft.source)


def test_reading_the_corpus_is_deterministic(hostile_read: tuple[Path, IngestResult, IngestResult]) -> None:
    _, first, second = hostile_read
    assert first == second


def test_a_gzip_bomb_stops_at_the_size_cap() -> None:
    bomb = gzip.compress(b"\x00" * (64 * 1024 * 1024))  # 64 MiB of zeros in about 64 KiB

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, content=bomb, headers={"Content-Encoding": "gzip", "Content-Type": "text/plain"}
        )

    limits = Limits(max_bytes=1024 * 1024)
    with Fetcher(limits=limits, transport=httpx.MockTransport(handler)) as fetcher:
        result = read_sources(["https://bombs.invalid/x"], fetcher=fetcher, limits=limits)
    assert [failure.error for failure in result.failures] == [TooLargeError.__name__]
    assert "download stopped" in result.failures[0].reason
