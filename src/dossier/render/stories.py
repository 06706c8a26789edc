"""Rendering the stories found in a set of articles: stories.json (the contract), stories.md, index.html.

The JSON is checked against ``schema/stories.schema.json`` (``docs/stories.schema.json``
is a copy) before anything is written; Markdown and HTML come from one view
through the same autoescaping Jinja2 environments as a briefing. Stories are
listed newest first, as :class:`~dossier.stories.model.StoryMap` holds them.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema

from dossier.errors import SchemaError
from dossier.render import _encode, _make_folder, _write_atomically
from dossier.render import html as html_render
from dossier.render import markdown as markdown_render
from dossier.stories.model import FoundStory, StoryMap

logger = logging.getLogger(__name__)

STORIES_JSON = "stories.json"
STORIES_MARKDOWN = "stories.md"
STORIES_HTML = "index.html"
_SCHEMA_RESOURCE = ("schema", "stories.schema.json")


@cache
def stories_schema() -> dict[str, Any]:
    text = resources.files("dossier").joinpath(*_SCHEMA_RESOURCE).read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def validate_stories(data: Mapping[str, Any]) -> None:
    """Raise :class:`SchemaError` naming the first place where ``data`` breaks the stories contract."""
    validator = jsonschema.Draft202012Validator(stories_schema())
    for error in sorted(validator.iter_errors(data), key=lambda error: list(error.absolute_path)):
        where = "/".join(str(part) for part in error.absolute_path) or "(top)"
        raise SchemaError(f"{where}: {error.message[:200]}", source=STORIES_JSON)


def stories_json(stories: StoryMap) -> str:
    """The contract's text: deterministic (fixed key order, no timestamps), ending in a newline."""
    return json.dumps(stories.to_json_dict(), ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True, slots=True)
class StoryRow:
    """What the index shows of one story."""

    story: FoundStory
    span: str
    copies: int
    undated: int
    briefing: str | None  # relative link to its briefing, when one was written
    related: tuple[FoundStory, ...] = ()  # the other stories of its topic, newest first


def story_rows(stories: StoryMap, briefings: Mapping[str, str]) -> list[StoryRow]:
    by_topic: dict[str, list[FoundStory]] = {}
    for story in stories.stories:
        if story.topic is not None:
            by_topic.setdefault(story.topic, []).append(story)
    return [
        StoryRow(
            story=story,
            span=date_span(story),
            copies=story.copies,
            undated=story.undated,
            briefing=briefings.get(story.id),
            related=tuple(other for other in by_topic.get(story.topic or "", ()) if other.id != story.id),
        )
        for story in stories.stories
    ]


def date_span(story: FoundStory) -> str:
    first, last = story.first_published, story.last_published
    if first is None or last is None:
        return "undated"
    return first.isoformat() if first == last else f"{first.isoformat()} to {last.isoformat()}"


def stories_markdown(stories: StoryMap, briefings: Mapping[str, str]) -> str:
    template = markdown_render.environment().get_template("stories.md")
    return template.render(rows=story_rows(stories, briefings), total=len(stories.stories))


def stories_html(stories: StoryMap, briefings: Mapping[str, str]) -> str:
    template = html_render.environment().get_template("stories.html")
    return template.render(
        rows=story_rows(stories, briefings), total=len(stories.stories), stylesheet=html_render.stylesheet()
    )


def write_stories(
    stories: StoryMap, outdir: Path, briefings: Mapping[str, str] | None = None
) -> tuple[Path, ...]:
    """Write stories.json, stories.md and index.html into ``outdir``; ``briefings`` maps story id -> link."""
    links = dict(briefings or {})
    document = stories_json(stories)
    validate_stories(json.loads(document))
    rendered = {
        STORIES_JSON: document,
        STORIES_MARKDOWN: stories_markdown(stories, links),
        STORIES_HTML: stories_html(stories, links),
    }
    payloads = {name: _encode(name, text) for name, text in rendered.items()}
    _make_folder(outdir)
    for name, payload in payloads.items():
        _write_atomically(outdir / name, payload)
    logger.info("wrote %d stories to %s", len(stories.stories), outdir)
    return tuple(outdir / name for name in rendered)
