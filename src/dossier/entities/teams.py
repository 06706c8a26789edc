"""A place that stands for its team: "the Gulls' 31-24 win over Lisk" when the story names the "Lisk Gulls".

Sports news names a team by its city ("Lisk rallied", "a win over Lisk")
as often as by its full name. The recognizer calls such a word a place, and
it is one elsewhere in the same story ("the game in Lisk"). A mention of a
place stands for a team when

* the story names exactly one organization (or other name) that opens with
  the place's name and goes on ("Lisk Gulls"), not with a word for a body or an
  institution anywhere in it, nor an "of" or a "for" ("Lisk Police Department",
  "Lisk General Hospital", "Lisk College of Nursing", "Lisk Club for Growth": "10-15
  people in Lisk" is a range and "48-35" a vote, not a score), and
* its sentence reads as a game: a score or a win-loss record in it
  ("31-24", "10-3"), or the place right after a word for playing or beating
  ("over", "against", "beat", "defeated"), and
* it is not after a word that puts something in a place ("in Lisk", "near Lisk").

Only then does the mention move to the team; the place keeps its other mentions.
"""

from __future__ import annotations

import re

from dossier.quotes.words import ORGANIZATION_HEADS

#: A score or a win-loss record: "31-24", "10 - 3".
_SCORE = re.compile(r"(?<![\d/.:-])\d{1,3} ?[-–] ?\d{1,3}(?![\d/:-]|\.\d)")
#: Words right before a team's name in a game: "a win over Lisk", "beat Lisk".
_GAME_WORDS = frozenset(
    {
        "over",
        "against",
        "beat",
        "beats",
        "beating",
        "defeat",
        "defeats",
        "defeated",
        "defeating",
        "edged",
        "overcame",
        "routed",
        "trounced",
        "vs",
        "vs.",
        "versus",
    }
)
#: Words that put what follows in a place: "the game in Lisk" is the city.
_PLACE_WORDS = frozenset({"in", "near", "outside", "from", "of", "around", "across", "into", "downtown"})


def reads_as_team(text: str, sentence_start: int, sentence_end: int, start: int, end: int) -> bool:
    """Whether the place name at ``text[start:end]`` stands for a team in its sentence."""
    before = text[sentence_start:start].split()
    previous = before[-1].casefold() if before else ""
    if previous in _PLACE_WORDS:
        return False
    if previous in _GAME_WORDS:
        return True
    return _SCORE.search(text, sentence_start, sentence_end) is not None


#: Last words of a body's or an institution's name, never of a team's.
_NOT_TEAM_ENDINGS = ORGANIZATION_HEADS | frozenset(
    {
        "hospital",
        "clinic",
        "center",
        "centre",
        "university",
        "college",
        "school",
        "institute",
        "bank",
        "airport",
    }
)
#: Words no team's name holds: a body's or institution's, and the "of" or "for" that names what one
#: is of or for.
_NOT_TEAM_WORDS = _NOT_TEAM_ENDINGS | frozenset({"of", "for"})


def may_be_team(words: tuple[str, ...]) -> bool:
    """Whether a case-folded name of two words or more may be a team's: not a body's ("... Police"),
    nor an institution's or a cause's named with "of" or "for" ("Lisk College of Nursing", "Lisk Club
    for Growth"): a body's or institution's word anywhere in it, or an "of" or a "for", says what it
    is, whatever word ends it."""
    return len(words) >= 2 and not any(word in _NOT_TEAM_WORDS for word in words)
