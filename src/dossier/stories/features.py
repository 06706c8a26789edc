"""Cheap features of one article, for placing it in a story as it arrives.

Story assignment runs on every ingested article, so it cannot wait for the
spaCy reading (that runs, and is cached, when a story is briefed). A regex
tokenizer gives what the online clusterer needs, in the spirit of Miranda et al.
2018: for the title and for the body, the bag of word stems and the bag of
entity-like terms (runs of capitalised words), plus the figures and years the
body mentions. Two stories of the same kind (two earthquakes, two arrests) share
their vocabulary; their names, places and years tell them apart.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from dossier.article import Article
from dossier.records import Record

#: The sub-vectors an article is described by; each gets its own weight in the join decision.
SPACES = ("entities_title", "entities_body", "stems_title", "stems_body", "figures")

#: Fewer content words than this in the body, or a single line of text, makes an article "thin".
MIN_CONTENT_WORDS = 12

#: How a year is marked among the figures ("year:2008"), apart from other numbers.
YEAR_PREFIX = "year:"

#: How many opening lines may hold the article's own date.
HEADER_LINES = 3

_WORD = re.compile(r"[^\W\d_](?:[^\W_]|['’\-](?=[^\W\d_]))*|\d+(?:[.,]\d+)*")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])['\"”’)]*\s+|\n+")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
# Function words carry no topic; the list is English because the readers' tokenizer is.
_STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "said",
        "says",
        "say",
        "told",
        "according",
        "one",
        "two",
        "new",
        "last",
        "first",
        "year",
        "years",
        "week",
        "day",
        "days",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "per",
        "cent",
        "percent",
        "its",
        "it's",
        "may",
        "might",
        "must",
        "shall",
    ]
)
# Capitalised, but calendar words, not names: they would tie unrelated stories of the same week.
_CALENDAR = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "today",
        "yesterday",
        "tomorrow",
        "am",
        "pm",
        "gmt",
        "est",
        "published",
        "updated",
    ]
)
#: Words a dateline holds besides the calendar's: when it was posted, and the time zone.
_DATELINE_WORDS = frozenset(
    {"posted", "last", "at", "on", "th", "st", "nd", "rd", "ist", "utc", "edt", "pst", "pdt", "cet", "bst"}
)
#: Lower-case words that may sit inside a name ("Bank of England", "Leonardo da Vinci").
_NAME_JOINERS = frozenset({"of", "de", "da", "del", "van", "von", "der", "la", "le", "al", "bin"})


@dataclass(frozen=True, slots=True)
class Features(Record):
    """Term counts per space (see :data:`SPACES`), and whether the article is too thin to place alone."""

    entities_title: dict[str, int] = field(default_factory=dict)
    entities_body: dict[str, int] = field(default_factory=dict)
    stems_title: dict[str, int] = field(default_factory=dict)
    stems_body: dict[str, int] = field(default_factory=dict)
    figures: dict[str, int] = field(default_factory=dict)
    content_words: int = 0
    lines: int = 0
    #: The year the article is about: its publication year, else the first year its opening lines name.
    year: int | None = None

    @property
    def thin(self) -> bool:
        """Too little text to start a story on its own evidence (empty, or one line)."""
        return self.content_words < MIN_CONTENT_WORDS or self.lines <= 1

    def space(self, name: str) -> dict[str, int]:
        counts: dict[str, int] = getattr(self, name)
        return counts


def article_title(article: Article) -> str:
    """The headline, or else the text's first line that is no dateline (a lead is the next best summary)."""
    if article.title and article.title.strip():
        return article.title.strip()
    for line in article.text.splitlines():
        if line.strip() and not is_dateline(line):
            return line.strip()
    return ""


def is_dateline(line: str) -> bool:
    """Whether a line only dates the article ("Updated: 22 July 2013, 17:50 GMT"): never a headline."""
    return not any(
        word.lower() not in _CALENDAR and word.lower() not in _DATELINE_WORDS
        for word in words(line)
        if not word[0].isdigit()
    )


def features_of(article: Article) -> Features:
    """The features of one article: title and body stems and entities, and the body's figures."""
    title = article_title(article)
    body = article.text
    body_words = words(body)  # tokenized once for stems and figures: this runs for every ingested article
    body_stems = _stems_of(body_words)
    lines = sum(1 for line in body.splitlines() if line.strip())
    return Features(
        entities_title=dict(Counter(entity_terms(title))),
        entities_body=dict(Counter(entity_terms(body))),
        stems_title=dict(Counter(stems(title))),
        stems_body=dict(Counter(body_stems)),
        figures=dict(Counter(_figures_of(body_words))),
        content_words=len(body_stems),
        lines=lines,
        year=article.published.year if article.published else header_year(body),
    )


def header_year(text: str, lines: int = HEADER_LINES) -> int | None:
    """The first year named in the first ``lines`` lines (a dateline or a date under the headline)."""
    opening = "\n".join(text.splitlines()[:lines])
    for word in words(opening):
        if _YEAR.fullmatch(word):
            return int(word)
    return None


def words(text: str) -> list[str]:
    """Every word and number of ``text``, in order, as written."""
    return _WORD.findall(text)


def stems(text: str) -> list[str]:
    """Lower-cased content words, crudely stemmed so that "arrests" and "arrested" meet."""
    return _stems_of(words(text))


def _stems_of(tokens: list[str]) -> list[str]:
    content_stem = _content_stem
    return [found for found in map(content_stem, tokens) if found is not None]


@lru_cache(maxsize=1 << 18)
def _content_stem(word: str) -> str | None:
    """The stem of a content word; None for a function word, a short word or a number (cached)."""
    lower = _without_possessive(word.lower())
    if lower in _STOPWORDS or len(lower) < 3 or lower[0].isdigit():
        return None
    return stem(lower)


def _without_possessive(word: str) -> str:
    for ending in ("'s", "’s"):
        if word.endswith(ending):
            return word[: -len(ending)]
    return word


def stem(word: str) -> str:
    """A light suffix-stripper: enough to fold plurals and tenses, never a dictionary."""
    for suffix, replacement in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("ly", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + replacement
    return word


def entity_terms(text: str) -> list[str]:
    """Names by shape: each run of capitalised words, and each of its words alone.

    A capitalised word that opens a sentence is a name only when it is not a
    function word ("The", "After"); punctuation ends a run ("Tolmir, Ruben
    Alcaso" is two names); the run is kept whole ("new zealand") and word by
    word, so that "Lohan" later still meets "Lindsay Lohan". A single letter
    ("U.S." read as "U" and "S", an initial) is no name.
    """
    found: list[str] = []
    for sentence in _SENTENCE_SPLIT.split(text):
        found.extend(_sentence_entities(sentence))
    return found


def _sentence_entities(sentence: str) -> list[str]:
    found: list[str] = []
    run: list[str] = []
    previous_end = -1
    for match in _WORD.finditer(sentence):
        if run and sentence[previous_end : match.start()].strip():
            found.extend(_run_terms(run))  # a comma, bracket or dash between words ends a name
            run = []
        sentence_start = previous_end < 0
        previous_end = match.end()
        lower, capitalised, function_word, joiner = _token_kind(match.group())
        opens_or_extends = capitalised and not (function_word and (sentence_start or not run))
        if opens_or_extends or (run and joiner):
            run.append(lower)
        elif run:
            found.extend(_run_terms(run))
            run = []
    if run:
        found.extend(_run_terms(run))
    return found


@lru_cache(maxsize=1 << 18)
def _token_kind(token: str) -> tuple[str, bool, bool, bool]:
    """(lower-cased form, capitalised and not a calendar word, function word, name joiner), cached."""
    lower = _without_possessive(token.lower())
    capitalised = token[:1].isupper() and lower not in _CALENDAR
    return lower, capitalised, lower in _STOPWORDS, lower in _NAME_JOINERS


def _run_terms(run: list[str]) -> list[str]:
    while run and run[-1] in _NAME_JOINERS:
        run = run[:-1]
    if not run:
        return []
    if len(run) == 1 and len(run[0]) < 2:
        return []
    parts = [word for word in run if word not in _NAME_JOINERS and word not in _STOPWORDS and len(word) > 1]
    whole = " ".join(run)
    return [whole, *(part for part in parts if part != whole)]


def figure_terms(text: str) -> list[str]:
    """Numbers as written (digits only), years marked as such: "7.9", "year:2008"."""
    return _figures_of(words(text))


def _figures_of(tokens: list[str]) -> list[str]:
    found: list[str] = []
    for word in tokens:
        if not word[0].isdigit():
            continue
        digits = word.replace(",", "")
        found.append(f"{YEAR_PREFIX}{digits}" if _YEAR.fullmatch(digits) else digits)
    return found
