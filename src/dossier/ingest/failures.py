"""Exceptions to failures: how a bad source is reported instead of stopping the batch.

Parsers raise their own exceptions (``OSError``, ``UnicodeError``,
``ValueError``, ``RecursionError`` on absurdly nested JSON). Each is turned
into the :class:`SourceError` subclass that says what kind of problem it is,
and then into a :class:`Failure` record with a one-line reason.
"""

from __future__ import annotations

import errno

from dossier.article import Failure
from dossier.errors import EncodingError, MalformedInputError, SourceError, SourceNotFoundError

#: Exceptions from parsers and the file system that mean "this source is bad",
#: not "this program is wrong".
CONVERTIBLE_ERRORS: tuple[type[BaseException], ...] = (
    SourceError,
    OSError,
    UnicodeError,
    ValueError,
    RecursionError,
)

_MAX_REASON_CHARS = 300


def one_line(text: str) -> str:
    """``text`` folded onto one line and cut to a readable length."""
    folded = " ".join(text.split())
    if len(folded) > _MAX_REASON_CHARS:
        folded = folded[: _MAX_REASON_CHARS - 1] + "…"
    return folded


def as_source_error(error: BaseException, *, source: str) -> SourceError:
    """The :class:`SourceError` that describes ``error`` (returned as is when it already is one)."""
    if isinstance(error, SourceError):
        return error
    detail = one_line(str(error)) or type(error).__name__
    if isinstance(error, UnicodeError):
        return EncodingError(f"cannot decode text ({detail})", source=source)
    if isinstance(error, OSError):
        return SourceNotFoundError(f"cannot read ({_os_reason(error)})", source=source)
    if isinstance(error, RecursionError):
        return MalformedInputError("nested too deeply to parse", source=source)
    return MalformedInputError(f"cannot parse ({detail})", source=source)


def failure_from(error: BaseException, *, source: str) -> Failure:
    """A :class:`Failure` record for ``error``, which was raised while reading ``source``."""
    converted = as_source_error(error, source=source)
    return Failure(source=source, error=type(converted).__name__, reason=one_line(converted.message))


def _os_reason(error: OSError) -> str:
    if error.strerror:
        return error.strerror.lower()
    if error.errno is not None:
        return errno.errorcode.get(error.errno, str(error.errno))
    return one_line(str(error)) or type(error).__name__
