"""Names in headline-shaped lines: cut down to the names the rest of the article gives.

A line in Title Case or in capitals ("Ana Roe Steps Down As Harbour Chief",
"RED HARBOUR SIGNS KEEPER") gives the recognizer no lower-case word to end a
name at, so it reads "Ana Roe Steps Down" as one name. Such lines are
headlines, teasers of related stories and caption titles; a line that ends
like a sentence is not one. The article's
other lines tell which names are real: a mention in a headline-shaped line
that holds one or more names written elsewhere in the article (or a person's
first or last name) is replaced by those names, with their types; one that
holds none is left as the recognizer read it.

A story repeats that reading over all its articles (:func:`with_story_headline_names`):
a headline names the story's people and places, most often in full, even when its own
article writes them otherwise ("Ana Roe Steps Down" above an article that says "Roe").
There a mention that holds no known name and is mostly words the story writes in
lower case ("Driver Charged", "Harbour Worker Quits") is dropped: title case dressed
common words as a name. At story level a title-case line that ends in a full stop is a
headline too ("Ana Roe: Harbour Chief Steps Down At 91."), when no word in it but "of",
"in", "a" and the like is in lower case: a sentence has a verb in lower case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from dossier.analysis import NameMention
from dossier.briefing import EntityType

#: How many of a line's longer words must be capitalised for it to be headline-shaped.
_CAPITALISED_SHARE = 0.75
#: Words of this many letters or more count; shorter ones ("of", "in", "to") stay lower case in a headline.
_LONGER_WORD = 4
_MIN_LONGER_WORDS = 3
#: A line ending like a sentence is a story-level headline only with this many longer words or more,
#: and no word in lower case but the minor ones.
_STOPPED_HEADLINE_WORDS = 5
#: Words a title-case headline leaves in lower case.
_MINOR_WORDS = frozenset(
    {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "with", "by", "as"}
)
_SENTENCE_ENDS = (".", "!", "?")
_CLOSERS = "\"'”’)] "
_WORD = re.compile(r"[^\W\d_][^\W_]*")


def with_headline_names(text: str, names: Sequence[NameMention]) -> list[NameMention]:
    """``names``, each mention in a headline-shaped line cut to the names the article gives elsewhere."""
    headline = {start for start, _ in _headline_lines(text)}
    if not headline:
        return list(names)

    inside = [name for name in names if _line_start(text, name.start) in headline]
    if not inside:
        return list(names)
    known = _known_names(name for name in names if _line_start(text, name.start) not in headline)
    found: list[NameMention] = [name for name in names if _line_start(text, name.start) not in headline]
    for name in inside:
        found.extend(_cut(text, name, known))
    return sorted(found, key=lambda name: (name.start, name.end))


def with_story_headline_names(
    texts: Sequence[str], names: Sequence[Sequence[NameMention]]
) -> list[list[NameMention]]:
    """Each article's ``names``, those in its headline-shaped lines cut to the names the whole story
    gives outside such lines, or dropped when they hold none and are mostly common words."""
    lines = [{start for start, _ in _headline_lines(text, stopped=True)} for text in texts]
    outside = [
        [name for name in found if _line_start(text, name.start) not in starts]
        for text, found, starts in zip(texts, names, lines, strict=True)
    ]
    known = _known_names(name for found in outside for name in found)
    common = _lower_case_words(texts, lines)
    read: list[list[NameMention]] = []
    for text, found, starts, kept in zip(texts, names, lines, outside, strict=True):
        inside = [name for name in found if _line_start(text, name.start) in starts]
        cut = [piece for name in inside for piece in _cut(text, name, known)]
        kept = kept + [name for name in cut if name.surface.casefold() in known or not _common(name, common)]
        read.append(sorted(kept, key=lambda name: (name.start, name.end)) if inside else list(found))
    return read


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _lower_case_words(texts: Sequence[str], headline_lines: Sequence[set[int]]) -> set[str]:
    """The words the story writes in lower case outside headline-shaped lines."""
    words: set[str] = set()
    for text, starts in zip(texts, headline_lines, strict=True):
        for match in _WORD.finditer(text):
            word = match.group()
            if word.islower() and _line_start(text, match.start()) not in starts:
                words.add(word)
    return words


def _common(name: NameMention, common: set[str]) -> bool:
    """Whether more than half of a name's words are written in lower case elsewhere in the story."""
    words = _WORD.findall(name.surface)
    return bool(words) and 2 * sum(1 for word in words if word.casefold() in common) > len(words)


def _headline_lines(text: str, stopped: bool = False) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every line whose longer words are mostly capitalised (``stopped``:
    see :func:`_headline_shaped`)."""
    lines: list[tuple[int, int]] = []
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if _headline_shaped(text[start:end], stopped):
            lines.append((start, end))
        start = end + 1
    return lines


def _headline_shaped(line: str, stopped: bool = False) -> bool:
    """Whether a line reads as a headline; with ``stopped``, also one ending in a full stop."""
    longer = [word for word in _WORD.findall(line) if len(word) >= _LONGER_WORD]
    if len(longer) < _MIN_LONGER_WORDS:
        return False
    capitalised = sum(1 for word in longer if word[0].isupper())
    if line.rstrip(_CLOSERS).endswith(_SENTENCE_ENDS):
        if not stopped:
            return False
        # A sentence in which most words are names ("Harbour Board Chairwoman Mira Kessel met ...") has a
        # verb in lower case; a headline with a full stop ("Harbour Chief Steps Down At 91.") has
        # no lower-case word but "of", "in", "a"...
        lower = [word for word in _WORD.findall(line) if not word[0].isupper()]
        return len(longer) >= _STOPPED_HEADLINE_WORDS and all(word in _MINOR_WORDS for word in lower)
    return capitalised >= _CAPITALISED_SHARE * len(longer)


def _known_names(names: Iterable[NameMention]) -> dict[str, EntityType]:
    """Case-folded surface -> type of each name outside headlines, and of people's first and last names."""
    known: dict[str, EntityType] = {}
    for name in names:
        known.setdefault(name.surface.casefold(), name.type)
        words = name.surface.split()
        if name.type == "person" and len(words) > 1:
            for word in (words[0], words[-1]):
                known.setdefault(word.casefold(), "person")
    return known


def _cut(text: str, name: NameMention, known: dict[str, EntityType]) -> list[NameMention]:
    """The known names inside ``name``, longest first and word-bounded; ``name`` itself when none is."""
    surface = name.surface
    if surface.casefold() in known:
        return [name]
    words = [(match.start(), match.end()) for match in re.finditer(r"\S+", surface)]
    taken: list[tuple[int, int]] = []
    for size in range(len(words) - 1, 0, -1):
        for first in range(len(words) - size + 1):
            start, end = words[first][0], words[first + size - 1][1]
            while end > start and not surface[end - 1].isalnum():
                end -= 1
            if surface[start:end].casefold() not in known or any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
    if not taken:
        return [name]
    return [
        NameMention(
            name.start + start,
            name.start + end,
            known[surface[start:end].casefold()],
            surface[start:end],
        )
        for start, end in sorted(taken)
    ]
