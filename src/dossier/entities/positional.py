"""Words capitalised only by where they stand: "Climber dies on glacier", "Rehab has been calling".

The first word of a sentence is capitalised whatever it is; the recognizer
then reads a common noun as a name ("Rehab has been calling her", "Bank staff
left the building"). A one-word mention is such a word, and dropped, when all
of these hold across the story:

* it stands first in its sentence or line, and is not a country's name;
* the story writes the word in lower case somewhere ("the climber"), not
  counting pieces of web addresses ("quake.lisk.gov");
* the story never writes it capitalised inside a sentence ("said Gray"),
  headlines in title case aside ("Climber Killed In Fall" capitalises every
  word), and it is no word of a longer name of the story ("Kimani Gray").

A real one-word name is written mid-sentence somewhere in a story, and a
surname is part of the full name the story gives. By the same signs, such a
word read into the front of a person's name ("Following Roe", "Kicker Ana
Roe") is cut off it, when the rest of the name names a person elsewhere. A word in capitals inside
a sentence may be an acronym that spells a common word ("WHO"), so it stays.

Wherever it stands, a one-word mention (not in capitals, not a country) is dropped when the
story writes the word in lower case at least twice as often as capitalised, counting every
capitalised occurrence: a name is capitalised wherever it stands, and "Police" beside a dozen
"police" is the common noun.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
import sys
from collections import Counter
from collections.abc import Sequence

from dossier.analysis import NameMention
from dossier.entities.gazetteer import country_for_demonym, country_for_name

_WORD = re.compile(r"[^\W\d_][^\W_]*")
#: What may stand between a sentence's end (or a line's start) and its first word.
_OPENERS = "\"'“‘([ \t"
_SENTENCE_ENDS = ".!?:"


def without_positional_words(
    texts: Sequence[str], names: Sequence[Sequence[NameMention]]
) -> list[list[NameMention]]:
    """Each article's ``names`` without one-word mentions that are common words capitalised by position."""
    lower: Counter[str] = Counter()
    capitalised: Counter[str] = Counter()
    inside: set[str] = set()
    for text in texts:
        title_lines = _title_case_lines(text)
        for match in _WORD.finditer(text):
            word = match.group()
            if word.islower() and not _in_address(text, match.start(), match.end()):
                lower[word] += 1
            elif word[0].isupper() and not word.isupper():
                capitalised[word.casefold()] += 1
                if not _opens_sentence(text, match.start()) and not _in_lines(title_lines, match.start()):
                    inside.add(word.casefold())
    in_names = {
        word.casefold()
        for found in names
        for name in found
        if " " in name.surface
        for word in name.surface.split()
    }
    in_people = Counter(
        word.casefold()
        for found in names
        for name in found
        if name.type == "person"
        for word in name.surface.split()
    )
    return [
        [
            _without_opening_word(text, name, lower, inside, in_people)
            for name in found
            if not _positional(text, name, lower, inside | in_names)
            and not _mostly_lower_case(name, lower, capitalised)
        ]
        for text, found in zip(texts, names, strict=True)
    ]


def _without_opening_word(
    text: str, name: NameMention, lower: Counter[str], inside: set[str], in_people: Counter[str]
) -> NameMention:
    """A person's name without a common word that opens its sentence: "Following Roe" -> "Roe".

    The recognizer reads the capitalised first word of a sentence into the name after it
    ("Following Roe's death", "Kicker Ana Roe"). The word is cut when the story writes it in
    lower case, never capitalised inside a sentence, and the name's last word names a person
    elsewhere in the story: what is left is a name the story knows.
    """
    words = name.surface.split(" ")
    if name.type != "person" or len(words) < 2 or not _opens_sentence(text, name.start):
        return name
    first = words[0]
    if not _WORD.fullmatch(first) or first.isupper() or first.casefold() not in lower:
        return name
    if first.casefold() in inside or in_people[words[-1].casefold()] < 2:
        return name
    cut = len(first) + 1
    return dataclasses.replace(name, start=name.start + cut, surface=name.surface[cut:])


#: A word the story writes in lower case this many times as often as capitalised is a common noun.
_COMMON_SHARE = 2


def _mostly_lower_case(name: NameMention, lower: Counter[str], capitalised: Counter[str]) -> bool:
    """Whether a one-word mention is a common noun the story mostly writes in lower case.

    "Police", "Rehab", "Bank" are read as names where a headline, a caption or a
    writer's habit capitalises them, while the articles write "police", "rehab" and
    "the bank" far more often: a name is capitalised wherever it stands. This holds
    for a word of a longer name too: a bare "Bank" beside "Lisk Bank" and a dozen
    "the bank" is the common noun. A word in capitals may be an acronym ("WHO").
    """
    word = name.surface
    if " " in word or not _WORD.fullmatch(word) or word.isupper():
        return False
    if country_for_name(word) or country_for_demonym(word):
        return False
    folded = word.casefold()
    return lower[folded] >= _COMMON_SHARE * capitalised[folded] > 0


def _positional(text: str, name: NameMention, lower: Counter[str], named: set[str]) -> bool:
    word = name.surface
    if " " in word or not _WORD.fullmatch(word):
        return False
    folded = word.casefold()
    if folded not in lower or folded in named or country_for_name(word) or country_for_demonym(word):
        return False
    return _opens_sentence(text, name.start)


#: A line is in title case when this share of its longer words (four letters or more) open with a capital.
_TITLE_SHARE = 0.7
_TITLE_MIN_WORDS = 3


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each line written in title case: a headline capitalises common words too."""
    found: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        longer = [word for word in _WORD.findall(line) if len(word) >= 4]
        capitalised = sum(1 for word in longer if word[0].isupper())
        if len(longer) >= _TITLE_MIN_WORDS and capitalised >= _TITLE_SHARE * len(longer):
            found.append((start, start + len(line)))
        start += len(line) + 1
    return found


def _in_lines(lines: Sequence[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` falls in one of ``lines`` (sorted, not overlapping)."""
    at = bisect.bisect_right(lines, (offset, sys.maxsize)) - 1
    return at >= 0 and lines[at][0] <= offset <= lines[at][1]


def _in_address(text: str, start: int, end: int) -> bool:
    """Whether a word is glued to a dot, slash or at sign: part of a web or mail address."""
    return (
        text[start - 1 : start] in (".", "/", "@")
        or text[end : end + 1] in ("/", "@")
        or (text[end : end + 1] == "." and text[end + 1 : end + 2].isalnum())
    )


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` is the first of its line or sentence."""
    at = start
    while at > 0 and text[at - 1] in _OPENERS:
        at -= 1
    return at == 0 or text[at - 1] == "\n" or (text[at - 1] in _SENTENCE_ENDS and at < start)
