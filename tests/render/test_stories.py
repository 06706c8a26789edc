from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from dossier.errors import SchemaError
from dossier.render.stories import stories_html, stories_json, validate_stories, write_stories
from dossier.stories import find_stories
from stories.newsroom import make_article, related_stream, stream

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "docs" / "stories.schema.json").read_text(encoding="utf-8"))


def test_the_shipped_schema_is_the_documented_one() -> None:
    shipped = ROOT / "src" / "dossier" / "schema" / "stories.schema.json"
    assert shipped.read_text(encoding="utf-8") == (ROOT / "docs" / "stories.schema.json").read_text(
        encoding="utf-8"
    )


def test_every_file_is_written_and_the_json_meets_the_schema(tmp_path: Path) -> None:
    found, _ = find_stories(stream())
    paths = write_stories(found, tmp_path, {found.stories[0].id: f"{found.stories[0].id}/briefing.html"})
    assert [path.name for path in paths] == ["stories.json", "stories.md", "index.html"]
    data = json.loads((tmp_path / "stories.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA)
    assert data["schema"] == "dossier/stories@1"
    assert [story["id"] for story in data["stories"]] == [story.id for story in found.stories]
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert f'href="{found.stories[0].id}/briefing.html"' in page
    # newest first on the page, as in the JSON
    positions = [page.index(f'id="{story.id}"') for story in found.stories]
    assert positions == sorted(positions)
    markdown = (tmp_path / "stories.md").read_text(encoding="utf-8")
    assert all(story.id in markdown for story in found.stories)


def test_related_stories_name_each_other_in_the_markdown_and_link_on_the_page(tmp_path: Path) -> None:
    found, _ = find_stories(related_stream())
    write_stories(found, tmp_path)
    data = json.loads((tmp_path / "stories.json").read_text(encoding="utf-8"))
    topics = [story["topic"] for story in data["stories"]]
    assert len(set(topics)) == 2  # the two arrests share one, the bus fares have their own
    shared = max(set(topics), key=topics.count)
    pair = [story for story in found.stories if story.topic == shared]
    markdown = (tmp_path / "stories.md").read_text(encoding="utf-8")
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    for story, other in (pair, pair[::-1]):
        assert f"{other.label} (`{other.id}`)" in markdown.split(f"## {story.label}", 1)[1].split("## ")[0]
        assert f'<a href="#{other.id}">' in page.split(f'id="{story.id}"', 1)[1].split("</section>")[0]
    fares = next(story for story in found.stories if story.topic != shared)
    assert "related" not in markdown.split(f"## {fares.label}", 1)[1].split("## ")[0]


def test_a_story_without_a_topic_still_meets_the_schema() -> None:
    found, _ = find_stories(stream())
    validate_stories(json.loads(stories_json(found.without_topics())))
    document = json.loads(stories_json(found))
    for story in document["stories"]:
        del story["topic"]  # a document written before topics existed
    validate_stories(document)


def test_the_json_is_the_same_byte_for_byte_on_a_rerun() -> None:
    assert stories_json(find_stories(stream())[0]) == stories_json(find_stories(stream())[0])


def test_a_hostile_title_is_escaped_on_the_page() -> None:
    hostile = make_article(
        "<script>alert(1)</script> Varna quake",
        "A strong earthquake struck Port Varna on Tuesday and cut power.\nRescue teams searched the rubble.",
        source="x.txt",
    )
    page = stories_html(find_stories([hostile])[0], {})
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page


def test_a_document_that_breaks_the_contract_is_refused() -> None:
    data = json.loads(stories_json(find_stories(stream())[0]))
    del data["stories"][0]["label"]
    with pytest.raises(SchemaError, match="label"):
        validate_stories(data)
