"""Markup to paragraphs: the readable text of an element tree, one paragraph per block.

Used for HTML fragments (feed item content) and for the XML tree trafilatura
returns for a page. Whitespace is collapsed the way a browser does it; a line
break (``<br>``) stays a newline inside its paragraph, and block elements
(paragraphs, headings, list items, quotes, table rows) end a paragraph.
Paragraphs are joined with a blank line, the convention of ``Draft.text``.
The walk is iterative, so deeply nested markup cannot exhaust the stack.
"""

from __future__ import annotations

import re
from typing import Any

import lxml.etree
import lxml.html

from dossier.errors import MalformedInputError

#: Elements that start and end a paragraph. Besides HTML, the vocabulary of
#: trafilatura's output tree: head (heading), list/item, quote, row.
_BLOCK_TAGS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt"),
        *("fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header"),
        *("hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody"),
        *("tfoot", "thead", "tr", "ul", "body", "html"),
        *("head", "item", "list", "quote", "row"),
    }
)
#: Table cells are inline inside their row, but must not run into each other.
_CELL_TAGS = frozenset({"td", "th", "cell"})
_BREAK_TAGS = frozenset({"br", "lb"})
#: Elements whose content is never article prose.
_SKIPPED_TAGS = frozenset(
    {
        *("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math"),
        *("title", "meta", "link", "button", "select", "textarea", "input", "graphic"),
    }
)
#: lxml refuses a str that carries an encoding declaration; for decoded text it says nothing anyway.
_XML_DECLARATION = re.compile(r"\s*<\?xml[^>]{0,200}\?>")
_HTML_WHITESPACE = re.compile(r"[ \t\n\r\f]+")
_LINE_BREAK = "\n"
PARAGRAPH_SEPARATOR = "\n\n"


class _ParagraphBuilder:
    """Collects text pieces and cuts them into paragraphs at block boundaries."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self._pieces: list[str] = []
        self.preformatted_depth = 0

    def add(self, text: str | None) -> None:
        if not text:
            return
        if self.preformatted_depth:
            self._pieces.append(text)
        else:
            self._pieces.append(_HTML_WHITESPACE.sub(" ", text))

    def line_break(self) -> None:
        self._pieces.append(_LINE_BREAK)

    def end_paragraph(self) -> None:
        if not self._pieces:
            return
        lines = (line.strip(" ") for line in "".join(self._pieces).split(_LINE_BREAK))
        paragraph = _LINE_BREAK.join(line for line in lines if line)
        if paragraph:
            self.paragraphs.append(paragraph)
        self._pieces.clear()


def _tag_name(element: Any) -> str | None:
    """Lower-case local name of an element; ``None`` for comments and processing instructions."""
    tag = element.tag
    if not isinstance(tag, str):
        return None
    return tag.rpartition("}")[2].lower()


def element_paragraphs(root: Any) -> list[str]:
    """The paragraphs of an lxml element tree, in document order."""
    builder = _ParagraphBuilder()
    walker = lxml.etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, element in walker:
        if event in ("comment", "pi"):
            builder.add(element.tail)  # the comment itself is not text; what follows it is
            continue
        tag = _tag_name(element)
        skipped = tag is None or tag in _SKIPPED_TAGS
        if event == "start":
            if skipped:
                walker.skip_subtree()
                continue
            if tag in _BREAK_TAGS:
                builder.line_break()
            elif tag in _BLOCK_TAGS:
                builder.end_paragraph()
            if tag == "pre":
                builder.preformatted_depth += 1
            builder.add(element.text)
            continue
        if not skipped:
            if tag in _BLOCK_TAGS:
                builder.end_paragraph()
            elif tag in _CELL_TAGS:
                builder.add(" ")
            if tag == "pre":
                builder.preformatted_depth -= 1
        if element is not root:
            builder.add(element.tail)
    builder.end_paragraph()
    return builder.paragraphs


def html_to_text(markup: str, *, source: str) -> str:
    """Readable text of an HTML document or fragment, paragraphs separated by a blank line.

    Returns ``""`` when the markup holds no text; raises
    :class:`MalformedInputError` when lxml cannot parse it at all.
    """
    if not markup.strip():
        return ""
    markup = _XML_DECLARATION.sub("", markup, count=1) if markup.lstrip().startswith("<?xml") else markup
    try:
        document = lxml.html.document_fromstring(markup)
    except lxml.etree.ParserError:
        return ""  # lxml's way of saying the document has no elements and no text
    except (ValueError, lxml.etree.LxmlError) as error:
        raise MalformedInputError(f"unparseable HTML ({_one_line(error)})", source=source) from error
    body = document.find("body")
    return PARAGRAPH_SEPARATOR.join(element_paragraphs(body if body is not None else document))


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__
