"""Plain text and Markdown readers.

Plain text is passed through exactly as decoded: cleaning owns whitespace and
Unicode normalization. Markdown loses its markup (heading hashes, emphasis,
link and image syntax, list and quote markers, fences) but keeps every word
of prose and the contents of code blocks; its first level-1 heading becomes
the title. All patterns are linear: no nested quantifiers, and each emphasis
pattern scans with a negated class that stops at the next delimiter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from dossier.article import Draft
from dossier.errors import EmptyInputError

_ATX_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]|$)")
_SETEXT_UNDERLINE = re.compile(r" {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_QUOTE_MARKER = re.compile(r" {0,3}> ?")
_LIST_MARKER = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")
_REFERENCE_DEFINITION = re.compile(r" {0,3}\[[^\]\n]+\]:[ \t]*\S")
_FRONT_MATTER_FENCE = "---"
_FRONT_MATTER_MAX_LINES = 100

# Inline markup, applied in this order (images before links: an image is a link with a "!").
# Link text stops at any bracket and a destination at any parenthesis or space, so a
# scan that fails ends at the next delimiter and the work stays linear in the line.
_LINK_TEXT = r"\[([^\[\]\n]*)\]"
_DESTINATION = r"\([ \t]*[^()\s]*(?:[ \t]+\"[^\"\n]*\")?[ \t]*\)"
_INLINE_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile("!" + _LINK_TEXT + _DESTINATION), ""),
    (re.compile("!" + _LINK_TEXT + r"\[[^\[\]\n]*\]"), ""),
    (re.compile(_LINK_TEXT + _DESTINATION), r"\1"),
    (re.compile(_LINK_TEXT + r"\[[^\[\]\n]*\]"), r"\1"),
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),
    (re.compile(r"`([^`\n]+)`"), r"\1"),
    (re.compile(r"\*\*(?=[^\s*])([^*\n]*[^\s*])\*\*"), r"\1"),
    (re.compile(r"(?<!\w)__(?=[^\s_])([^_\n]*[^\s_])__(?!\w)"), r"\1"),
    (re.compile(r"~~(?=[^\s~])([^~\n]*[^\s~])~~"), r"\1"),
    (re.compile(r"\*(?=[^\s*])([^*\n]*[^\s*])\*"), r"\1"),
    (re.compile(r"(?<!\w)_(?=[^\s_])([^_\n]*[^\s_])_(?!\w)"), r"\1"),
)
# A backslash-escaped punctuation character is literal: it is hidden from the rules
# above as a private-use placeholder and restored afterwards.
_ESCAPABLE = "\\`*_{}[]()#+-.!>~|"
_ESCAPE = re.compile(r"\\([" + re.escape(_ESCAPABLE) + r"])")
_PLACEHOLDER_BASE = 0xE000
_PLACEHOLDERS = re.compile(f"[{chr(_PLACEHOLDER_BASE)}-{chr(_PLACEHOLDER_BASE + len(_ESCAPABLE) - 1)}]")


@dataclass(frozen=True, slots=True)
class MarkdownText:
    """Markdown reduced to prose: the first level-1 heading, and the text."""

    title: str | None
    text: str


def read_plain(text: str, *, source: str) -> Draft:
    """A draft of a plain-text source: the text exactly as decoded."""
    return Draft(source=source, text=text)


def read_markdown(text: str, *, source: str) -> Draft:
    """A draft of a Markdown source, with its markup removed and its first ``# heading`` as title."""
    converted = markdown_to_text(text)
    if not converted.text.strip():
        raise EmptyInputError("no text left once the Markdown markup is removed", source=source)
    return Draft(source=source, text=converted.text, title=converted.title)


def markdown_to_text(markdown: str) -> MarkdownText:
    """Strip Markdown markup line by line; code blocks are kept verbatim as text."""
    lines = markdown.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    title: str | None = None
    output: list[str] = []
    fence: str | None = None
    for line in _without_front_matter(lines):
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            else:
                output.append(line)
            continue
        if opening:
            fence = opening.group(1)
            continue
        underline = _SETEXT_UNDERLINE.match(line)
        if underline and output and output[-1].strip():
            # "Title\n=====": the line above was a heading; the underline itself is markup.
            if underline.group(1)[0] == "=" and title is None:
                title = output[-1].strip()
            continue
        heading_level, prose = _prose_of(line)
        if heading_level == 1 and title is None and prose:
            title = prose
        if prose is not None:
            output.append(prose)
    return MarkdownText(title=title, text="\n".join(_single_blank_lines(output)).strip("\n"))


def _prose_of(line: str) -> tuple[int, str | None]:
    """``(heading level, or 0 for other lines; the line as prose, or None to drop it)``."""
    if _is_thematic_break(line) or _REFERENCE_DEFINITION.match(line):
        return 0, None
    while quote := _QUOTE_MARKER.match(line):
        line = line[quote.end() :]
    heading = _ATX_HEADING.match(line)
    if heading:
        return len(heading.group(1)), _inline(_heading_content(line[heading.end() :]))
    marker = _LIST_MARKER.match(line)
    if marker:
        line = line[marker.end() :]
    return 0, _inline(line)


def _heading_content(rest: str) -> str:
    """Heading text without an optional closing run of hashes (which must follow a space)."""
    content = rest.strip()
    unclosed = content.rstrip("#")
    if unclosed != content and (not unclosed or unclosed[-1] in " \t"):
        content = unclosed.strip()
    return content


def _is_thematic_break(line: str) -> bool:
    marks = line.replace(" ", "").replace("\t", "")
    return (
        len(marks) >= 3 and len(set(marks)) == 1 and marks[0] in "-*_" and len(line) - len(line.lstrip()) < 4
    )


def _inline(text: str) -> str:
    protect = _PLACEHOLDERS.search(text) is None  # never confuse a placeholder with real text
    if protect:
        text = _ESCAPE.sub(lambda m: chr(_PLACEHOLDER_BASE + _ESCAPABLE.index(m.group(1))), text)
    for pattern, replacement in _INLINE_RULES:
        text = pattern.sub(replacement, text)
    if protect:
        text = _PLACEHOLDERS.sub(lambda m: _ESCAPABLE[ord(m.group(0)) - _PLACEHOLDER_BASE], text)
    else:
        text = _ESCAPE.sub(r"\1", text)
    return text.rstrip()


def _without_front_matter(lines: list[str]) -> Iterator[str]:
    """Skip a leading YAML front-matter block (``---`` ... ``---``): metadata, not prose."""
    if lines and lines[0].strip() == _FRONT_MATTER_FENCE:
        for end in range(1, min(len(lines), _FRONT_MATTER_MAX_LINES)):
            if lines[end].strip() in (_FRONT_MATTER_FENCE, "..."):
                yield from lines[end + 1 :]
                return
    yield from lines


def _single_blank_lines(lines: Iterable[str]) -> Iterator[str]:
    """Collapse runs of blank lines (left where markup lines were dropped) to one."""
    blank = False
    for line in lines:
        if not line.strip():
            if not blank:
                yield ""
            blank = True
        else:
            blank = False
            yield line
