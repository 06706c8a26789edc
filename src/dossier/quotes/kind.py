"""Full or partial: is a quotation a whole utterance, or a fragment the reporter quotes?

A quotation is *partial* when it sits inside the reporter's own clause: a word
of that clause stands right before the opening mark ("would be “the first
test”", "that she would not “trade the river”"), or it is too short to be a
statement on its own ("unfair", "red lines"). Anything else (a quotation that
opens its sentence or follows a lead-in such as a colon, a dash or ", said the
official,") is *full*.
"""

from __future__ import annotations

from dossier.briefing import QuoteKind
from dossier.quotes.find import QuoteSpan

#: Below this many words a quotation is a fragment unless it is a whole sentence.
MIN_FULL_WORDS = 4
_TERMINALS = ".!?…"
_LEAD_IN = frozenset(":—–-,;([")
_LOOKBACK = 8


def quote_kind(text: str, quote: QuoteSpan) -> QuoteKind:
    """Classify ``quote`` as "full" or "partial" from the words around its marks."""
    if quote.continues:
        return "full"
    if _word_before_mark(text, quote):
        return "partial"
    words = text[quote.start : quote.end].split()
    if len(words) >= MIN_FULL_WORDS:
        return "full"
    return "full" if _is_whole_sentence(text, quote) else "partial"


def _word_before_mark(text: str, quote: QuoteSpan) -> bool:
    """Whether a letter or digit (not a lead-in punctuation) precedes the opening mark."""
    at = quote.open_at - 1
    floor = max(quote.line_start, quote.open_at - _LOOKBACK)
    while at >= floor and text[at].isspace():
        at -= 1
    if at < floor:
        return False
    char = text[at]
    return char not in _LEAD_IN and char not in _TERMINALS and char not in '"“”„«»'


def _is_whole_sentence(text: str, quote: QuoteSpan) -> bool:
    """A short quotation is still full when it starts upper case and ends a sentence ("No.")."""
    words = text[quote.start : quote.end]
    return words[:1].isupper() and words[-1:] in tuple(_TERMINALS)
