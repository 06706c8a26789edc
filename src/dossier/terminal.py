"""What reaches a terminal or a log from untrusted data, made inert.

A file name, a title or an outlet can hold a newline, an ANSI escape sequence
or a bidirectional override. Printed raw, ``evil\\ndossier: all sources read
OK.txt`` forges a line of our own output, and ``\\x1b[2J`` clears the screen.
Every such character is shown as a Python-style escape instead (``\\n``,
``\\x1b``, ``\\u202e``), so the reader sees exactly what the name holds, and
the credentials of any URL are cut out.
"""

from __future__ import annotations

import logging
import re

from dossier.untrusted import redact_credentials

# Controls (C0, DEL, C1), invisible formatting and direction controls, line and paragraph
# separators, and lone surrogates: none of them may reach a terminal as they are.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb"
    "\ud800-\udfff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """``text`` safe to print on one line: unsafe characters escaped, URL credentials removed."""
    text = redact_credentials(text)
    if text.isprintable():
        return text
    return _UNSAFE.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class PrintableFormatter(logging.Formatter):
    """A log formatter whose messages cannot forge lines or send escape sequences (tracebacks stay)."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 (the logging API's name)
        record.message = printable(record.message)
        return super().formatMessage(record)
