"""What reaches a terminal or a log from untrusted data, made inert.

A file name, a title or an outlet can hold a newline, an ANSI escape sequence
or a bidirectional override. Printed raw, ``evil\\ndossier: all sources read
OK.txt`` forges a line of our own output, and ``\\x1b[2J`` clears the screen.
Every such character is shown as a Python-style escape instead (``\\n``,
``\\x1b``, ``\\u202e``), so the reader sees exactly what the name holds, and
the credentials of any URL are cut out.
"""

from __future__ import annotations

import contextlib
import logging
import re
import sys
import time
from collections.abc import Callable, Iterator
from typing import TextIO

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


#: Seconds between two plain progress lines when stderr is not a terminal; the first comes only
#: after this long, so short runs (and their tests) print nothing.
PLAIN_INTERVAL_S = 15.0


@contextlib.contextmanager
def progress(
    label: str,
    *,
    unit: str,
    total: int | None = None,
    quiet: bool = False,
    stream: TextIO | None = None,
    interval_s: float = PLAIN_INTERVAL_S,
    clock: Callable[[], float] = time.monotonic,
) -> Iterator[Callable[[str], None]]:
    """A callback to call once per step: a bar with count, total and ETA on a terminal, plain lines otherwise.

    A piped or redirected stderr gets one line every ``interval_s`` seconds at most, such as
    ``dossier: stages 7/13 (issues), 21 s, about 18 s left``, since a bar would fill a log with
    carriage returns. ``quiet`` shows nothing.
    """
    out = stream if stream is not None else sys.stderr
    if quiet:
        yield _ignore
    elif out.isatty():
        from tqdm import tqdm

        with tqdm(desc=label, unit=f" {unit}", total=total, file=out, leave=False) as bar:

            def advance(name: str) -> None:
                bar.set_postfix_str(printable(name)[-40:], refresh=False)
                bar.update(1)

            yield advance
    else:
        yield _PlainLines(label, unit, total, out, interval_s, clock).advance


def _ignore(name: str) -> None:
    del name


class _PlainLines:
    """Progress as occasional plain lines, for logs and pipes."""

    def __init__(
        self,
        label: str,
        unit: str,
        total: int | None,
        out: TextIO,
        interval_s: float,
        clock: Callable[[], float],
    ) -> None:
        self.label, self.unit, self.total, self.out = label, unit, total, out
        self.interval_s, self.clock = interval_s, clock
        self.started = self.last = clock()
        self.done = 0

    def advance(self, name: str) -> None:
        self.done += 1
        now = self.clock()
        if now - self.last < self.interval_s:
            return
        self.last = now
        self.out.write(f"dossier: {self.line(name, now - self.started)}\n")
        self.out.flush()

    def line(self, name: str, elapsed: float) -> str:
        count = f"{self.done}/{self.total}" if self.total else f"{self.done}"
        text = f"{self.label} {count} {self.unit}(s) ({printable(name)[-40:]}), {elapsed:.0f} s"
        if self.total and self.done < self.total:
            left = elapsed / self.done * (self.total - self.done)
            text += f", about {left:.0f} s left"
        return text
