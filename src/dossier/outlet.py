"""Naming an article's outlet from what its own text says, when the source does not.

Three kinds of evidence, each written by the outlet about itself:

- a staff byline: "By Harbour Ledger Staff", "By Example News Wire Desk";
- a promo line that cleaning stripped: "CLICK HERE TO READ MORE FROM THE EXAMPLE POST";
- a syndication tail that cleaning stripped: "This story originally appeared on example.com".

The name is taken as written (all-capitals names are put in title case); nothing
is looked up, so an outlet the text never names stays unknown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import PurePath
from urllib.parse import urlsplit

from dossier.article import Article, Stripped

#: Longest outlet name taken from a line, in characters: longer captures are prose, not names.
MAX_OUTLET_CHARS = 60

_STAFF_BYLINE = re.compile(
    r"^(?P<name>.+?)\s+(?:staff(?:\s+(?:writers?|reporters?))?|(?:wire|news|foreign|world)?\s*desk|newsroom|"
    r"bureau|reporters)$",
    re.IGNORECASE,
)
_PROMO_FROM = re.compile(r"\bmore\s+(?:from|at|on)\s+(?P<name>[^.!?|]+?)\s*[.!:]*$", re.IGNORECASE)
_SYNDICATED_FROM = re.compile(
    r"\boriginally\s+(?:appeared|published|ran)\s+(?:on|in|at|by)\s+(?P<name>.+?)"
    r"(?:[.,;:]\s|\s+read\b|\s*[.!]*$)",
    re.IGNORECASE,
)


def outlet_from_byline(byline: str | None) -> str | None:
    """The outlet of a staff byline ("Harbour Ledger Staff" -> "Harbour Ledger"), or None."""
    return None if byline is None else _match_name(_STAFF_BYLINE, byline.strip())


def outlet_from_stripped(stripped: Sequence[Stripped]) -> tuple[str, str] | None:
    """``(outlet, evidence)`` from a stripped promo line or syndication tail, or None."""
    for item in stripped:
        if item.kind == "boilerplate":
            name = _match_name(_PROMO_FROM, item.text)
            if name is not None:
                return name, "promo-line"
        elif item.kind == "syndication-tail":
            name = _match_name(_SYNDICATED_FROM, item.text)
            if name is not None:
                return name, "syndication-tail"
    return None


def _match_name(pattern: re.Pattern[str], line: str) -> str | None:
    match = pattern.search(line)
    if match is None:
        return None
    name = match.group("name").strip(" ,;:-–—|\"'“”")
    if not name or len(name) > MAX_OUTLET_CHARS or not any(c.isalpha() for c in name):
        return None
    return _title_case_if_shouting(name)


def _title_case_if_shouting(name: str) -> str:
    letters = [c for c in name if c.isalpha()]
    if len(name.split()) > 1 and all(c.isupper() for c in letters):
        return " ".join(word.capitalize() for word in name.split())
    return name


#: A title standing in for a missing outlet is cut to about this many characters, at a word.
SHORT_TITLE_CHARS = 40


def display_name(article: Article) -> str:
    """The one name an article goes by in a briefing: its outlet, else its site, else a short title.

    Every section (sources, coverage, quotes) uses it, so a source without an outlet
    is not called by its title in one place and by its file name in another.
    """
    if article.outlet and article.outlet.strip():
        return article.outlet.strip()
    site = _site(article.url or article.source)
    if site:
        return site
    if article.title and article.title.strip():
        return _shortened(" ".join(article.title.split()))
    return PurePath(article.source).stem or article.source


def _site(address: str) -> str | None:
    if not address.startswith(("http://", "https://")):
        return None
    host = urlsplit(address).hostname or ""
    return host.removeprefix("www.") or None


def _shortened(title: str) -> str:
    if len(title) <= SHORT_TITLE_CHARS:
        return title
    cut = title.rfind(" ", 0, SHORT_TITLE_CHARS)
    return title[: cut if cut > 0 else SHORT_TITLE_CHARS].rstrip(" ,;:-") + "…"
