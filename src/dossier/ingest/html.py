"""HTML reader: a web page's main text and metadata, through trafilatura.

The bytes are decoded here, not by trafilatura, so that the rules are the
same as for every other source: a byte-order mark wins, then the charset the
server or the page declares, else strict UTF-8. Trafilatura then finds the
article body; its paragraph structure is kept (one block per paragraph).
Only dates the page states in its metadata or markup are taken: the
"extensive" search that guesses from free text is turned off on purpose.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import trafilatura
from lxml import etree

from dossier.article import Draft, Stripped
from dossier.clean import EXTRACTED_BY
from dossier.dates import LATEST_YEAR, parse_published
from dossier.errors import MalformedInputError
from dossier.ingest.decode import decode_text
from dossier.ingest.failures import one_line
from dossier.ingest.markup import PARAGRAPH_SEPARATOR, element_paragraphs, html_to_text

logger = logging.getLogger(__name__)

#: How far into a page to look for ``<meta charset>`` (the HTML standard says 1024 bytes).
_PRESCAN_BYTES = 1024
_META_CHARSET = re.compile(rb"""<meta\s[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:+-]{1,40})""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml\s[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:+-]{1,40})["']""", re.I)

#: Fewer words than this is a scrap of a broken page (a menu, a stray tag), not an article.
MIN_ARTICLE_WORDS = 8

#: Page metadata kept in ``Draft.metadata`` when present, under these names.
_EXTRA_METADATA = ("author", "description", "language", "hostname")


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (``<meta>`` or XML declaration)."""
    head = data[:_PRESCAN_BYTES]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if match is None:
        return None
    label = match.group(1).decode("ascii")
    # Bytes that could be scanned as ASCII cannot be UTF-16/32, whatever they claim (HTML standard).
    return "utf-8" if label.lower().replace("-", "").startswith(("utf16", "utf32")) else label


def read_html(
    data: bytes | str,
    *,
    source: str,
    url: str | None = None,
    charset: str | None = None,
) -> Draft:
    """A draft of an HTML page.

    ``charset`` is the one the HTTP response declared (it wins over the page's
    own ``<meta charset>``); ``url`` is where the page came from, used when the
    page names no canonical URL.
    """
    markup = data if isinstance(data, str) else _decode_page(data, source=source, charset=charset)
    document = _extract(markup, source=source, url=url)
    paragraphs = (
        element_paragraphs(document.body) if document is not None and document.body is not None else []
    )
    if document is None or not paragraphs:
        raise MalformedInputError("no article text found in HTML", source=source)
    words = sum(len(paragraph.split()) for paragraph in paragraphs)
    if words < MIN_ARTICLE_WORDS:
        raise MalformedInputError(f"no article text found in HTML (only {words} words)", source=source)
    text = PARAGRAPH_SEPARATOR.join(paragraphs)
    return Draft(
        source=source,
        text=text,
        title=_clean_field(document.title),
        outlet=_clean_field(document.sitename),
        url=_clean_field(document.url) or url,
        published=parse_published(document.date),
        metadata={**_extra_metadata(document), EXTRACTED_BY: "trafilatura"},
        stripped=dropped_text(markup, text, source=source),
    )


def dropped_text(markup: str, kept: str, *, source: str) -> tuple[Stripped, ...]:
    """The page's readable paragraphs that the extractor left out of ``kept``: its furniture.

    A page paragraph counts as kept when its words appear, in order, in the kept
    text (the extractor may split or trim a block), so only what a reader of the
    article never sees is recorded.
    """
    folded = " ".join(kept.split())
    dropped: list[Stripped] = []
    for paragraph in html_to_text(markup, source=source).split(PARAGRAPH_SEPARATOR):
        line = " ".join(paragraph.split())
        if line and line not in folded:
            dropped.append(
                Stripped("html-furniture", line, "page text the HTML reader left out of the article")
            )
    return tuple(dropped)


def _decode_page(data: bytes, *, source: str, charset: str | None) -> str:
    return decode_text(data, source=source, declared=charset or declared_charset(data))


def _extract(markup: str, *, source: str, url: str | None) -> Any:
    # A fresh dict each call: trafilatura writes the page URL into it. A fixed
    # max_date (instead of "today") keeps the output the same on every day.
    date_params: dict[str, Any] = {
        "original_date": True,
        "extensive_search": False,
        "max_date": f"{LATEST_YEAR}-12-31",
    }
    try:
        return trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            include_comments=False,
            date_extraction_params=date_params,
        )
    except (ValueError, etree.LxmlError) as error:
        raise MalformedInputError(f"unparseable HTML ({one_line(str(error))})", source=source) from error


def _clean_field(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    folded = " ".join(value.split())
    return folded or None


def _extra_metadata(document: Any) -> dict[str, Any]:
    extra: dict[str, Any] = {}
    for name in _EXTRA_METADATA:
        value = _clean_field(getattr(document, name, None))
        if value is not None:
            extra[name] = value
    return extra
