"""Named entities in one article: the model's entities, with the few rules that catch what it misses.

:func:`name_mentions` turns the spaCy pipeline's entities into our
:class:`~dossier.analysis.NameMention` records (OntoNotes labels mapped onto
ours, no leading "the", no edge punctuation, no trailing possessive) and adds,
each for a reason the small model gives:

* titles cut off the front of a person's name ("Sergeant Ana Roe" -> "Ana Roe"),
  and a lone surname's given name put back ("Tomas" in "Sgt. Tomas Verhoek");
* newspaper-shaped names as organizations ("the Harbour Times", "La Voz");
* the proper-noun subject of a verb the recognizer left out ("King said");
* a name the article gives once, wherever the article repeats it, with one type;
* country names and demonyms from the gazetteer ("U.S.", "Chinese");
* capitalised names ending in a word for a body ("Velmish Foreign Ministry");
* each person's titles, read by :mod:`dossier.entities.roles`.

``benchmarks/compare_backbone.py`` measures the result against the previous
reader on WikiANN, GMB and ECB+.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence

from dossier.analysis import NameMention, Tokens
from dossier.article import Span
from dossier.briefing import EntityType
from dossier.entities.datelines import with_dateline_names
from dossier.entities.gazetteer import (
    PRESS_ENDINGS,
    country_for_demonym,
    country_for_name,
    is_press_shaped,
    is_title_word,
)
from dossier.entities.headlines import with_headline_names
from dossier.entities.roles import title_after, title_before
from dossier.quotes.words import ORGANIZATION_HEADS

#: OntoNotes labels (spaCy's English pipelines) and CoNLL labels, onto ours. Numeric labels are other stages'.
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
#: A name ending in a dotted abbreviation keeps its last dot: "U.S.", "U.K.".
_ABBREVIATION = re.compile(r"(?:\b[A-Za-z]\.){2,}$")
_BODY_HEADS = "|".join(sorted((word.capitalize() for word in ORGANIZATION_HEADS), key=len, reverse=True))
#: Two to five capitalised words ending in a body's head: "Harbour Department", "Velmish Foreign Ministry".
_BODY_NAME = re.compile(rf"\b(([A-Z][a-z]+) (?:[A-Z][\w’'-]+ ){{0,3}})(?:{_BODY_HEADS})\b")
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "this", "that"})
#: How far from a name (in characters) its title may reach; roles.py looks no further.
_TITLE_REACH = 200


def name_mentions(
    text: str, entities: Iterable[tuple[int, int, str]], tokens: Tokens, sentences: Sequence[Span]
) -> tuple[NameMention, ...]:
    """The names of one article, from the model's ``(start, end, label)`` entities and its parse."""
    read = with_dateline_names(
        text, with_headline_names(text, _without_leading_verbs(text, tokens, _names(text, entities)))
    )
    found = _people_by_name(_without_words_before(_everywhere(text, _with_subject_names(text, tokens, read))))
    return with_titles(text, sentences, _with_bodies(text, _with_countries(text, tokens, found)))


def _names(text: str, entities: Iterable[tuple[int, int, str]]) -> Iterator[NameMention]:
    """spaCy's entities as our mentions: mapped types, no leading "the", no edge punctuation.

    A name never runs across a line break: an entity the model read across one is cut there
    (:func:`_line_pieces`), since two lines are two headlines, captions or paragraphs.
    """
    for start, end, label in entities:
        for piece_start, piece_end in _line_pieces(text, start, end):
            mention = _name(text, piece_start, piece_end, label)
            if mention is not None:
                yield mention


def _without_leading_verbs(text: str, tokens: Tokens, names: Iterable[NameMention]) -> list[NameMention]:
    """Names cut after a first word the parse reads as an inflected verb ("Continued Lee:" -> "Lee").

    A sentence may open with its verb before a surname ("Added Lee, …"), and the capital makes the
    model take the verb into the name; a name itself is never a conjugated verb.
    """
    kept: list[NameMention] = []
    for name in names:
        first = bisect.bisect_left(tokens.starts, name.start)
        space = name.surface.find(" ")
        if (
            space > 0
            and text[name.start : name.end] == name.surface
            and first < len(tokens.starts)
            and tokens.starts[first] == name.start
            and tokens.pos[first] == "VERB"
            and text[tokens.starts[first] : tokens.ends[first]].casefold() != tokens.lemmas[first].casefold()
        ):
            name = NameMention(name.start + space + 1, name.end, name.type, name.surface[space + 1 :])
        kept.append(name)
    return kept


def _line_pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The parts of ``text[start:end]`` on each line: the first line's part, and later lines'
    parts that read as names on their own (two or more capitalised words, no digit).

    "Betty Ford Center\nFri" keeps "Betty Ford Center"; "Ana Roe\nTomas Verhoek" keeps both.
    """
    piece_start = start
    first = True
    while True:
        at = text.find("\n", piece_start, end)
        piece_end = end if at < 0 else at
        piece = text[piece_start:piece_end]
        if piece.strip() and (first or _stands_as_name(piece)):
            yield piece_start, piece_end
        if at < 0:
            return
        piece_start, first = at + 1, False


def _stands_as_name(piece: str) -> bool:
    words = piece.split()
    return (
        len(words) >= 2 and all(word[:1].isupper() for word in words) and not any(c.isdigit() for c in piece)
    )


def _name(text: str, start: int, end: int, label: str) -> NameMention | None:
    """One entity of the model as our mention, or None when nothing of a name is left."""
    kind = _kind(label, text[start:end].strip())
    if kind is None:
        return None
    if kind != "person" and text[start : start + 4].casefold() == "the ":
        start += 4  # "the Harbour Board": the article is not part of the name
    while end > start and not text[end - 1].isalnum() and not _ABBREVIATION.search(text, start, end):
        end -= 1
    start = _after_closing_bracket(text, start, end)
    while start < end and not text[start].isalnum():
        start += 1
    if text[end - 2 : end] in ("’s", "'s"):
        end -= 2  # "Ana Roe’s office": the possessive is not part of the name
    start = _press_name_start(text, start, end)
    if is_press_shaped(text[start:end]):
        kind = "organization"  # "La Voz", "the Harbour Times": a newspaper, whatever the model said
    named = _after_titles(text, start, end)
    if named != start and kind != "person" and _titled(text, named, end):
        # "Secretary of State Ana Roe" read as one organization: a title before a name makes a person.
        kind = "person"
    if named >= end:
        return None  # nothing but titles: "Sgt", "State"
    if kind == "person":
        start = _with_given_name(text, named, end)
    surface = text[start:end]
    if kind == "person" and _only_places(surface):
        return None  # "U.S.-China" (relations) read as a person
    if kind == "person" and _ends_in_body(surface):
        kind = "organization"  # "Lisk Police", "Velmar Council" read as a person
    if any(char.isupper() for char in surface):
        return NameMention(start, end, kind, surface)
    return None


def _after_closing_bracket(text: str, start: int, end: int) -> int:
    """Where a name starts after a bracket closed inside it: a source line glued to the name
    ("(Harbour Wire)-Ana Roe") is not part of it; a name with its own brackets keeps them."""
    close = text.rfind(")", start, end)
    if close < 0 or text.find("(", start, close) >= 0:
        return start
    return close + 1


def _with_given_name(text: str, start: int, end: int) -> int:
    """A lone surname with the capitalised word right before it: "Tomas" in "Sergeant Tomas Verhoek".

    The small model often leaves an unfamiliar given name outside the name. Titles, places and a
    sentence's first word are not given names.
    """
    if " " in text[start:end] or text[start - 1 : start] != " ":
        return start
    word_start = text.rfind(" ", 0, start - 1) + 1
    word = text[word_start : start - 1]
    if not (word[:1].isupper() and word.isalpha() and word[1:].islower()):
        return start
    if is_title_word(word.casefold()) or country_for_name(word) or country_for_demonym(word):
        return start
    if _opens_sentence(text, word_start):
        return start
    return word_start


def _with_bodies(text: str, names: list[NameMention]) -> list[NameMention]:
    """Add capitalised names ending in a word for a body ("Velmish Foreign Ministry") the model missed."""
    taken = [(name.start, name.end) for name in names]
    added = list(names)
    for match in _BODY_NAME.finditer(text):
        start, end = match.start(), match.end()
        if match.group(2) in ("The", "A", "An"):
            start = match.end(2) + 1  # "The Harbour Department": the article is not part of the name
        if any(s < end and start < e for s, e in taken):
            continue
        added.append(NameMention(start, end, "organization", text[start:end]))
    return sorted(added, key=lambda name: (name.start, name.end))


def _press_name_start(text: str, start: int, end: int) -> int:
    """Where a name ending in a newspaper word really starts: "Tidewater Gazette", not "Gazette"."""
    last = text[start:end].split()[-1:] or [""]
    if last[0].casefold() not in PRESS_ENDINGS:
        return start
    # Word by word leftwards, each separated by one space; indexes only, so a long article costs no copies.
    while start >= 2 and text[start - 1] == " " and text[start - 2] != " ":
        word_start = start - 1
        while word_start > 0 and text[word_start - 1] not in " \n":
            word_start -= 1
        word = text[word_start : start - 1]
        if (
            not word[:1].isupper()
            or not word.isalpha()
            or word.casefold() == "the"
            or _opens_sentence(text, word_start)
        ):
            return start
        start = word_start
    return start


def _opens_sentence(text: str, at: int) -> bool:
    """Whether ``at`` starts the text or follows a sentence end (spaces between skipped, nothing copied)."""
    before = at - 1
    while before >= 0 and text[before].isspace():
        before -= 1
    return before < 0 or text[before] in '.!?\n"“”'


def _titled(text: str, start: int, end: int) -> bool:
    """Whether an office title is written right before ``text[start:end]`` and the rest looks like a name."""
    words = text[start:end].split()
    if not 2 <= len(words) <= 3 or not all(word[:1].isupper() for word in words):
        return False
    return title_before(text, NameMention(start, end, "person", text[start:end]), ()) is not None


def _after_titles(text: str, start: int, end: int) -> int:
    """Where a person's name begins once leading titles are cut off ("Sergeant Ana Roe" -> "Ana Roe").

    The titles are read back as the person's role by :func:`with_titles`; a mention that is
    nothing but titles ("Sgt") ends up empty and is dropped.
    """
    while start < end:
        word_end = text.find(" ", start, end)
        word_end = end if word_end < 0 else word_end
        if not is_title_word(text[start:word_end].casefold()) and not is_title_word(
            text[start:word_end].casefold().rstrip(".") + "."
        ):
            return start
        start = word_end + 1
    return end


def _with_countries(text: str, tokens: Tokens, names: list[NameMention]) -> list[NameMention]:
    """Add the country names and demonyms the recognizer left outside any name ("U.S.", "Chinese").

    A small gazetteer is more reliable than a small model on these few hundred words, and
    linking "American" to the United States needs the table anyway.
    """
    taken = sorted((name.start, name.end) for name in names)
    starts = [start for start, _ in taken]
    added = list(names)
    for start, end in zip(tokens.starts, tokens.ends, strict=True):
        word = text[start:end]
        if not word[:1].isupper() or not (country_for_name(word) or country_for_demonym(word)):
            continue
        at = bisect.bisect_right(starts, start) - 1
        if at >= 0 and taken[at][1] > start:
            continue  # inside a name the recognizer found ("Chinese Embassy")
        added.append(NameMention(start, end, "place", word))
    return sorted(added, key=lambda name: (name.start, name.end))


def _with_subject_names(text: str, tokens: Tokens, names: list[NameMention]) -> list[NameMention]:
    """Add the proper-noun subject of a verb that no name covers ("King" in "King said").

    Whoever the parse says acts or speaks, in the shape of a name, is named: the small model's
    recognizer misses many short or unfamiliar names, often exactly where attribution needs them.
    """
    taken = [(name.start, name.end) for name in names]
    added = list(names)
    for index, head in enumerate(tokens.heads):
        if tokens.deps[index] != "nsubj" or tokens.pos[index] != "PROPN":
            continue
        if tokens.pos[head] not in ("VERB", "AUX"):
            continue
        first = index
        while first > 0 and tokens.heads[first - 1] == index and tokens.deps[first - 1] == "compound":
            first -= 1
        if tokens.pos[first] != "PROPN":
            continue
        start, end = tokens.starts[first], tokens.ends[index]
        start = text.rfind("\n", start, end) + 1 or start  # a name does not run across a line break
        if any(s < end and start < e for s, e in taken) or not text[start:end][:1].isupper():
            continue
        named = _after_titles(text, start, end)
        if named >= end and _title_not_name(text, start, end):
            continue  # "the President said", "Sgt. said": a title, not a name ("King said" is a name)
        if named < end:
            start = named  # "Sergeant Tomas Verhoek": the title is read back as a title
        if _only_places(text[start:end]):
            continue  # "U.S.-China relations remain": places, not a person
        kind: EntityType = "organization" if _body_shaped(text[start:end]) else "person"
        added.append(NameMention(start, end, kind, text[start:end]))
    return sorted(added, key=lambda name: (name.start, name.end))


def _title_not_name(text: str, start: int, end: int) -> bool:
    """Whether a lone title word is a title here: abbreviated ("Sgt."), or after a determiner ("the King")."""
    if text[end : end + 1] == ".":
        return True
    before = text[max(0, start - 12) : start].split()
    return bool(before) and before[-1].casefold().rstrip("’'s") in _DETERMINERS


def _body_shaped(surface: str) -> bool:
    """A name ending in a word for a body or shaped like a newspaper's: an organization, not a person."""
    words = surface.split()
    return is_press_shaped(surface) or (len(words) > 1 and words[-1].casefold() in ORGANIZATION_HEADS)


#: Body words that are also surnames ("Margaret Court"): they do not make a person's name a body's.
_SURNAME_BODIES = frozenset({"court", "board", "union", "party", "firm"})


def _ends_in_body(surface: str) -> bool:
    """Whether a name of two or more words ends in a word for a body that is never a surname."""
    words = surface.split()
    last = words[-1].casefold() if words else ""
    return len(words) > 1 and last in ORGANIZATION_HEADS and last not in _SURNAME_BODIES


def _only_places(surface: str) -> bool:
    """Whether every part of a name is a country or its demonym: "U.S.-China", "Sino-Russian" is not."""
    parts = [part for part in re.split(r"[-–\s]+", surface) if part]
    return bool(parts) and all(country_for_name(part) or country_for_demonym(part) for part in parts)


def _everywhere(text: str, names: list[NameMention]) -> list[NameMention]:
    """Every other occurrence of a name the article gives, as that name, with its most frequent type.

    The model reads each sentence on its own and misses a name in one sentence that it found in
    another ("Pence added," after "Pence stated"); one article names one referent one way.
    """
    votes: dict[str, Counter[EntityType]] = defaultdict(Counter)
    for name in names:
        votes[name.surface][name.type] += 1
    surfaces = sorted((s for s in votes if len(s) > 1 and s[:1].isupper()), key=len, reverse=True)
    if not surfaces:
        return names
    typed = {surface: _most_common(count) for surface, count in votes.items()}
    taken = sorted((name.start, name.end) for name in names)
    starts = [start for start, _ in taken]
    found = [dataclasses.replace(name, type=typed[name.surface]) for name in names]
    pattern = re.compile(r"(?<![\w’'])(?:" + "|".join(re.escape(s) for s in surfaces) + r")(?![\w])")
    for match in pattern.finditer(text):
        start, end = match.span()
        at = bisect.bisect_right(starts, end) - 1
        if at >= 0 and taken[at][1] > start:
            continue  # already part of a name
        found.append(NameMention(start, end, typed[match.group()], match.group()))
    return sorted(found, key=lambda name: (name.start, name.end))


def _without_words_before(names: list[NameMention]) -> list[NameMention]:
    """Person mentions cut to the full name the article gives on its own: "Striker Ana Roe" -> "Ana Roe".

    The model takes a capitalised word before a name into it ("Colts QB Ana Roe",
    "Comedian Ana Roe"). When the last two or more words of a longer person mention are a
    person's name written alone elsewhere in the article, those words are the name.
    """
    people = {name.surface for name in names if name.type == "person" and " " in name.surface}
    cut: list[NameMention] = []
    for name in names:
        words = name.surface.split(" ")
        if name.type == "person" and len(words) >= 3:
            for size in range(len(words) - 1, 1, -1):
                tail = " ".join(words[-size:])
                if tail in people:
                    start = name.end - len(tail)
                    name = NameMention(start, name.end, name.type, tail)
                    break
        cut.append(name)
    return sorted(cut, key=lambda name: (name.start, name.end))


def _most_common(votes: Counter[EntityType]) -> EntityType:
    """The type most mentions got; a tie goes to a person, since people are who briefings are about."""
    best = max(votes.values())
    tied = sorted(kind for kind, count in votes.items() if count == best)
    return "person" if "person" in tied else tied[0]


def _people_by_name(names: list[NameMention]) -> list[NameMention]:
    """One article, one type per name: where a person is named in full ("Ana Roe"), every mention
    of that name or of its first or last word ("Roe") is that person, whatever the model said."""
    people: set[str] = set()
    for name in names:
        if name.type == "person":
            words = name.surface.split()
            people.update({name.surface, *((words[0], words[-1]) if len(words) > 1 else ())})
    return [
        dataclasses.replace(name, type="person") if name.type != "person" and name.surface in people else name
        for name in names
    ]


def _kind(label: str, surface: str) -> EntityType | None:
    if label == "NORP":
        # A demonym is a reference to its country, linked there; other groups are not names we keep.
        known = country_for_demonym(surface) or country_for_name(surface)
        return "place" if known is not None else None
    return LABELS.get(label)


def with_titles(text: str, sentences: Sequence[Span], names: list[NameMention]) -> tuple[NameMention, ...]:
    """Each person mention with the spans of the titles written before it or in apposition after it."""
    starts = [name.start for name in names]
    sentence_starts = [sentence.start for sentence in sentences]
    titled: list[NameMention] = []
    for name in names:
        if name.type != "person":
            titled.append(name)
            continue
        at = bisect.bisect_right(sentence_starts, name.start) - 1
        sentence = sentences[at] if at >= 0 else Span(0, len(text))
        # Only mentions near this one can be part of its title: a list of thousands of names stays linear.
        low = bisect.bisect_left(starts, name.start - _TITLE_REACH)
        high = bisect.bisect_right(starts, name.end + _TITLE_REACH)
        near = names[low:high]
        spans = (title_before(text, name, near, sentence.start), title_after(text, name, near, sentence.end))
        titles = tuple(Span(start, end) for start, end in (span for span in spans if span is not None))
        titled.append(NameMention(name.start, name.end, name.type, name.surface, titles))
    return tuple(titled)
