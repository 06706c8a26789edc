"""Every stored story briefed, one story per Dask task: the same files, byte for byte, as the plain loop."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dossier.analyze import analyzer_key
from dossier.pipeline import Options, ingest
from dossier.render import HTML_NAME, JSON_NAME, MARKDOWN_NAME
from dossier.scale.briefs import brief_stored_stories
from dossier.store import open_store
from scale.desk import write_desk


def files_under(folder: Path) -> dict[str, bytes]:
    files = sorted(path for path in folder.rglob("*") if path.is_file())
    return {str(path.relative_to(folder)): path.read_bytes() for path in files}


def test_stories_briefed_on_workers_match_the_plain_loop(client: Any, tmp_path: Path) -> None:
    write_desk(tmp_path / "desk", per_story=2)
    with open_store(str(tmp_path / "news.db")) as store:
        added, _ = ingest([str(tmp_path / "desk")], store)
        serial = brief_stored_stories(store, tmp_path / "serial")
        kept = store.analyses(list(added.added), analyzer_key(Options().model))
        spread = brief_stored_stories(store, tmp_path / "spread", client=client)
    assert set(kept) == set(added.added)  # the serial run kept every analysis it made
    assert spread.stories == serial.stories
    one, many = files_under(tmp_path / "serial"), files_under(tmp_path / "spread")
    assert many == one
    ids = [story.id for story in serial.stories.stories]
    assert len(ids) >= 3
    for story_id in ids:
        for name in (JSON_NAME, MARKDOWN_NAME, HTML_NAME):
            assert f"{story_id}/{name}" in one
    index = json.loads(one["stories.json"])
    assert [story["id"] for story in index["stories"]] == ids
    assert all(f'href="{story_id}/{HTML_NAME}"' in one["index.html"].decode() for story_id in ids)


def test_analyses_made_on_workers_are_kept_in_the_store(client: Any, tmp_path: Path) -> None:
    write_desk(tmp_path / "desk", per_story=1)
    with open_store(str(tmp_path / "news.db")) as store:
        added, _ = ingest([str(tmp_path / "desk")], store)
        assert store.analyses(list(added.added), analyzer_key(Options().model)) == {}
        stories: list[str] = []
        brief_stored_stories(store, tmp_path / "out", client=client, on_story=stories.append)
        kept = store.analyses(list(added.added), analyzer_key(Options().model))
    assert set(kept) == set(added.added)
    assert sorted(stories) == sorted(path.name for path in (tmp_path / "out").iterdir() if path.is_dir())
