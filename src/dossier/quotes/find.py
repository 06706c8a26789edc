"""Quote spans: where the quotation marks of an article open and close.

Double marks (straight ``"``, curly ``“ ”``, low ``„`` and guillemets
``« »``) delimit a quotation; single marks inside one are nested quotes or
apostrophes and stay part of the quoted words. A quotation nested in the same
double marks (``"Lee wrote "no" twice."``) stays inside the outer one when a
closing mark follows it, and a straight mark glued to the end of a sentence and
to a word after it (``here."We``) opens. On a line with no double mark
at all, curly single marks (``‘ ’``) are taken as the main marks, the way some
outlets write every quotation. A quotation never crosses a
line: when the closing mark is missing the line (the paragraph) bounds it, so
it can never swallow the next paragraph. A line that opens with a mark while
the previous line ended inside an open quotation continues that quotation
(the multi-paragraph convention), which :attr:`QuoteSpan.continues` records.

The scan visits every character once and keeps a constant-size state, so a
megabyte of unbalanced marks costs one pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPENERS = "“„«"
_CLOSERS = "”»"
_AMBIGUOUS = '"'
#: Every double quotation mark, opening, closing or either.
QUOTATION_MARKS = frozenset(_OPENERS + _CLOSERS + _AMBIGUOUS)
_DOUBLE_MARK = re.compile('[“„«”»"]')
_SINGLE_MARK = re.compile("[‘’]")
# Characters that may stand right before an opening mark.
_BEFORE_OPEN = frozenset(" \t\n([{—–-/:")
# Marks that end a sentence or clause, right before which a careless opening mark may stand.
_GLUED_BEFORE = frozenset(".!?,;")
# Punctuation the reporter adds after the quoted words ("...border," he said).
_TRAILING_JOINERS = ",;"


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """The quoted words ``[start, end)``, marks excluded, and where its marks are.

    ``close_at`` is None when the closing mark is missing and the line ends
    the quotation; ``continues`` is True when this line reopens a quotation
    left open at the end of the previous line.
    """

    start: int
    end: int
    open_at: int
    close_at: int | None
    line_start: int
    line_end: int
    continues: bool = False


def find_quotes(text: str) -> tuple[QuoteSpan, ...]:
    """Every quotation in ``text``, in order, each confined to one line."""
    spans: list[QuoteSpan] = []
    left_open = False
    line_start = 0
    length = len(text)
    while line_start <= length:
        newline = text.find("\n", line_start)
        line_end = length if newline < 0 else newline
        if _DOUBLE_MARK.search(text, line_start, line_end):
            left_open = _scan_line(text, line_start, line_end, left_open, spans)
        elif text[line_start:line_end].strip():
            left_open = False
            _scan_single_marks(text, line_start, line_end, spans)
        if newline < 0:
            break
        line_start = newline + 1
    return tuple(spans)


def _scan_line(text: str, line_start: int, line_end: int, left_open: bool, spans: list[QuoteSpan]) -> bool:
    """Pair the marks of one line; return whether the line ends inside an open quotation."""
    first = _first_non_space(text, line_start, line_end)
    open_at: int | None = None
    continues = False
    # An unclosed quotation that a new opening mark cut short, and where its pieces start in ``spans``:
    # a closing mark with nothing open after the inner quotation closes it ("A "B" C." nested alike).
    outer: tuple[int, int, bool] | None = None
    for mark in _DOUBLE_MARK.finditer(text, line_start, line_end):
        at = mark.start()
        char = mark.group()
        if open_at is None:
            if outer is not None and _closes_nested(char, text, at, line_start, line_end):
                outer_open, piece, outer_continues = outer
                del spans[piece:]
                _emit(text, outer_open, at, at, line_start, line_end, outer_continues, spans)
                outer = None
            elif (
                char in _OPENERS
                or _looks_opening(text, at, line_start, line_end)
                or _glued_opening(text, at, line_end)
            ):
                open_at = at
                continues = left_open and at == first
                outer = None
            continue
        if char in _CLOSERS or (char == _AMBIGUOUS and _looks_closing(text, at, line_end)):
            _emit(text, open_at, at, at, line_start, line_end, continues, spans)
            open_at = None
        elif (
            char == "“"
            and _looks_closing(text, at, line_end)
            and not _looks_opening(text, at, line_start, line_end)
        ):
            # A left mark used as a closer ("...border“ he said): misplaced, still a closer.
            _emit(text, open_at, at, at, line_start, line_end, continues, spans)
            open_at = None
        elif _looks_opening(text, at, line_start, line_end):
            # A new opening while one is open: the earlier closing mark is missing, or the new one nests.
            outer = (open_at, len(spans), continues)
            _emit(text, open_at, at, None, line_start, line_end, continues, spans)
            open_at = at
            continues = False
    if open_at is None:
        return False
    _emit(text, open_at, line_end, None, line_start, line_end, continues, spans)
    return True


def _scan_single_marks(text: str, line_start: int, line_end: int, spans: list[QuoteSpan]) -> None:
    """Curly single marks used as the main quotation marks (‘...’), on a line with no double marks.

    An apostrophe is the same character as the closing mark, so a closer must
    not be followed by a letter ("don’t"), and an opening mark left unclosed
    at the end of the line is dropped rather than guessed at.
    """
    open_at: int | None = None
    for mark in _SINGLE_MARK.finditer(text, line_start, line_end):
        at = mark.start()
        if mark.group() == "‘":
            if _looks_opening(text, at, line_start, line_end):
                open_at = at
        elif open_at is not None and _closes_single(text, at, line_end):
            _emit(text, open_at, at, at, line_start, line_end, False, spans)
            open_at = None


def _closes_single(text: str, at: int, line_end: int) -> bool:
    after = text[at + 1] if at + 1 < line_end else " "
    return not text[at - 1].isspace() and not after.isalnum()


def _emit(
    text: str,
    open_at: int,
    stop: int,
    close_at: int | None,
    line_start: int,
    line_end: int,
    continues: bool,
    spans: list[QuoteSpan],
) -> None:
    start, end = _trim(text, open_at + 1, stop)
    if not any(char.isalnum() for char in text[start:end]):
        return  # “” or " ": nothing was quoted
    spans.append(QuoteSpan(start, end, open_at, close_at, line_start, line_end, continues))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip whitespace around the quoted words and the reporter's trailing comma."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _TRAILING_JOINERS):
        end -= 1
    return start, end


def _looks_opening(text: str, at: int, line_start: int, line_end: int) -> bool:
    """A mark with a boundary before it and a word (not a space) after it."""
    before_ok = at == line_start or text[at - 1] in _BEFORE_OPEN or text[at - 1] in QUOTATION_MARKS
    after_ok = at + 1 < line_end and not text[at + 1].isspace()
    return before_ok and after_ok


def _looks_closing(text: str, at: int, line_end: int) -> bool:
    """A mark that has a non-space before it and no word right after it."""
    after = text[at + 1] if at + 1 < line_end else " "
    return not text[at - 1].isspace() or not (after.isalnum())


def _closes_nested(char: str, text: str, at: int, line_start: int, line_end: int) -> bool:
    """A closing mark that opens nothing, met while nothing is open: it closes an outer quotation."""
    if char in _OPENERS:
        return False
    return char in _CLOSERS or (
        _looks_closing(text, at, line_end) and not _looks_opening(text, at, line_start, line_end)
    )


def _glued_opening(text: str, at: int, line_end: int) -> bool:
    """A straight mark glued to the sentence before it and to a word after it (`here."We`), while
    nothing is open: it cannot close anything, so it opens."""
    after = text[at + 1] if at + 1 < line_end else " "
    return text[at] == _AMBIGUOUS and at > 0 and text[at - 1] in _GLUED_BEFORE and after.isalpha()


def _first_non_space(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start
