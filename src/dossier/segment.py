"""Paragraph and sentence segmentation of cleaned article text.

Paragraphs are the blocks of text between blank lines. Sentences are found
inside one paragraph at a time, so a sentence never crosses a paragraph.

The sentence splitter is rule based and linear in the length of the text: a
regular expression finds every run of terminal punctuation that is followed by
whitespace (a *candidate*), and a few constant-time checks on the word before
and the word after decide whether the candidate ends a sentence. The checks
encode what news text needs: titles and initials before names ("Mr. Li",
"J. R. Smith"), abbreviations that may or may not end a sentence ("U.S.
officials" versus "in the U.S. The next day"), quotations (``right," he
said. "Next``) and ellipses. Every span excludes surrounding whitespace.
"""

from __future__ import annotations

import re
from typing import Any

from dossier.article import Article, Span, article_id
from dossier.words import LETTERS, word_list

# A paragraph break: a newline followed by one or more lines holding only
# horizontal whitespace. Possessive quantifiers keep the scan linear.
_PARAGRAPH_BREAK = re.compile(r"\n(?:[^\S\n]*+\n)++")
_NON_SPACE = re.compile(r"\S")


_TERMINALS = ".!?…"
_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«([¿¡"
_QUOTE_OPENERS = "\"'“‘«"

# A run of terminal punctuation, then closing quotes or brackets, then
# whitespace or the end. The look-behind makes a match start only at the first
# character of a run, and the possessive quantifiers forbid backtracking, so a
# megabyte of dots is scanned once rather than once per dot.
_CANDIDATE = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’»)\]]*+(?=\s|\Z)")
_ACRONYM = re.compile(r"(?:[^\W\d_]\.){2,}")

# How far to look around a candidate. Words longer than this are not
# abbreviations, so a bounded window keeps the checks constant-time.
_WINDOW = 48

# Abbreviations that stand before a name or a word of the same sentence: a
# period after them never ends a sentence.
_NEVER_FINAL = word_list("""
    mr. mrs. ms. mx. dr. prof. gov. sen. rep. gen. col. lt. capt. sgt. cpl. maj. adm. cmdr. brig.
    rev. hon. pres. amb. supt. insp. det. fr. msgr. atty. e.g. i.e. cf. vs. v. viz. approx. ca. esp.
    """)
# Abbreviations that stand before a number ("No. 1", "Vol. 3"). Before anything
# else they are ordinary words, so "No." can still be a whole answer.
_BEFORE_NUMBER = word_list("no. nos. vol. vols. art. fig. figs. p. pp. ch. sec. para. ed. op. tel.")
_MONTHS = word_list("jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.")
# Abbreviations that often end a sentence as well as standing inside one:
# after them a sentence ends only when a typical sentence opener follows.
_AMBIGUOUS = word_list(
    "inc. corp. co. ltd. llc. plc. bros. jr. sr. st. ave. blvd. rd. mt. ft. univ. assn. dept. govt."
)
# "etc." ends a list, and often the sentence with it.
_LIST_END = frozenset(("etc.",))

# Words that typically open a sentence. After an ambiguous abbreviation
# ("U.S.", "Inc.", an initial) a capitalised word from this list starts a new
# sentence, while any other capitalised word is taken as a continuation
# ("U.S. Secretary of State").
SENTENCE_STARTERS = word_list("""
    The A An He She It They We I You But And Or So Yet Nor For In On At By To From With Without
    This That These Those There Here Then Now Still Also Meanwhile However Moreover Instead Indeed
    His Her Its Their Our My Your Some Many Most Few Several All Both Each Every Any No Not None
    After Before When While Whereas If Although Though Because Since Until Unless As Once During
    Despite Under Over Among Between Against About Earlier Later Last Next Today Yesterday Tomorrow
    Officials Asked According One Two Three What Who Why How Where Which Whether Such Other Another
    Much More Less Nothing Something Everyone Everything Nobody Someone Only Even
    """)


def segment(text: str) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """The paragraphs of ``text`` and the sentences of every paragraph, in order."""
    paragraphs = paragraph_spans(text)
    sentences: list[Span] = []
    for paragraph in paragraphs:
        sentences.extend(split_sentences(text, paragraph.start, paragraph.end))
    return paragraphs, tuple(sentences)


def segmented_article(text: str, **fields: Any) -> Article:
    """An article over ``text`` as it is (no cleaning), with its paragraphs and sentences.

    For callers that already hold clean text: tests, benchmarks, other corpora's readers.
    ``fields`` are any other :class:`Article` fields (``source``, ``published``, ...).
    """
    paragraphs, sentences = segment(text)
    fields.setdefault("source", "text")
    return Article(id=article_id(text), text=text, paragraphs=paragraphs, sentences=sentences, **fields)


def paragraph_spans(text: str) -> tuple[Span, ...]:
    """Spans of the blank-line-separated blocks of ``text``, without surrounding whitespace."""
    spans: list[Span] = []
    block_start = 0
    for separator in _PARAGRAPH_BREAK.finditer(text):
        _append_stripped(text, block_start, separator.start(), spans)
        block_start = separator.end()
    _append_stripped(text, block_start, len(text), spans)
    return tuple(spans)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> tuple[Span, ...]:
    """Sentence spans of ``text[start:end]``, offsets relative to ``text``."""
    stop = len(text) if end is None else min(end, len(text))
    if not 0 <= start <= stop:
        raise ValueError(f"invalid range [{start}, {end}) for a text of {len(text)} characters")
    spans: list[Span] = []
    sentence_start = _skip_space(text, start, stop)
    for candidate in _CANDIDATE.finditer(text, sentence_start, stop):
        following = _skip_space(text, candidate.end(), stop)
        if following < stop and _ends_sentence(text, candidate, following, sentence_start, stop):
            spans.append(Span(sentence_start, candidate.end()))
            sentence_start = following
    _append_stripped(text, sentence_start, stop, spans)
    return tuple(spans)


def _ends_sentence(text: str, candidate: re.Match[str], following: int, floor: int, stop: int) -> bool:
    """Whether the punctuation run ``candidate`` ends a sentence, given the word at ``following``."""
    run = candidate.group()
    first = text[following]
    if first in _TERMINALS:
        # "stabilize. … But": let the next run of punctuation decide.
        return False
    opens_quote = first in _QUOTE_OPENERS
    letter_at = _skip_openers(text, following, stop)
    next_char = text[letter_at] if letter_at < stop else ""
    if next_char.islower():
        # '"Stop!" she said', 'U.S. officials', 'and so on... and on'
        return False
    if run[-1] in _CLOSERS or "!" in run or "?" in run or "…" in run or ".." in run:
        # A closed quotation, an exclamation, a question or an ellipsis
        # followed by anything but a lower-case word ends the sentence.
        return True
    return _period_ends_sentence(
        _word_before(text, candidate.start(), floor), text, letter_at, stop, opens_quote
    )


def _period_ends_sentence(word: str, text: str, letter_at: int, stop: int, opens_quote: bool) -> bool:
    """Whether a single period after ``word`` ends a sentence; the next word is not lower case."""
    key = word.lower() + "."
    next_char = text[letter_at] if letter_at < stop else ""
    if key in _NEVER_FINAL:
        return False
    if key in _BEFORE_NUMBER or key in _MONTHS:
        if next_char.isdigit():
            return False
        if key in _BEFORE_NUMBER:
            return True
    if key in _LIST_END:
        return True
    if key in _MONTHS or key in _AMBIGUOUS or _is_initial(word) or _ACRONYM.fullmatch(key):
        return opens_quote or _next_word(text, letter_at, stop) in SENTENCE_STARTERS
    return True


def _is_initial(word: str) -> bool:
    """A single capital letter, as in "J. R. Smith" or "George W. Bush"."""
    return len(word) == 1 and word.isupper()


def _word_before(text: str, end: int, floor: int) -> str:
    """The word that ends at ``end`` (the position of its final period), without opening quotes."""
    low = max(floor, end - _WINDOW)
    space = max(text.rfind(" ", low, end), text.rfind("\n", low, end))
    begin = low if space < 0 else space + 1
    return text[begin:end].lstrip(_OPENERS)


def _next_word(text: str, at: int, stop: int) -> str:
    match = LETTERS.match(text, at, min(stop, at + _WINDOW))
    return match.group() if match else ""


def _skip_openers(text: str, at: int, stop: int) -> int:
    limit = min(stop, at + 4)
    while at < limit and text[at] in _OPENERS:
        at += 1
    return at


def _skip_space(text: str, at: int, stop: int) -> int:
    match = _NON_SPACE.search(text, at, stop)
    return match.start() if match else stop


def _append_stripped(text: str, start: int, end: int, spans: list[Span]) -> None:
    """Append ``[start, end)`` trimmed of whitespace, unless nothing is left."""
    span = trimmed(text, start, end)
    if span is not None:
        spans.append(span)


def trimmed(text: str, start: int, end: int) -> Span | None:
    """``[start, end)`` without the whitespace at either end; None when nothing is left."""
    start = _skip_space(text, start, end)
    if start >= end:
        return None
    return Span(start, start + len(text[start:end].rstrip()))
