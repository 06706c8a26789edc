"""A strict reader of rendered pages for the tests: nesting, ids, links and article texts."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = frozenset({"meta", "br", "hr", "img", "link", "input", "wbr", "source", "col", "area", "base"})


@dataclass
class Page:
    tags: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    hrefs: list[tuple[str, str]] = field(default_factory=list)  # (tag, href)
    attributes: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, name, value)
    marks: list[tuple[str, str | None]] = field(default_factory=list)  # (class, id)
    texts: dict[str, str] = field(default_factory=dict)  # article element id -> text of its div.text
    problems: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._stack: list[str] = []
        self._article: str | None = None
        self._text_depth: int | None = None
        self._buffer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.page.tags.append(tag)
        self.page.attributes.extend((tag, name, value) for name, value in values.items())
        if "id" in values:
            self.page.ids.append(values["id"])
        if "href" in values:
            self.page.hrefs.append((tag, values["href"]))
        if tag == "mark":
            self.page.marks.append((values.get("class", ""), values.get("id")))
        if tag == "article":
            self._article = values.get("id")
        if tag == "div" and values.get("class") == "text":
            self._text_depth = len(self._stack)
            self._buffer = []
        if tag not in VOID:
            self._stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self._stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if not self._stack or self._stack[-1] != tag:
            self.page.problems.append(f"</{tag}> closes {self._stack[-1:] or 'nothing'}")
            return
        self._stack.pop()
        if tag == "div" and self._text_depth == len(self._stack) and self._article:
            self.page.texts[self._article] = "".join(self._buffer)
            self._text_depth = None

    def handle_data(self, data: str) -> None:
        if self._text_depth is not None:
            self._buffer.append(data)

    def close(self) -> None:
        super().close()
        if self._stack:
            self.page.problems.append(f"unclosed: {self._stack}")


def read_page(document: str) -> Page:
    reader = _Reader()
    reader.feed(document)
    reader.close()
    return reader.page
