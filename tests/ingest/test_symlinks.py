"""Symbolic links in folders: links out of the folder are not followed unless allowed; a file is read once."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.ingest import Limits, read_sources
from dossier.ingest.sources import expand

from .helpers import GOOD_TEXT

SECRET = "Staff rota and door codes for the harbour office, not for publication in any briefing."


@pytest.fixture
def layout(tmp_path: Path) -> tuple[Path, Path]:
    """A corpus folder, and a secret outside it."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    (corpus / "story.txt").write_text(GOOD_TEXT, encoding="utf-8")
    return corpus, outside


def test_link_to_a_file_outside_the_folder_is_refused_and_reported(layout: tuple[Path, Path]) -> None:
    corpus, outside = layout
    (corpus / "leak.txt").symlink_to(outside / "secret.txt")
    result = read_sources([str(corpus)])
    assert [draft.source for draft in result.drafts] == [str(corpus / "story.txt")]
    assert all(SECRET not in draft.text for draft in result.drafts)
    (failure,) = result.failures
    assert failure.source == str(corpus / "leak.txt")
    assert failure.error == "LinkRefusedError"
    assert "--follow-links" in failure.reason


def test_link_to_a_folder_outside_is_refused(layout: tuple[Path, Path]) -> None:
    corpus, outside = layout
    (corpus / "more").symlink_to(outside, target_is_directory=True)
    result = read_sources([str(corpus)])
    assert len(result.drafts) == 1
    assert [failure.error for failure in result.failures] == ["LinkRefusedError"]


def test_follow_links_reads_links_out_of_the_folder(layout: tuple[Path, Path]) -> None:
    corpus, outside = layout
    (corpus / "leak.txt").symlink_to(outside / "secret.txt")
    (corpus / "more").symlink_to(outside, target_is_directory=True)
    result = read_sources([str(corpus)], limits=Limits(follow_links=True))
    assert result.failures == ()
    # The secret is reachable by two links (to it, and to its folder): it is read once.
    assert len(result.drafts) == 2
    assert sum(SECRET in draft.text for draft in result.drafts) == 1


def test_a_link_within_the_folder_is_read_once_under_the_files_own_name(layout: tuple[Path, Path]) -> None:
    corpus, _ = layout
    (corpus / "a-link.txt").symlink_to(corpus / "story.txt")
    (corpus / "sub").mkdir()
    (corpus / "sub" / "b-link.txt").symlink_to(Path("..") / "story.txt")
    (corpus / "again").symlink_to(corpus / "sub", target_is_directory=True)
    expansion = expand(str(corpus))
    assert expansion.names == (str(corpus / "story.txt"),)
    assert expansion.refused == ()


def test_a_link_loop_ends(layout: tuple[Path, Path]) -> None:
    corpus, _ = layout
    (corpus / "sub").mkdir()
    (corpus / "sub" / "loop").symlink_to(corpus, target_is_directory=True)
    expansion = expand(str(corpus), follow_links=True)
    assert expansion.names == (str(corpus / "story.txt"),)


def test_a_sidecar_linked_out_of_the_folder_fails_its_source(layout: tuple[Path, Path]) -> None:
    corpus, outside = layout
    (outside / "meta.json").write_text('{"outlet": "Harbour Office"}', encoding="utf-8")
    (corpus / "story.json").symlink_to(outside / "meta.json")
    result = read_sources([str(corpus)])
    assert result.drafts == ()
    assert [failure.error for failure in result.failures] == ["LinkRefusedError"]
    followed = read_sources([str(corpus)], limits=Limits(follow_links=True))
    assert [draft.outlet for draft in followed.drafts] == ["Harbour Office"]
