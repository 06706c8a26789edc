"""Named entities: people, organizations, places and other names, linked across a story.

Mentions and their titles are read once per article (:mod:`dossier.analyze`,
spaCy's entity recognizer plus the title reader in :mod:`.roles`). The story
stage :func:`entities_stage` folds them into canonical entities with aliases,
roles and cited mentions (:mod:`.canonical`).

Other stages look entities up through :class:`EntityIndex`: by span (a
quote's speaker mention) or by name ("Roe" finds "Jane Roe" when only one
person fits).
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from dossier.briefing import Briefing, Entity, EntityType
from dossier.entities.canonical import OUTLET_ROLE, link_entities

if TYPE_CHECKING:
    from dossier.story import Story

__all__ = ["OUTLET_ROLE", "EntityIndex", "entities_stage", "link_entities"]


def entities_stage(story: Story) -> Story:
    """Fill ``story.entities`` from the mentions in the articles' analyses."""
    return dataclasses.replace(story, entities=link_entities(story.articles, story.analyses))


class EntityIndex:
    """Find the entity of a span or a name among a story's entities."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self._entities = tuple(entities)
        spans: defaultdict[str, list[tuple[int, int, int]]] = defaultdict(list)
        names: defaultdict[str, list[int]] = defaultdict(list)
        for position, entity in enumerate(self._entities):
            for mention in entity.mentions:
                spans[mention.article_id].append((mention.start, mention.end, position))
            for name in {entity.name, *entity.aliases}:
                names[name.casefold()].append(position)
        self._spans = {article: sorted(items) for article, items in spans.items()}
        self._names = dict(names)
        words: defaultdict[str, list[int]] = defaultdict(list)
        for position, entity in enumerate(self._entities):
            parts = entity.name.casefold().split()
            if len(parts) > 1:
                for word in {parts[0], parts[-1]}:
                    words[word].append(position)
        self._word_index = dict(words)

    @classmethod
    def of(cls, story: Briefing) -> EntityIndex:
        return cls(story.entities)

    def at(self, article_id: str, start: int, end: int) -> Entity | None:
        """The entity with a mention at this span: an exact match, else the mention overlapping it most."""
        items = self._spans.get(article_id, [])
        # Mentions are short; any that overlaps [start, end) begins less than 200 characters before it.
        first = bisect.bisect_left(items, (start - 200, -1, -1))
        best: tuple[int, int] | None = None
        for m_start, m_end, position in items[first:]:
            if m_start >= end:
                break
            overlap = min(end, m_end) - max(start, m_start)
            if m_start == start and m_end == end:
                return self._entities[position]
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, position)
        return None if best is None else self._entities[best[1]]

    def named(self, name: str, type: EntityType | None = None) -> Entity | None:
        """The one entity called ``name``, by its name, an alias, or (one word) its first or last word.

        None when no entity, or more than one, fits: a bare shared surname is
        ambiguous without context (use :meth:`at` with the mention's span).
        """
        key = " ".join(name.split()).casefold()
        if not key:
            return None
        fits = {p for p in self._names.get(key, []) if self._fits(p, type)}
        if " " not in key:
            fits |= {p for p in self._word_index.get(key, []) if self._fits(p, type)}
        return self._entities[fits.pop()] if len(fits) == 1 else None

    def _fits(self, position: int, type: EntityType | None) -> bool:
        return type is None or self._entities[position].type == type
