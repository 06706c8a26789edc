"""The story region of a page dump: the densest run of prose among a page's menus, teasers and comments.

When a plain text is all the visible text of a web page, the story is one run
of prose paragraphs; navigation, teaser lists, footers and comment threads sit
around it. :func:`story_region` finds that run (a maximum-sum segment: prose
words count for it, other lines cost), :func:`crop_to_story` keeps it with the
header lines just before it, and records everything else as
``page-furniture`` or ``comments``. A text that has no furniture-shaped lines
around its prose is an article already and is returned whole.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence

from dossier.article import Stripped
from dossier.furniture import CLOSERS, SENTENCE_FINAL, Indexed, Removed, is_site_notice, line_kind

#: A prose paragraph has at least this many words.
PROSE_MIN_WORDS = 8
#: What a non-prose line costs the story region, in words.
LINE_COST = 12
#: The story region is only cut from a text with at least this many furniture-shaped lines outside it.
MIN_OUTSIDE_LINES = 3
#: A line of at most this many words with no sentence structure is a scrap of the page.
SCRAP_WORDS = 2
#: A line of at most this many words that a page shows twice is a teaser, not the story.
MAX_REPEATED_WORDS = 30
#: A teaser's headline is at most this many characters long.
TEASER_HEADLINE_CHARS = 200
#: How many lines just before the story region may be its byline and date lines.
HEADER_REACH = 3

#: About how many characters of a script written without spaces make one word's worth of text.
UNSPACED_PER_WORD = 2

_I = re.IGNORECASE
#: Han ideographs and kana: scripts whose sentences have no spaces between words.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: How a teaser's excerpt ends: an ellipsis straight after a word, with no closing mark after it.
_CUT_OFF = (" ...", " …", "[…]", "[...]")
_UNSPACED_FINAL = (*SENTENCE_FINAL, "。", "！", "？")
#: What may trail a sentence's final mark: closing marks, spaces, emoji joiners and variation selectors.
_TRAILERS = frozenset(CLOSERS + " \t\u200d\ufe0e\ufe0f")
#: Unicode categories of emoji and other symbols (So), modifier symbols (Sk) and format characters (Cf).
_SYMBOLS = frozenset(("So", "Sk", "Cf"))
_COMMENTS_HEADING = re.compile(
    r"(?:(?:\d[\d,]*|one)\s+(?:comments?|responses?|replies|reactions|thoughts? on)\b.{0,80}"
    r"|(?:(?:top rated |most recent |newest |oldest |reader )?comments?|discussion|"
    r"join the (?:discussion|conversation)|leave a (?:reply|comment)(?: cancel reply)?|"
    r"add (?:a |your )?comment|post a comment|show comments|view comments|reader comments)\s*(?:\(\d+\))?)\Z",
    _I,
)


def is_prose(paragraph: str) -> bool:
    """A paragraph written in sentences: enough words, mostly lower case, ending like a sentence.

    Scripts written without spaces between words and without letter case (Chinese, Japanese) count
    their characters instead: enough of them, ending like a sentence.
    """
    unspaced = _unspaced_characters(paragraph)
    if unspaced:
        return unspaced >= PROSE_MIN_WORDS * UNSPACED_PER_WORD and (
            paragraph.rstrip(CLOSERS).endswith(_UNSPACED_FINAL) or unspaced >= 40 * UNSPACED_PER_WORD
        )
    words = paragraph.split()
    if len(words) < PROSE_MIN_WORDS:
        return False
    lower = sum(1 for word in words if word[:1].islower())
    if lower * 5 < len(words) * 2:
        return False
    return _without_trailing_symbols(paragraph).endswith((*SENTENCE_FINAL, ":", ";")) or len(words) >= 40


def _without_trailing_symbols(paragraph: str) -> str:
    """The paragraph without what may follow its last sentence: closing marks, emoji and other symbols.

    "… at the festival! 🙂" ends like a sentence; the emoji after it is a tone, not more text.
    """
    end = len(paragraph)
    while end > 0 and (
        paragraph[end - 1] in _TRAILERS or unicodedata.category(paragraph[end - 1]) in _SYMBOLS
    ):
        end -= 1
    return paragraph[:end]


def _trails(character: str) -> bool:
    return character in _TRAILERS or unicodedata.category(character) in _SYMBOLS


def word_count(paragraph: str) -> int:
    """Words separated by spaces, or for a script without them its characters in words' worth."""
    unspaced = _unspaced_characters(paragraph)
    return unspaced // UNSPACED_PER_WORD if unspaced else len(paragraph.split())


def _unspaced_characters(paragraph: str) -> int:
    """How many characters of a script without spaces the paragraph holds, when they are most of it."""
    count = len(_UNSPACED.findall(paragraph))
    return count if count * 2 > len(paragraph) else 0


def is_comments_heading(paragraph: str) -> bool:
    """The heading of a reader comment thread ("34 Comments", "[ 12 comments ]", "Leave a Reply")."""
    return _COMMENTS_HEADING.fullmatch(paragraph.strip(" .:[]")) is not None


def story_region(paragraphs: Sequence[str]) -> tuple[int, int]:
    """``(start, end)`` of the densest run of prose paragraphs: each prose word counts for
    the story, each other paragraph costs :data:`LINE_COST` words (a heading of a comment
    thread ends the story outright, since comments always come after it)."""
    best = (0, 0, 0)  # score, start, end
    running, start = 0, 0
    for index, paragraph in enumerate(paragraphs):
        if is_comments_heading(paragraph) and best[0] > 0:
            break
        weight = _region_weight(paragraph)
        if running <= 0:
            running, start = 0, index
        running += weight
        if running > best[0]:
            best = (running, start, index + 1)
    return best[1], best[2]


_LIST_ITEM = re.compile(r"(?:\d{1,3}[.)]|[-•*·▪–])\s+\S")
_NUMBER = re.compile(r"\d")


def _region_weight(paragraph: str) -> int:
    """Prose words count for the story, a list item or table row is neutral, anything else costs."""
    if is_prose(paragraph) and not is_glued_teaser(paragraph) and not _is_notice(paragraph):
        return word_count(paragraph)
    words = paragraph.split()
    if _LIST_ITEM.match(paragraph) or sum(1 for word in words if _NUMBER.match(word)) >= 3:
        return 0
    return -LINE_COST


def _is_notice(paragraph: str) -> bool:
    """Prose that is not the story however long: what the site writes about itself (a cookie or sign-up
    notice, a caption), so a page's footer of legal text does not outweigh a shorter story, and a teaser's
    excerpt cut off mid-sentence ("… the harbour board said it ...")."""
    if paragraph.endswith(_CUT_OFF):
        return True
    return line_kind(paragraph) is not None or is_site_notice(paragraph)


_TEASER_GLUE = re.compile(
    r"(?<=[a-z?!'’\")][a-z?!'’\"]{2})(?=[A-Z][a-z])|(?<=[a-z]{3}[?!.'’\"])(?=[A-Z][a-z])"
)


def is_glued_teaser(paragraph: str) -> bool:
    """A teaser: a headline in title case glued without a space to its summary ("Ferry Pier To
    CloseThe board voted ...")."""
    opening = paragraph.split(maxsplit=3)[:3]
    if len(opening) < 3 or not all(word[:1].isupper() or word[:1].isdigit() for word in opening):
        return False  # a teaser opens with a headline in title case; most prose does not
    glue = _TEASER_GLUE.search(paragraph, 0, TEASER_HEADLINE_CHARS)
    if glue is None:
        return False
    words = paragraph[: glue.start()].split()
    capitalised = sum(1 for word in words if word[:1].isupper() or word[:1].isdigit())
    return len(words) >= 3 and capitalised * 10 >= len(words) * 7


def ends_like_sentence(paragraph: str) -> bool:
    """The paragraph ends with sentence punctuation and has a lower-case word."""
    return paragraph.rstrip(CLOSERS).endswith(SENTENCE_FINAL) and any(
        word[:1].islower() for word in paragraph.split()
    )


def crop_to_story(
    paragraphs: Sequence[Indexed],
    removed: Removed,
    *,
    is_header: Callable[[str], bool],
    is_headline: Callable[[str], bool],
    is_tail: Callable[[str], bool],
) -> list[Indexed]:
    """On a page dump, the story region and the header lines just before it; the rest is recorded.

    The header reader's lines before the region (``is_header``, ``is_headline``)
    and the credits and notices that end a story (``is_tail``) stay, for the
    steps that read them. A text with fewer than :data:`MIN_OUTSIDE_LINES`
    non-prose lines outside the region is an article already, and is returned whole.
    """
    texts = [text for _, text in paragraphs]
    start, end = story_region(texts)
    if end == 0:
        return list(paragraphs)
    while end < len(texts) and (ends_like_sentence(texts[end]) or is_tail(texts[end])):
        end += 1
    while start > 0 and ends_like_sentence(texts[start - 1]):
        start -= 1
    head = start
    while head > 0 and start - head < HEADER_REACH and is_header(texts[head - 1]):
        head -= 1
    if head > 0 and is_headline(texts[head - 1]):
        head -= 1
    # Only lines shaped like a page's furniture (no sentence, no list item) show a page dump: an
    # article with a table or a list of figures ending in full stops is left whole.
    outside = [text for text in (*texts[:head], *texts[end:]) if _is_furniture_shaped(text)]
    if len(outside) < MIN_OUTSIDE_LINES:
        return list(paragraphs)
    thread = _comment_thread_start(texts, end)
    for position, (index, text) in enumerate(paragraphs):
        if head <= position < end:
            continue
        if thread is not None and position >= thread:
            removed.append((index, Stripped("comments", text, "reader comments after the story")))
        else:
            removed.append((index, Stripped("page-furniture", text, "page text outside the story")))
    return _without_scraps(paragraphs, head, start, end, removed)


def _without_scraps(
    paragraphs: Sequence[Indexed], head: int, start: int, end: int, removed: Removed
) -> list[Indexed]:
    """The region's paragraphs without scraps (short lines that are neither sentences nor list
    items), short lines the page shows more than once (a teaser and its image's alt text), and
    later copies of a paragraph (a page that shows its story twice)."""
    kept = list(paragraphs[head:start])
    counts = Counter(text for _, text in paragraphs)
    seen: set[str] = set()
    for index, text in paragraphs[start:end]:
        if is_scrap(text):
            removed.append((index, Stripped("page-furniture", text, "short line with no sentence structure")))

        elif counts[text] > 1 and len(text.split()) <= MAX_REPEATED_WORDS and not is_prose(text):
            removed.append((index, Stripped("page-furniture", text, "short line the page repeats")))
        elif text in seen:
            removed.append((index, Stripped("page-furniture", text, "a copy of a paragraph already kept")))
        else:
            seen.add(text)
            kept.append((index, text))
    return kept


def is_scrap(paragraph: str) -> bool:
    """A few words that neither end like a sentence nor open a list item: a label, a button, a credit."""
    words = paragraph.split()
    return (
        len(words) <= SCRAP_WORDS
        and not paragraph.rstrip(CLOSERS).endswith((*SENTENCE_FINAL, ":"))
        and not _LIST_ITEM.match(paragraph)
    )


def _is_furniture_shaped(line: str) -> bool:
    return (
        not is_prose(line)
        and not line.rstrip(CLOSERS).endswith(SENTENCE_FINAL)
        and not _LIST_ITEM.match(line)
    )


def _comment_thread_start(texts: Sequence[str], end: int) -> int | None:
    for position in range(end, len(texts)):
        if is_comments_heading(texts[position]):
            return position
    return None
