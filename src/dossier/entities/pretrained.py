"""An optional pretrained spaCy pipeline in place of our tagger.

When a user has spaCy and a pipeline with an entity recognizer installed
(a package name such as ``en_core_web_sm`` or a folder written by
``nlp.to_disk``), :func:`spacy_recognizer` turns it into a
:data:`~dossier.entities.recognize.Recognizer`, and the rest of the entity
layer (roles, linking, canonical names) works on its mentions unchanged.

spaCy's labels map onto ours: PERSON is a person, ORG an organization,
GPE, LOC and FAC places, EVENT, WORK_OF_ART, LAW, PRODUCT and LANGUAGE
other names. NORP (nationalities, religious and political groups) is not a
mention of its own: a demonym the gazetteer knows ("Chinese") becomes a
mention of its country, the others are dropped. Numeric labels (DATE,
MONEY...) are left to other stages. spaCy is never imported unless asked for.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterator, Sequence
from typing import Any

from dossier.article import Span
from dossier.briefing import EntityType
from dossier.entities.gazetteer import country_for_demonym, country_for_name
from dossier.entities.recognize import Mention, Recognizer
from dossier.errors import UsageError

logger = logging.getLogger(__name__)

LABELS: dict[str, EntityType] = {
    "PERSON": "person",
    "PER": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "EVENT": "other",
    "WORK_OF_ART": "other",
    "LAW": "other",
    "PRODUCT": "other",
    "LANGUAGE": "other",
    "MISC": "other",
}
_ENTITY_FACTORIES = frozenset({"ner", "beam_ner", "entity_ruler", "span_ruler"})
#: Longest piece of text handed to the pipeline at once; longer sentences are cut at a space.
CHUNK_CHARS = 20_000
#: The option value that picks this recognizer: ``spacy:<name or path>``.
OPTION_PREFIX = "spacy:"


def spacy_recognizer(name_or_path: str) -> Recognizer:
    """A recognizer running the spaCy pipeline ``name_or_path``; UsageError when it cannot be loaded."""
    spacy = _import_spacy()
    try:
        nlp = spacy.load(name_or_path)
    except (OSError, ValueError) as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise UsageError(f"spaCy pipeline {name_or_path!r} could not be loaded: {first_line}") from error
    factories = {nlp.get_pipe_meta(name).factory for name in nlp.pipe_names}
    if not factories & _ENTITY_FACTORIES:
        raise UsageError(
            f"spaCy pipeline {name_or_path!r} has no entity recognizer"
            f" (components: {', '.join(nlp.pipe_names) or 'none'})"
        )
    logger.info("entities from spaCy pipeline %s (%s)", name_or_path, ", ".join(nlp.pipe_names))

    def recognizer(text: str, sentences: Sequence[Span]) -> list[Mention]:
        pieces = list(_chunks(text, sentences or (Span(0, len(text)),)))
        mentions: list[Mention] = []
        for piece, doc in zip(pieces, nlp.pipe(text[p.start : p.end] for p in pieces), strict=True):
            mentions.extend(_mentions(text, piece.start, doc.ents))
        return mentions

    return recognizer


def recognizer_from_option(option: str | None) -> Recognizer | None:
    """The recognizer an option names: None (our tagger) for "" or "builtin", spaCy for ``spacy:NAME``."""
    value = (option or "").strip()
    if value in ("", "builtin"):
        return None
    if value.startswith(OPTION_PREFIX) and value[len(OPTION_PREFIX) :].strip():
        return spacy_recognizer(value[len(OPTION_PREFIX) :].strip())
    raise UsageError(f"unknown entity recognizer {value!r}: use 'builtin' or 'spacy:<pipeline name or path>'")


def _import_spacy() -> Any:
    try:
        return importlib.import_module("spacy")
    except ImportError as error:
        raise UsageError("spaCy is not installed: pip install spacy, then a pipeline with 'ner'") from error


def _chunks(text: str, sentences: Sequence[Span]) -> Iterator[Span]:
    """The sentences, a sentence longer than CHUNK_CHARS cut at the last space before the limit."""
    for sentence in sentences:
        start = sentence.start
        while sentence.end - start > CHUNK_CHARS:
            cut = text.rfind(" ", start + 1, start + CHUNK_CHARS)
            end = cut if cut > start else start + CHUNK_CHARS
            yield Span(start, end)
            start = end
        if start < sentence.end:
            yield Span(start, sentence.end)


def _mentions(text: str, offset: int, ents: Sequence[Any]) -> Iterator[Mention]:
    for ent in ents:
        kind = _kind(str(ent.label_), str(ent.text))
        if kind is None:
            continue
        start, end = offset + int(ent.start_char), offset + int(ent.end_char)
        if kind != "person" and text[start : start + 4].casefold() == "the ":
            start += 4  # "the Harbour Board": the article is not part of the name
        while end > start and not text[end - 1].isalnum():
            end -= 1
        while start < end and not text[start].isalnum():
            start += 1
        surface = text[start:end]
        if any(char.isupper() for char in surface):
            yield Mention(start, end, kind, surface)


def _kind(label: str, surface: str) -> EntityType | None:
    if label == "NORP":
        # A demonym is a reference to its country, linked there; other groups are not names we keep.
        known = country_for_demonym(surface.strip()) or country_for_name(surface.strip())
        return "place" if known is not None else None
    return LABELS.get(label)
