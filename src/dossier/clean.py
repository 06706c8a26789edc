"""Cleaning: turn a reader's :class:`Draft` into an :class:`Article` with final text.

The steps, in order:

1. **Normalise** the characters: NFC, exotic spaces to plain spaces, invisible
   characters and control codes removed, one kind of line break, single spaces,
   no space at either end of a line.
2. **Find paragraphs**: blocks between blank lines. Inside a block, a news text
   file usually has one paragraph per line, but a hard-wrapped file has short
   lines that belong together; those are joined again.
3. **Drop promotional lines** anywhere ("Click here to subscribe",
   "Advertisement") and paragraphs with no words at all. This runs before the
   header is read so that a promo line at the top is never taken as a headline.
4. **Read the header** (:mod:`dossier.header`): headline and byline/date lines
   leave the body, the dateline stays in it.
5. **Drop syndication tails and credits** at the end ("This story originally
   appeared on ...", "(Reporting by ...; Editing by ...)").
6. **Segment** the remaining text into paragraphs and sentences.

Nothing is lost silently: every removed paragraph is kept as a
:class:`Stripped` record with its kind and the reason.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from dossier.article import Article, Draft, Stripped, article_id
from dossier.errors import EmptyInputError
from dossier.furniture import strip_furniture
from dossier.header import Header, is_header_line, looks_like_headline, read_header
from dossier.outlet import outlet_from_byline, outlet_from_stripped
from dossier.region import crop_to_story
from dossier.segment import segment
from dossier.words import word_list

logger = logging.getLogger(__name__)

#: Lines at least this long are not hard-wrapped text (wrapping tools use 60-100 columns).
WRAP_MAX_LINE = 100
#: Blocks whose longest line is shorter than this are lists or verse, not wrapped prose.
WRAP_MIN_WIDTH = 40
#: A paragraph with more words than this is prose, never boilerplate.
MAX_PROMO_WORDS = 25
MAX_TAIL_WORDS = 60
MAX_CREDIT_WORDS = 90
#: Character caps for the same checks, so that one gigantic "word" is never scanned by a pattern.
MAX_PROMO_CHARS = 300
MAX_TAIL_CHARS = 1200
#: Only this many lines at the top of a text are checked for bylines while joining wrapped lines.
HEADER_LINES = 6

_PARAGRAPH_SEPARATOR = "\n\n"
#: Draft metadata key naming the extractor that already cut the story out of its page: the
#: story region is then not looked for again (a second cut only loses lists and tables).
EXTRACTED_BY = "extracted_by"


def _phrase_set(phrases: str) -> frozenset[str]:
    """A set from a "|"-separated list of phrases, each with single spaces."""
    return frozenset(" ".join(phrase.split()) for phrase in phrases.split("|"))


# --- 1. characters -----------------------------------------------------------------------------

_SPACE_LIKE = (
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"
)
# Invisible characters that only get in the way of matching words: zero-width
# space, word joiner, byte order mark, soft hyphen, Mongolian vowel separator,
# direction marks and embeddings, and two non-characters. Zero-width (non-)joiners
# are kept: they change how some scripts and emoji are spelled.
_INVISIBLE = (
    "\u200b\u2060\ufeff\u00ad\u180e"  # zero-width space, word joiner, BOM, soft hyphen, MVS
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # direction controls
    "\ufffe\uffff"  # non-characters
)
_LINE_BREAKS = {"\x0b": "\n", "\x0c": "\n", "\x1c": "\n", "\x1d": "\n", "\x1e": "\n", "\x85": "\n"}


def _translation_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for code in (*range(0x20), *range(0x7F, 0xA0)):
        if chr(code) != "\n":
            table[code] = None
    table.update({ord(char): " " for char in _SPACE_LIKE})
    table.update({ord(char): None for char in _INVISIBLE})
    table.update({ord(char): replacement for char, replacement in _LINE_BREAKS.items()})
    table[ord("\u2028")] = "\n"
    table[ord("\u2029")] = "\n\n"
    return table


_TRANSLATION = _translation_table()
# Lone surrogates come from bytes decoded with "surrogateescape"; they cannot be
# written as UTF-8, so they would break hashing and storage later on.
_SURROGATES = re.compile("[\ud800-\udfff]")
_SPACE_RUN = re.compile(r" {2,}")


def normalize_text(raw: str) -> str:
    """``raw`` with normalised characters, single spaces and no blanks at line ends.

    Line structure is kept: one newline between lines, blank lines between
    paragraphs (several blank lines are folded later, when paragraphs are found).
    """
    text = _SURROGATES.sub("", raw).replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text.translate(_TRANSLATION))
    text = _SPACE_RUN.sub(" ", text)
    return "\n".join(line.strip(" ") for line in text.split("\n")).strip("\n")


# --- 2. paragraphs -----------------------------------------------------------------------------

_BLANK_LINES = re.compile(r"\n{2,}")
_LINE_END_CLOSERS = "\"'”’»)]"
_LINE_FINAL = tuple(".!?…:;")
_BULLETS = "-•*·▪"


def text_paragraphs(text: str) -> list[str]:
    """The paragraphs of normalised ``text``, each on one line.

    Blocks are separated by blank lines. A block whose lines are mostly short
    and do not end like sentences is hard-wrapped prose: its lines are joined,
    breaking only where a line was clearly cut short on purpose. Any other
    block has one paragraph per line, as news text files almost always do.
    """
    paragraphs: list[str] = []
    line_number = 0
    for block in _BLANK_LINES.split(text):
        lines = [line for line in block.split("\n") if line]
        if lines:
            paragraphs.extend(_block_paragraphs(lines, first_line_number=line_number))
            line_number += len(lines)
    return paragraphs


def _block_paragraphs(lines: list[str], *, first_line_number: int) -> list[str]:
    if len(lines) == 1 or not _is_hard_wrapped(lines):
        return lines
    width = max(len(line) for line in lines)
    paragraphs: list[str] = []
    current = lines[0]
    for number, (previous, line) in enumerate(pairwise(lines), start=first_line_number + 1):
        at_top = number < HEADER_LINES
        if _is_deliberate_break(previous, line, width, at_top=at_top):
            paragraphs.append(current)
            current = line
        else:
            current = _join_wrapped(current, line)
    paragraphs.append(current)
    return paragraphs


def _is_hard_wrapped(lines: Sequence[str]) -> bool:
    """Most lines but the last are short and stop mid-sentence."""
    if max(len(line) for line in lines) < WRAP_MIN_WIDTH:
        return False
    inner = lines[:-1]
    mid_sentence = sum(1 for line in inner if len(line) < WRAP_MAX_LINE and not _ends_like_sentence(line))
    return mid_sentence * 2 > len(inner)


def _is_deliberate_break(previous: str, line: str, width: int, *, at_top: bool) -> bool:
    """Whether the line break between ``previous`` and ``line`` ends a paragraph.

    A wrapping tool fills each line greedily, so when the next line's first
    word would still have fitted, the line was ended on purpose. Header and
    promo lines always stand alone, and a list item always starts afresh.
    """
    if _stands_alone(previous, at_top=at_top) or _stands_alone(line, at_top=at_top):
        return True
    if _is_list_item(line):
        return True
    next_word = line.split(" ", 1)[0]
    fits = len(previous) + 1 + len(next_word) <= width
    return fits and (_ends_like_sentence(previous) or len(previous) * 5 < width * 3)


def _is_list_item(line: str) -> bool:
    """A bulleted item ("- Fares rise", "• Routes cut").

    Numbers ("12. ") and dashes are left out, and so is a lower-case word after
    the bullet: a wrapped sentence can put those at the start of a line.
    """
    return len(line) > 2 and line[0] in _BULLETS and line[1] == " " and not line[2].islower()


def _stands_alone(line: str, *, at_top: bool) -> bool:
    if line[:1].islower():
        return False
    return promo_reason(line) is not None or (at_top and is_header_line(line))


def _ends_like_sentence(line: str) -> bool:
    return line.rstrip(_LINE_END_CLOSERS).endswith(_LINE_FINAL)


def _join_wrapped(current: str, line: str) -> str:
    # "well-\nknown" was one hyphenated word; keep the hyphen, drop the break.
    if len(current) > 1 and current.endswith("-") and current[-2].isalpha() and line[:1].isalpha():
        return current + line
    return current + " " + line


# --- 3. and 5. boilerplate ----------------------------------------------------------------------

_I = re.IGNORECASE
_PROMO_LINES = _phrase_set(
    """
    advertisement|advertisements|sponsored|sponsored content|paid content|story continues below|
    story continues below advertisement|article continues below|article continues below advertisement|
    continue reading|continue reading below|scroll to continue|scroll to continue with content|
    skip advertisement|share|share this|share this article|share this story|share this page|
    share on facebook|share on twitter|share on x|share via email|tweet|print|email|comments|related|
    related articles|related stories|related content|related coverage|related news|read more|more|
    recommended|recommended for you|most read|most popular|trending|trending now|you may also like|
    listen to this article|listen to this story|supported by|watch|watch video|watch now|video
    """
)
_PROMO_PATTERNS = (
    (re.compile(r"click (?:here|below|the link|this link|to)\b", _I), "click-through promo"),
    (
        re.compile(
            r"(?:read more|read also|also read|read next|related|see also|see more|more on this(?: story)?|"
            r"more from|recommended|trending|don'?t miss|must read|watch|listen|latest)\s*[:|»›>–—-]",
            _I,
        ),
        "link to another story",
    ),
    (
        re.compile(
            r"(?:sign up|subscribe|register)\b.*\b(?:newsletter|alerts?|inbox|here|now|today|free)\b", _I
        ),
        "subscription promo",
    ),
    (re.compile(r"(?:get|join) (?:our|the)\b.*\b(?:newsletter|alerts|app)\b", _I), "subscription promo"),
    (re.compile(r"(?:download|get) (?:our|the) (?:free )?app\b", _I), "app promo"),
    (
        re.compile(
            r"(?:follow (?:us|@\S+|[^\W\d_]+(?: [^\W\d_]+){0,3})|(?:like|find) us) on "
            r"(?:twitter|x|facebook|instagram|threads|tiktok|youtube|linkedin|bluesky|telegram|whatsapp|"
            r"mastodon|google news)\b",
            _I,
        ),
        "social media promo",
    ),
)

_SYNDICATION_PATTERNS = (
    re.compile(
        r"this (?:story|article|report|post|piece|content|item|column|interview)\s+"
        r"(?:was\s+|has been\s+|is\s+)?(?:originally\s+|first\s+)?"
        r"(?:appeared|published|posted|ran|republished|reprinted|produced)\s+(?:on|in|at|by|from|with|under)\b",
        _I,
    ),
    # "First published in 1931, the guide ..." is prose, so only "originally" opens a notice.
    re.compile(r"originally\s+(?:published|appeared|posted|ran)\b", _I),
    re.compile(r"(?:re)?published (?:with permission|from|under)\b", _I),
    re.compile(r"(?:distributed|syndicated) by\b", _I),
    re.compile(r"(?:read|view|see) (?:the )?(?:full|original) (?:story|article|report)\b", _I),
    re.compile(r"(?:copyright\s*(?:©|\(c\))?\s*\d{4}|copyright\s*(?:©|\(c\))|©|\(c\)\s*\d{4})", _I),
)
_ALL_RIGHTS = re.compile(r"\ball rights reserved\b", _I)

_CREDIT_ROLE = (
    r"(?:(?:additional|further|fact[- ]checking)\s+)?"
    r"(?:reporting|writing|editing|written|reported|compiled|contributed|graphics|photos?|research|"
    r"production|produced|translation|translated|edited|fact-checked)"
    r"(?:\s+and\s+(?:writing|editing|reporting))?\s+by\b"
)
# One credit piece: "(Reporting by A; Editing by B)", "-- Reporting by A; Writing by B",
# "Our Standards: ...", or "Contributing: A and B". Bounded character classes, no nesting.
_CREDIT_PIECE = re.compile(
    r"\(\s*(?P<inner>" + _CREDIT_ROLE + r"[^()]*)\)"
    r"|(?:--?|—|–)?\s*(?P<plain>" + _CREDIT_ROLE + r"[^()]*)"
    r"|(?P<standards>our standards\s*:[^()]*)"
    r"|(?:--?|—|–)?\s*(?P<contributing>contributing\s*:[^()]*)",
    _I,
)
_CONTRIBUTED = re.compile(r"[^.!?]{1,120}\bcontributed (?:to )?(?:this|the) (?:report|story|article)\.?", _I)
# Lower-case words allowed among the names of a credit line.
_CREDIT_WORDS = word_list("""
    and by in at from with of for the additional further reporting writing editing written reported
    compiled contributed graphics photo photos research production produced translation translated
    edited fact-checked fact checking desk staff team newsroom bureau de del da di du van von der la le y
    business news foreign world metro city sports politics political economics national international
    local digital data video online web wire
    """)


def promo_reason(paragraph: str) -> str | None:
    """Why ``paragraph`` is a promotional line (anywhere in the text), or None."""
    if len(paragraph) > MAX_PROMO_CHARS or len(paragraph.split()) > MAX_PROMO_WORDS:
        return None
    folded = " ".join(paragraph.casefold().strip(" .:!|»›>-–—").split())
    if folded in _PROMO_LINES:
        return "promotional or navigation line"
    for pattern, reason in _PROMO_PATTERNS:
        if pattern.match(paragraph):
            return reason
    return None


def tail_kind(paragraph: str) -> tuple[str, str] | None:
    """``(kind, reason)`` when ``paragraph`` is a syndication notice or a credit, else None.

    Only meaningful at the end of an article: the caller strips a trailing run.
    """
    if len(paragraph) > MAX_TAIL_CHARS:
        return None
    words = len(paragraph.split())
    if words <= MAX_TAIL_WORDS and (
        any(pattern.match(paragraph) for pattern in _SYNDICATION_PATTERNS)
        or (words <= 30 and _ALL_RIGHTS.search(paragraph))
    ):
        return "syndication-tail", "syndication or copyright notice at the end"
    if words <= MAX_CREDIT_WORDS and _is_credit(paragraph):
        return "credit", "reporting or editing credit at the end"
    return None


def _is_credit(paragraph: str) -> bool:
    """The paragraph is made only of credit pieces, each naming people or desks."""
    if _CONTRIBUTED.fullmatch(paragraph):
        return _names_only(paragraph.rsplit(" contributed", 1)[0])
    position = 0
    while position < len(paragraph):
        piece = _CREDIT_PIECE.match(paragraph, position)
        if piece is None or piece.end() == position:
            return False
        names = piece.group("inner") or piece.group("plain") or piece.group("contributing")
        if names is not None and not _names_only(names):
            return False
        position = piece.end()
        while position < len(paragraph) and paragraph[position] in " .;,":
            position += 1
    return position > 0


def _names_only(text: str) -> bool:
    words = [word.strip(",.;:()'\"’") for word in text.split()]
    return all(not word or word[0].isupper() or word.lower() in _CREDIT_WORDS for word in words)


def _is_remnant(paragraph: str) -> bool:
    """No letter or digit at all: leftover punctuation or decoration."""
    return not any(char.isalnum() for char in paragraph)


# --- the whole step -----------------------------------------------------------------------------

_Indexed = tuple[int, str]


def draft_paragraphs(draft: Draft) -> list[str]:
    """The paragraphs of a draft's text as cleaning first sees them (for batch-level checks)."""
    return text_paragraphs(normalize_text(draft.text))


def clean(draft: Draft, *, repeated: frozenset[str] = frozenset()) -> Article:
    """The article made from ``draft``; raises :class:`EmptyInputError` when no text is left.

    ``repeated`` holds lines the draft's outlet prints across its other articles
    (:mod:`dossier.repeats`): they are stripped as site furniture.
    """
    paragraphs = list(enumerate(draft_paragraphs(draft)))
    # What the reader already left out comes first, before anything of the text.
    removed: list[tuple[int, Stripped]] = [(-1, record) for record in draft.stripped]
    paragraphs = _drop_repeated(paragraphs, repeated, removed)
    body = _drop_promos(strip_furniture(paragraphs, removed), removed)
    if EXTRACTED_BY not in draft.metadata:
        body = crop_to_story(
            body, removed, is_header=is_header_line, is_headline=looks_like_headline, is_tail=_is_tail
        )
    header = read_header([text for _, text in body], known_title=draft.title)
    for (index, _), record in zip(body[: header.lead], header.stripped, strict=True):
        removed.append((index, record))
    body = _drop_tails(body[header.lead :], removed)
    text = _PARAGRAPH_SEPARATOR.join(paragraph for _, paragraph in body)
    if not text:
        reason = "no text left after cleaning" if paragraphs else "no text in the source (empty or blank)"
        raise EmptyInputError(reason, source=draft.source)
    spans, sentences = segment(text)
    stripped = tuple(record for _, record in sorted(removed, key=lambda pair: pair[0]))
    logger.debug("%s: %d paragraphs kept, %d removed", draft.source, len(spans), len(stripped))
    outlet, metadata = _outlet(draft, header, stripped)
    return Article(
        id=article_id(text),
        source=draft.source,
        text=text,
        title=draft.title if draft.title is not None else header.title,
        outlet=outlet,
        url=draft.url,
        published=draft.published if draft.published is not None else header.published,
        published_inferred=False,
        dateline=draft.dateline if draft.dateline is not None else header.dateline,
        duplicate_of=None,
        paragraphs=spans,
        sentences=sentences,
        stripped=stripped,
        metadata=metadata,
    )


def _is_tail(paragraph: str) -> bool:
    return tail_kind(paragraph) is not None


def _drop_repeated(
    paragraphs: list[_Indexed], repeated: frozenset[str], removed: list[tuple[int, Stripped]]
) -> list[_Indexed]:
    """Lines the outlet repeats across its articles; bylines and date lines stay for the header."""
    if not repeated:
        return paragraphs
    kept: list[_Indexed] = []
    for index, paragraph in paragraphs:
        if paragraph in repeated and not is_header_line(paragraph):
            reason = "line this outlet repeats across its articles"
            removed.append((index, Stripped("repeated-line", paragraph, reason)))
        else:
            kept.append((index, paragraph))
    return kept


def _drop_promos(paragraphs: list[_Indexed], removed: list[tuple[int, Stripped]]) -> list[_Indexed]:
    kept: list[_Indexed] = []
    for index, paragraph in paragraphs:
        reason = promo_reason(paragraph)
        if reason is None and _is_remnant(paragraph):
            reason = "leftover punctuation with no words"
        if reason is None:
            kept.append((index, paragraph))
        else:
            removed.append((index, Stripped("boilerplate", paragraph, reason)))
    return kept


def _drop_tails(body: list[_Indexed], removed: list[tuple[int, Stripped]]) -> list[_Indexed]:
    end = len(body)
    while end > 0:
        index, paragraph = body[end - 1]
        found = tail_kind(paragraph)
        if found is None:
            break
        removed.append((index, Stripped(found[0], paragraph, found[1])))
        end -= 1
    return body[:end]


def _outlet(draft: Draft, header: Header, stripped: Sequence[Stripped]) -> tuple[str | None, dict[str, Any]]:
    """The outlet and the metadata saying where it came from.

    The source's own field wins; then a staff byline, since the publisher writes it
    (a syndicated wire story keeps the agency's dateline); then the dateline's agency;
    then a promo line or syndication tail naming where the story came from.
    """
    metadata = _metadata(draft, header)
    if draft.outlet is not None:
        return draft.outlet, metadata
    staff = outlet_from_byline(header.byline)
    if staff is not None:
        return staff, {**metadata, "outlet_from": "byline"}
    if header.agency is not None:
        return header.agency, {**metadata, "outlet_from": "dateline"}
    inferred = outlet_from_stripped(stripped)
    if inferred is None:
        return None, metadata
    return inferred[0], {**metadata, "outlet_from": inferred[1]}


def _metadata(draft: Draft, header: Header) -> dict[str, Any]:
    """Header findings, overridden by whatever the source itself stated."""
    found: dict[str, Any] = {}
    if header.byline is not None:
        found["byline"] = header.byline
    if header.agency is not None:
        found["agency"] = header.agency
    if header.updated is not None:
        found["updated"] = header.updated.isoformat()
    found.update(draft.metadata)
    return found
