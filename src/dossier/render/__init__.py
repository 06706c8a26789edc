"""Rendering a briefing: JSON (the contract), Markdown and a self-contained HTML page.

Markdown and HTML are rendered by Jinja2 templates (``templates/``) from one
view of the briefing (:func:`build_view`); JSON is the briefing's own records.

:func:`write_briefing` is the one entry point that writes files (a Dask run splits it
into :func:`render_briefing` on a worker and :func:`write_rendered` here). It checks the
JSON against the published schema and the span rules before anything is
written, renders all three formats in memory, and only then replaces the files,
each atomically, so a reader never sees a half-written briefing.
"""

from __future__ import annotations

import json as stdlib_json  # plain `json` would be shadowed by the submodule dossier.render.json
import logging
import os
from collections.abc import Mapping
from pathlib import Path

from dossier.briefing import Briefing
from dossier.errors import SchemaError, UsageError
from dossier.render.html import to_html, view_to_html
from dossier.render.json import to_json
from dossier.render.markdown import to_markdown, view_to_markdown
from dossier.render.schema import check_offsets, load_schema, validate
from dossier.render.view import BriefingView, build_view

__all__ = [
    "HTML_NAME",
    "JSON_NAME",
    "MARKDOWN_NAME",
    "BriefingView",
    "build_view",
    "check_offsets",
    "load_schema",
    "render_briefing",
    "to_html",
    "to_json",
    "to_markdown",
    "validate",
    "view_to_html",
    "view_to_markdown",
    "write_briefing",
    "write_rendered",
]

logger = logging.getLogger(__name__)

JSON_NAME = "briefing.json"
MARKDOWN_NAME = "briefing.md"
HTML_NAME = "briefing.html"


def write_briefing(briefing: Briefing, outdir: Path) -> tuple[Path, Path, Path]:
    """Write briefing.json, briefing.md and briefing.html into ``outdir``; return their paths.

    Raises :class:`SchemaError` (and writes nothing) when the briefing breaks the
    contract, and :class:`UsageError` when ``outdir`` cannot be a folder.
    """
    write_rendered(render_briefing(briefing), outdir)
    logger.info("wrote briefing of %d articles to %s", len(briefing.articles), outdir)
    return outdir / JSON_NAME, outdir / MARKDOWN_NAME, outdir / HTML_NAME


def render_briefing(briefing: Briefing) -> dict[str, bytes]:
    """The bytes of briefing.json, briefing.md and briefing.html, checked against the contract.

    Made where the briefing is (a Dask worker), written where the output folder is (:func:`write_rendered`).
    """
    document = to_json(briefing)
    # Validate what will actually be on disk, not the in-memory records.
    data = stdlib_json.loads(document)
    validate(data)
    check_offsets(data)
    view = build_view(briefing)  # once: Markdown and HTML show the same view
    rendered = {JSON_NAME: document, MARKDOWN_NAME: view_to_markdown(view), HTML_NAME: view_to_html(view)}
    # Encode everything first, so text that cannot be written fails before any file is touched.
    return {name: _encode(name, text) for name, text in rendered.items()}


def write_rendered(payloads: Mapping[str, bytes], outdir: Path) -> None:
    """Write each file of :func:`render_briefing` into ``outdir``, each one atomically."""
    outdir = Path(outdir)
    _make_folder(outdir)
    for name, payload in payloads.items():
        _write_atomically(outdir / name, payload)


def _make_folder(outdir: Path) -> None:
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as error:
        raise UsageError("output path exists and is not a folder", source=str(outdir)) from error


def _encode(name: str, text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise SchemaError(f"text is not valid Unicode ({error.reason})", source=name) from error


def _write_atomically(path: Path, payload: bytes) -> None:
    """Write to a temporary file beside ``path``, then rename it over ``path`` in one step."""
    # A plain open() (not mkstemp) so the file gets the usual permissions from the umask.
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        temporary.replace(path)  # os.replace: atomic on one filesystem
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
