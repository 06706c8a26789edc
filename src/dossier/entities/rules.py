"""Rules on the shape of names that the tagger, trained on GMB, misses or mistypes.

* A run of capitalized words (with "of", "and", "for", "the", "&" inside)
  holding an organization word is an organization: "Tidewater Harbour
  Council", "Ministry of Fisheries", "Quillon Holdings Inc.".
* Such a run ending in a word for a law, treaty or event is another name:
  "Harbour Safety Act", "Coastal Summit", "Island Games".
* A title word cuts a run ("Bank of Quillon Governor Ilse Marrow" is a bank,
  a title and a person), and a run needs two capitalized words, so a lone
  "Council" opening a sentence stays unnamed.
* A work or product named in quotes right after the word for it ("the app
  “Tide Finder”", "her album 'Salt'") is another name, lower-case words and all.

The rules look at a bounded number of tokens around each position, so they
stay linear in the text.
"""

from __future__ import annotations

from collections.abc import Sequence

from dossier.entities.gazetteer import is_place_word, is_title_word, word_set
from dossier.entities.tokenize import Token

ORGANIZATION_SUFFIXES = word_set(
    """
    ministry department council party agency organization organisation bank corp. corp inc. inc ltd. ltd
    plc llc company corporation commission committee authority bureau federation union association
    institute foundation university college parliament assembly senate congress court tribunal army navy
    police board trust fund holdings group airlines airways network
    """
)
OTHER_SUFFIXES = word_set(
    """
    act acts law treaty accord accords agreement convention protocol summit games olympics championship
    championships cup festival expo olympiad
    """
)
WORK_WORDS = word_set("app album book novel film movie song single show series game documentary play podcast")
_GLUE = word_set("of and for the & on de")
# Capitalized words opening a sentence that never open a name.
_NOT_OPENING = word_set(
    """
    the a an this that these those yesterday today tomorrow meanwhile however but and or so then when
    while after before if though although since because last next in on at by for from with as all
    """
)
_CALENDAR = word_set(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april june july
    august september october november december
    """
)
_OPEN_QUOTES = frozenset({'"', "“", "‘", "'", "«"})
_CLOSE_QUOTES = frozenset({'"', "”", "’", "'", "»"})
# Title words that also name an organization's field ("Foreign Ministry", "National Security Council")
# or open one ("Major League Baseball").
_NAME_MODIFIERS = word_set(
    "foreign defense defence interior finance trade state security treasury national major"
)
_MAX_RUN = 12
_MAX_WORK_TOKENS = 10


def with_name_rules(tokens: Sequence[Token], tags: list[str]) -> list[str]:
    """Re-tag runs of capitalized words that hold an organization, law or event word."""
    index = 0
    while index < len(tokens):
        end = _run_end(tokens, index)
        if end == index:
            index += 1
            continue
        for start, stop in _segments(tokens, index, end):
            kind = _run_kind(tokens[start:stop])
            if kind is not None and _may_retag(tokens, tags, start, stop, kind):
                _retag(tokens, tags, start, stop, kind)
        index = end
    return tags


def _may_retag(tokens: Sequence[Token], tags: Sequence[str], start: int, end: int, kind: str) -> bool:
    """Overrule the tagger only where it found nothing, mistyped or cut the name, or ran on into a title.

    Inside the run the tagger may have seen nothing, a person, pieces of the
    same type, or (for a law or event, a type it is weak on) an organization.
    Its places are kept, and so are names it reads as reaching past the run:
    it knows "Beijing Olympics" or "U.S. State Department" better than a suffix
    list does. But a name it runs on through a title ("Bank of Quillon
    Governor Ilse Marrow" as one organization) is cut there.
    """
    found = {tag[2:] for tag in tags[start:end] if tag != "O"}
    allowed = {"person", kind, "organization"} if kind == "other" else {"person", kind}
    if not found <= allowed:
        return False
    inside = not tags[start].startswith("I-")
    if end == len(tags) or not tags[end].startswith("I-"):
        return inside
    return inside and _cuts_run(tokens[end].text.casefold())


def _segments(tokens: Sequence[Token], start: int, end: int) -> list[tuple[int, int]]:
    """Parts of a run that may each be a name.

    "and" after a complete name separates two names ("Quillon Council and
    Tidewater Bank", but "Food and Fisheries Agency" is one). After
    "of", the part holding the organization word is the name: "Ministry of
    Fisheries" is one name, but in "Ilse Marrow of the Quillon Party" only the
    party is.
    """
    parts: list[tuple[int, int]] = []
    first = start
    for index in range(start, end):
        if tokens[index].text.casefold() == "and" and _has_suffix(tokens[first:index]):
            parts.append((first, index))
            first = index + 1
    parts.append((first, end))
    trimmed: list[tuple[int, int]] = []
    for low, high in parts:
        cuts = [i for i in range(low, high) if tokens[i].text.casefold() == "of"]
        head = cuts[0] if cuts else high
        if cuts and not _has_suffix(tokens[low:head]):
            low = cuts[-1] + 1
            while low < high and tokens[low].text.casefold() in _GLUE:
                low += 1
        if low < high:
            trimmed.append((low, high))
    return trimmed


def _has_suffix(run: Sequence[Token]) -> bool:
    return any(t.text.casefold() in ORGANIZATION_SUFFIXES | OTHER_SUFFIXES for t in run)


def quoted_works(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Token ranges ``[first, last)`` of titles quoted right after a word for a work ("app", "album")."""
    found: list[tuple[int, int]] = []
    for index in range(len(tokens) - 2):
        if tokens[index].text.casefold() not in WORK_WORDS or tokens[index + 1].text not in _OPEN_QUOTES:
            continue
        first = index + 2
        if not tokens[first].text[:1].isupper():
            continue
        for last in range(first + 1, min(len(tokens), first + _MAX_WORK_TOKENS + 1)):
            if tokens[last].text in _CLOSE_QUOTES:
                found.append((first, last))
                break
    return found


def _cuts_run(word: str) -> bool:
    """A title word ends a run, unless it can stand inside an organization's name ("State Department")."""
    return is_title_word(word) and word not in _NAME_MODIFIERS


def _capitalized(token: Token) -> bool:
    return token.text[:1].isupper() and any(char.isalpha() for char in token.text)


def _run_end(tokens: Sequence[Token], start: int) -> int:
    """The end of the run of capitalized words starting at ``start`` (``start`` when none starts there).

    A run does not start on an article ("The"), on another word that opens
    sentences but not names ("Yesterday"), or on a country word: in "the
    Kenyan High Court" Kenya is a place of its own, linked to the country.
    """
    first = tokens[start].text.casefold()
    if not _capitalized(tokens[start]) or _cuts_run(first) or first in _NOT_OPENING or is_place_word(first):
        return start
    end = start + 1
    while end < len(tokens) and end - start < _MAX_RUN:
        if not _continues_run(tokens, end):
            break
        end += 1
    # Glue never ends a run.
    while end > start and tokens[end - 1].text.casefold() in _GLUE:
        end -= 1
    return end


def _continues_run(tokens: Sequence[Token], index: int) -> bool:
    word = tokens[index].text.casefold()
    if word in _CALENDAR:
        return False  # "the Harbour Council Wednesday": the day is not part of the name
    if _capitalized(tokens[index]):
        return not _cuts_run(word)
    # Glue stays inside a run only when a capitalized word follows it.
    return word in _GLUE and index + 1 < len(tokens) and _capitalized(tokens[index + 1])


def _run_kind(run: Sequence[Token]) -> str | None:
    words = [token.text.casefold() for token in run]
    if sum(1 for token in run if _capitalized(token)) < 2:
        return None
    if words[-1] in OTHER_SUFFIXES:
        return "other"
    if any(word in ORGANIZATION_SUFFIXES for word in words):
        return "organization"
    return None


def _retag(tokens: Sequence[Token], tags: list[str], start: int, end: int, kind: str) -> None:
    for index in range(start, end):
        tags[index] = ("B-" if index == start else "I-") + kind
    if end >= len(tags) or not tags[end].startswith("I-"):
        return
    continued = tags[end]
    if not _cuts_run(tokens[end].text.casefold()):
        tags[end] = "B-" + continued[2:]
        return
    # The tagger ran the name on through a title: "Bank of Quillon Governor Ilse Marrow". What
    # follows the title is a person (the title itself is cut off the name later).
    index = end
    while index < len(tags) and (index == end or tags[index] == continued):
        tags[index] = ("B-" if index == end else "I-") + "person"
        index += 1


# --- newspapers and other news outlets ------------------------------------------------------------------

#: Last words of news outlets' names: "the Harbour Times", "Quillon Evening Post".
PRESS_ENDINGS = word_set(
    """
    times post journal herald tribune monde gazette news daily telegraph guardian chronicle courier mail
    inquirer dispatch examiner press observer
    """
)
#: Words for a news outlet that introduce its name: "the Spanish paper Diario Quillon".
PRESS_NOUNS = word_set("paper newspaper daily weekly tabloid broadsheet magazine broadcaster outlet website")
#: Articles (in several languages) that open many newspapers' names and few people's.
PRESS_ARTICLES = word_set("el le la les die der das il lo los las")
_REPORTING_AFTER = word_set(
    """
    reported reports said says quoted quotes wrote writes commented comments published publishes cited cites
    revealed reveals carried carries
    """
)
_REPORTED_BY = word_set("reported quoted cited published carried")
_AUXILIARIES = word_set("has had have")
_PRESS_GLUE = word_set("of de du del des di &")
_MAX_PRESS_RUN = 6


def with_press_rules(tokens: Sequence[Token], tags: list[str]) -> list[str]:
    """Re-tag as organizations the names of news outlets, read from their shape and their context.

    A name is an outlet when it ends in a word such as "Times" or "Gazette"
    and holds two capitalized words ("Harbour Times"), or when the text
    treats it as a source of news and it opens with an article ("told El
    Diario", "La Voz reported", "according to the Post") or follows a word
    for a newspaper ("the paper Nuevo Dia"). A person's name in the same
    place ("told Ana Lind") has neither the article nor the press word.
    """
    index = 0
    while index < len(tokens):
        end = _press_run_end(tokens, index)
        if end > index and _is_press_name(tokens, index, end):
            _retag(tokens, tags, index, end, "organization")
            index = end
        else:
            index = max(end, index + 1)
    return tags


def is_press_shaped(surface: str) -> bool:
    """Whether a name looks like a news outlet's on its own: "Le Quotidien", "Harbour Times"."""
    words = surface.casefold().split()
    if words[:1] == ["the"]:
        words = words[1:]
    return len(words) >= 2 and (words[0] in PRESS_ARTICLES or words[-1] in PRESS_ENDINGS)


def _press_run_end(tokens: Sequence[Token], start: int) -> int:
    """The end of a run of capitalized words (with "of", "de" inside) opening at ``start``."""
    if not _capitalized(tokens[start]) or tokens[start].text.casefold() == "the":
        return start
    if start > 0 and _capitalized(tokens[start - 1]) and tokens[start - 1].text.casefold() != "the":
        return start  # not the beginning of a run
    end = start + 1
    while end < len(tokens) and end - start < _MAX_PRESS_RUN:
        token = tokens[end]
        glue = token.text.casefold() in _PRESS_GLUE
        if not (_capitalized(token) or (glue and end + 1 < len(tokens) and _capitalized(tokens[end + 1]))):
            break
        end += 1
    return end


def _is_press_name(tokens: Sequence[Token], start: int, end: int) -> bool:
    words = [token.text.casefold() for token in tokens[start:end]]
    capitals = sum(1 for token in tokens[start:end] if _capitalized(token))
    opens_with_article = len(words) >= 2 and words[0] in PRESS_ARTICLES
    after_the = start > 0 and tokens[start - 1].text.casefold() == "the"
    after_press_noun = start > 0 and tokens[start - 1].text.casefold() in PRESS_NOUNS
    ends_in_press_word = words[-1] in PRESS_ENDINGS
    if words[0] in _CALENDAR:
        return False  # "in the paper Monday": a day, not a name
    if after_press_noun:
        return True
    if ends_in_press_word and capitals >= 2:
        return True
    sourced = opens_with_article or (after_the and ends_in_press_word)
    return sourced and _news_context(tokens, start, end)


def _news_context(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether the text around a name treats it as a source: "told X", "according to X", "X reported"."""
    before = [token.text.casefold() for token in tokens[max(0, start - 3) : start]]
    if before and before[-1] == "the":
        before = before[:-1]
    if before[-1:] == ["told"] or before[-2:] == ["according", "to"]:
        return True
    if len(before) >= 2 and before[-1] == "by" and before[-2] in _REPORTED_BY:
        return True
    after = [token.text.casefold() for token in tokens[end : end + 2]]
    if after[:1] and after[0] in _AUXILIARIES:
        after = after[1:]
    return bool(after) and after[0] in _REPORTING_AFTER
