"""Entity mentions in one article's text: the statistical tagger plus a few rules.

The tagger (trained on GMB) puts titles inside person names ("President Jane
Roe" is one GMB person), so leading title words are cut off a person mention;
the role reader picks them up again. Country names and demonyms the tagger
missed are added from the gazetteer, organization, law and event names are
read from their shape, newspapers from their shape and context, and titles of
works from quotes (:mod:`.rules`), and a
mention never starts or ends on punctuation. Text is tagged one sentence at a time, and a sentence that is too
long is tagged in windows, so time and memory stay linear in the text.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from dossier.article import Span
from dossier.briefing import EntityType
from dossier.entities.gazetteer import (
    country_for_demonym,
    country_for_name,
    is_place_word,
    is_title_word,
    word_set,
)
from dossier.entities.perceptron import TaggerModel
from dossier.entities.rules import quoted_works, with_name_rules, with_press_rules
from dossier.entities.tokenize import Token, tokenize

logger = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).parent / "model" / "ner.json.gz"
#: Longest run of tokens tagged at once; longer "sentences" (lists, run-on text) are cut into windows.
WINDOW_TOKENS = 200


# Words that open sentences and quotes in capitals but never name anything on their own.
_FUNCTION_WORDS = word_set(
    """
    a an the this that these those there here it its we our us you your he his him she her they their them
    i me my what when where which who whom whose why how if then than but and or nor so yet for of to in on
    at by from with as after before since until while although though because nothing nobody none no not
    everyone everything someone something some any all many most much more fewer few less several each
    every both either neither one yes today tomorrow yesterday mr mrs ms dr unlike despite during without
    within against among amid about into upon via
    """
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A name found in the text: ``text[start:end]`` is ``surface``."""

    start: int
    end: int
    type: EntityType
    surface: str


#: Anything that finds the mentions in the given sentences of a text (all of it when none are given),
#: in text order: the shipped tagger (:func:`tagger_recognizer`) or a pretrained pipeline.
Recognizer = Callable[[str, Sequence[Span]], list[Mention]]


def tagger_recognizer(model: TaggerModel | None = None) -> Recognizer:
    """The recognizer built on our tagger (the shipped model when None)."""

    def recognizer(text: str, sentences: Sequence[Span]) -> list[Mention]:
        return recognize(text, sentences, model)

    return recognizer


@cache
def default_model() -> TaggerModel:
    """The shipped model, loaded once per process."""
    return TaggerModel.load(MODEL_PATH)


def recognize(text: str, sentences: Sequence[Span] = (), model: TaggerModel | None = None) -> list[Mention]:
    """Every mention in ``text``, in text order. Without sentence spans the whole text is one block."""
    tagger = model or default_model()
    blocks = sentences or (Span(0, len(text)),)
    mentions: list[Mention] = []
    lower_words: frozenset[str] | None = None  # words the text writes in lower case, read when needed
    for block in blocks:
        tokens = tokenize(text, block.start, block.end)
        for offset in range(0, len(tokens), WINDOW_TOKENS):
            window = tokens[offset : offset + WINDOW_TOKENS]
            words = model_words(window)
            if _title_case(words):
                lower_words = _lower_words(text) if lower_words is None else lower_words
                words = _headline_words(words, lower_words)
            tags = with_press_rules(
                window, with_name_rules(window, with_gazetteer(window, tagger.tag(words)))
            )
            mentions.extend(_with_works(text, window, _mentions(text, window, tags)))
    return mentions


def _title_case(words: Sequence[str]) -> bool:
    """A headline in title case ("Harbour Board Approves New Dam"): nearly every longer word capitalized."""
    longer = [word for word in words if len(word) >= 4 and word.isalpha()]
    capitalized = sum(1 for word in longer if word[0].isupper() and not word.isupper())
    return len(longer) >= 3 and capitalized >= 0.8 * len(longer)


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]{2,}(?![\w'’-])")


def _lower_words(text: str) -> frozenset[str]:
    return frozenset(_LOWER_WORD.findall(text))


def _headline_words(words: list[str], lower_words: frozenset[str]) -> list[str]:
    """Fold a title-case headline's words the article also writes in lower case ("Approves" -> "approves").

    The tagger learned that a capital marks a name; in a headline every word
    has one. A word the same article uses in lower case is an ordinary word,
    so it is shown to the tagger that way; names keep their capitals.
    """
    return [
        word.lower()
        if word[:1].isupper()
        and word[1:].islower()
        and word.lower() in lower_words
        and not is_place_word(word.lower())
        else word
        for word in words
    ]


def model_words(tokens: Sequence[Token]) -> list[str]:
    """Token texts as the model knows them: GMB has straight quotes and little text in capitals.

    Curly quotes and dashes become their ASCII forms. Capitals are folded to
    title case in a run of two or more all-capital words (a headline, a
    dateline "PORT CITY") and in a capitalized word that opens the text before
    a dash or bracket (a dateline "CITY —"); short lone capitals stay as they
    are, since they are usually acronyms.
    """
    words = [token.text.translate(_ASCII) for token in tokens]
    caps = [len(word) > 1 and word.isalpha() and word.isupper() for word in words]
    for index, word in enumerate(words):
        if not caps[index]:
            continue
        beside = (index > 0 and caps[index - 1]) or (index + 1 < len(words) and caps[index + 1])
        dateline = index == 0 and index + 1 < len(words) and words[index + 1] in _DATELINE_MARKS
        if beside or dateline:
            words[index] = word.title()
    return words


_ASCII = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "—": "-", "–": "-"}
)
_DATELINE_MARKS = frozenset({"-", "—", "–", "(", ","})


def _with_works(text: str, tokens: Sequence[Token], mentions: list[Mention]) -> list[Mention]:
    """Add titles quoted after "app", "album"... as other names, replacing mentions inside them."""
    works = [
        Mention(
            tokens[first].start,
            tokens[last - 1].end,
            "other",
            text[tokens[first].start : tokens[last - 1].end],
        )
        for first, last in quoted_works(tokens)
    ]
    if not works:
        return mentions
    kept = [m for m in mentions if not any(w.start < m.end and m.start < w.end for w in works)]
    return sorted([*kept, *works], key=lambda m: (m.start, m.end))


def with_gazetteer(tokens: Sequence[Token], tags: list[str]) -> list[str]:
    """Tag capitalized country names and demonyms the model left outside."""
    for index, token in enumerate(tokens):
        word = token.text
        if (
            tags[index] == "O"
            and word[:1].isupper()
            and (country_for_name(word) or country_for_demonym(word))
        ):
            tags[index] = "B-place"
            if index + 1 < len(tags) and tags[index + 1].startswith("I-"):
                tags[index + 1] = "B-" + tags[index + 1][2:]
    return tags


def _mentions(text: str, tokens: Sequence[Token], tags: Sequence[str]) -> list[Mention]:
    found: list[Mention] = []
    index = 0
    while index < len(tokens):
        tag = tags[index]
        if tag == "O":
            index += 1
            continue
        kind = tag[2:]
        end = index + 1
        while end < len(tokens) and (tags[end] == "I-" + kind or _glued(text, tokens, tags, end, kind)):
            end += 1
        for piece, piece_kind in _pieces(tokens[index:end], kind):
            mention = _trimmed(text, piece, piece_kind)
            if mention is not None:
                found.append(mention)
        index = end
    return found


def _pieces(tokens: Sequence[Token], kind: str) -> list[tuple[Sequence[Token], str]]:
    """Cut a tagged run where no name continues.

    A name does not run across a dash, comma or bracket, nor across "and"
    between two names of two words or more ("Jan Roe and Ola Roe"). A title
    the tagger took into an organization or place is cut off the person name
    that follows it ("Secretary of State Jane Roe" read as one organization).
    """
    pieces: list[tuple[Sequence[Token], str]] = []
    start = 0
    for index, token in enumerate(tokens):
        if _breaks_name(token.text) or _joins_two_names(tokens, index):
            pieces.append((tokens[start:index], kind))
            start = index + 1
    pieces.append((tokens[start:], kind))
    return [split for piece, piece_kind in pieces if piece for split in _split_title(piece, piece_kind)]


def _breaks_name(word: str) -> bool:
    return not any(char.isalnum() for char in word) and word not in {"&", ".", "'"}


def _joins_two_names(tokens: Sequence[Token], index: int) -> bool:
    if tokens[index].text != "and" or index < 2 or index + 2 >= len(tokens):
        return False
    sides = (tokens[:index], tokens[index + 1 :])
    return all(
        2 <= len(side) <= 3
        and all(t.text[:1].isupper() for t in side)
        and not ({t.text.lower() for t in side} & (_ORGANIZATION_WORDS | _PLACE_WORDS))
        for side in sides
    )


def _split_title(tokens: Sequence[Token], kind: str) -> list[tuple[Sequence[Token], str]]:
    """Cut a person off a title and the name before it: "Harbour Guard Colonel Ed Vale".

    A person mention keeps its title (the name reader trims it later) unless
    the words before the title name an organization or place of their own.
    """
    if len(tokens) < 3:
        return [(tokens, kind)]
    titles = [i for i, t in enumerate(tokens) if is_title_word(t.text.lower())]
    if not titles:
        return [(tokens, kind)]
    tail = tokens[titles[-1] + 1 :]
    names_only = all(t.text[:1].isupper() and t.text.isalpha() for t in tail)
    if not (2 <= len(tail) <= 3 and names_only and _head_type(tail) is None):
        return [(tokens, kind)]
    holder = _title_holder(tokens[: titles[-1]], kind)
    if kind == "person":
        named = [(piece, piece_kind) for piece, piece_kind in holder if piece_kind != "person"]
        return [*named, (tail, "person")] if named else [(tokens, kind)]
    return [*holder, (tail, "person")]


def _title_holder(tokens: Sequence[Token], kind: str) -> list[tuple[Sequence[Token], str]]:
    """The name before a run of title words: "Harbour Guard" in "Harbour Guard Colonel Ed Vale".

    It is kept as a mention of its own, so the role reader can take it into
    the person's title ("Harbour Guard Colonel").
    """
    end = len(tokens)
    while end > 0 and (is_title_word(tokens[end - 1].text.lower()) or tokens[end - 1].text.lower() == "of"):
        end -= 1
    holder = tokens[:end]
    if not any(t.text[:1].isupper() and not is_title_word(t.text.lower()) for t in holder):
        return []
    return [(holder, _head_type(holder) or kind)]


def _glued(text: str, tokens: Sequence[Token], tags: Sequence[str], index: int, kind: str) -> bool:
    """A ``B-x`` right after an ``x``, one space apart and capitalized, continues it.

    The greedy tagger sometimes restarts a name on an unknown word ("Port" B,
    "Amaris" B); two names of one type with only a space between them are
    rare in news text, so they are read as one.
    """
    token = tokens[index]
    previous = tokens[index - 1]
    return (
        tags[index] == "B-" + kind
        and token.start == previous.end + 1
        and text[previous.end] == " "
        and token.text[:1].isupper()
        and previous.text[:1].isupper()
    )


def _trimmed(text: str, tokens: Sequence[Token], kind: str) -> Mention | None:
    first, last = 0, len(tokens)
    if kind == "person":
        kind = _head_type(tokens) or kind
    if kind == "person":
        # A title belongs to the role, not to the name: "Trade Minister Jane Roe" -> "Jane Roe".
        titles = [i for i in range(last - 1) if is_title_word(tokens[i].text.lower())]
        first = titles[-1] + 1 if titles else 0
        while first < last - 1 and _not_name(tokens[first].text.lower()):
            first += 1
        # A name stops at a lower-case word that is not a particle ("Tom Orr told Ana" -> "Tom Orr").
        for index in range(first + 1, last):
            word = tokens[index].text
            if word[:1].islower() and word not in _NAME_PARTICLES:
                last = index
                break
    if kind in ("organization", "other"):
        # "The" opening a sentence is often tagged with the name after it: "The Harbour Board".
        while first < last - 1 and tokens[first].text.lower() in _FUNCTION_WORDS:
            first += 1
    while first < last and not tokens[first].text[:1].isalnum():
        first += 1
    # No name ends in a lower-case word ("NSU has" -> "NSU").
    while last > first + 1 and tokens[last - 1].text[:1].islower():
        last -= 1
    while last > first and not tokens[last - 1].text[:1].isalnum():
        last -= 1
    if first >= last:
        return None
    start, end = tokens[first].start, tokens[last - 1].end
    surface = text[start:end]
    if not any(char.isupper() for char in surface) or _is_function_word(surface):
        # Lower-case words and capitalized function words ("The" opening a quote) are not names.
        return None
    return Mention(start, end, _entity_type(kind), surface)


def _head_type(tokens: Sequence[Token]) -> str | None:
    """Organization or place when a "person" holds a word no personal name has ("Harbour Fund")."""
    words = {token.text.lower() for token in tokens}
    if words & _ORGANIZATION_WORDS:
        return "organization"
    if words & _PLACE_WORDS:
        return "place"
    return None


_ORGANIZATION_WORDS = word_set(
    """
    fund bank ministry department council committee commission university college school party army
    navy force guard company corporation group agency authority association union institute foundation court
    parliament assembly congress senate office police hospital church league federation board service
    """
)
_PLACE_WORDS = word_set(
    """
    river dam lake sea ocean gulf bay strait mountain mountains island islands valley palace street
    square bridge port province county district region city republic kingdom airport canal
    """
)


_NAME_PARTICLES = word_set("de del della di da du der den van von ter ten bin ibn al el la le dos das")


def _is_function_word(surface: str) -> bool:
    # "US" is a country, "Us" opening a sentence is a pronoun.
    return surface.casefold() in _FUNCTION_WORDS and not (len(surface) > 1 and surface.isupper())


def _not_name(lowered: str) -> bool:
    return is_title_word(lowered) or lowered in _FUNCTION_WORDS


def _entity_type(kind: str) -> EntityType:
    if kind == "person":
        return "person"
    if kind == "organization":
        return "organization"
    if kind == "place":
        return "place"
    return "other"
