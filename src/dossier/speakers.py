"""Linking quote speakers to the story's canonical entities.

The quotes stage names speakers as the text does; the entities stage builds one
canonical person or organization per name across the story. This stage joins
the two, so that "Marrow" in one outlet and "Ilse Marrow" in another point
at the same entity. A speaker named as a body ("the Foreign Ministry", "Roe’s
office") links only to an organization, never to the person in its name.
Unnamed sources ("a senior official") are never linked: a guessed identity is
worse than none.
"""

from __future__ import annotations

import dataclasses

from dossier.briefing import AnyBriefing, Entity, EntityType, Quote, Statement
from dossier.entities import EntityIndex
from dossier.quotes.words import ORGANIZATION_HEADS

#: Only these entity types can speak.
_SPEAKING_TYPES: tuple[EntityType, ...] = ("person", "organization")
_POSSESSIVE = "’s "


def link_speakers_stage(story: AnyBriefing) -> AnyBriefing:
    """Set ``entity_id`` on named speakers and ``speaker_entity_id`` on their statements."""
    index = EntityIndex.of(story)
    quotes = tuple(_linked(quote, index) for quote in story.quotes)
    by_quote = {quote.id: quote for quote in quotes}
    statements = tuple(_linked_statement(statement, by_quote) for statement in story.statements)
    return dataclasses.replace(story, quotes=quotes, statements=statements)


def _linked(quote: Quote, index: EntityIndex) -> Quote:
    speaker = quote.speaker
    if speaker is None or not _is_a_name(speaker.name):
        return quote
    entity = _speaker_entity(index, speaker.name, speaker.article_id, speaker.start, speaker.end)
    if entity is None:
        return quote
    return dataclasses.replace(quote, speaker=dataclasses.replace(speaker, entity_id=entity.id))


def _speaker_entity(index: EntityIndex, name: str, article_id: str, start: int, end: int) -> Entity | None:
    types = _speaking_types(name)
    for entity_type in types:
        entity = index.named(name, entity_type)
        if entity is not None:
            return entity
    if _POSSESSIVE in name.replace("'", "’"):
        # "Ada Roe’s office" is a body, not Ada Roe: only its own name can link it.
        return None
    entity = index.at(article_id, start, end)
    if entity is not None and entity.type in types and _shares_a_word(name, entity):
        return entity
    return None


def _speaking_types(name: str) -> tuple[EntityType, ...]:
    """A name ending in a body word ("Foreign Ministry", "Roe’s office") can only be an organization."""
    last = name.split()[-1].casefold()
    return ("organization",) if last in ORGANIZATION_HEADS else _SPEAKING_TYPES


def _linked_statement(statement: Statement, quotes: dict[str, Quote]) -> Statement:
    entity_ids = sorted(
        {
            quote.speaker.entity_id
            for quote_id in statement.quote_ids
            if (quote := quotes.get(quote_id)) is not None
            and quote.speaker is not None
            and quote.speaker.entity_id is not None
        }
    )
    # Only a statement whose quotes all agree on one entity gets it.
    if len(entity_ids) != 1:
        return statement
    return dataclasses.replace(statement, speaker_entity_id=entity_ids[0])


def _is_a_name(name: str) -> bool:
    """Names start with a capital; unnamed sources ("a senior official") do not."""
    return bool(name) and name[0].isupper()


def _shares_a_word(name: str, entity: Entity) -> bool:
    words = set(name.casefold().split())
    return any(words & set(candidate.casefold().split()) for candidate in (entity.name, *entity.aliases))
