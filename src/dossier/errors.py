"""One exception hierarchy for the whole package.

::

    DossierError
    ├── SourceError            a source could not be turned into an article
    │   ├── BinaryInputError       the bytes are not text
    │   ├── EncodingError          the text is not valid in any encoding we accept
    │   ├── EmptyInputError        nothing is left to read
    │   ├── TooLargeError          the source is over the size cap
    │   ├── MalformedInputError    markup, feed or JSON that cannot be parsed
    │   ├── FetchError             a URL could not be fetched
    │   │   └── BlockedAddressError  it leads to a non-public address (loopback, private, ...)
    │   ├── SourceNotFoundError    a path or glob that names nothing
    │   ├── LinkRefusedError       a link in a folder points out of it (not followed)
    │   └── NothingReadError       no source gave an article (carries each source's failure)
    ├── StoreError             the article store failed or refused a write
    ├── StageError             a pipeline stage broke its contract
    ├── SchemaError            a briefing does not match docs/briefing.schema.json
    ├── ClusterError           the Dask scheduler cannot be reached, or the cluster lost the work
    └── UsageError             the caller asked for something impossible

Context travels as keyword arguments (``source=``, ``stage=``) so that a
message can always name what failed and why, on one line.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dossier.article import Failure


class DossierError(Exception):
    """Base of every error this package raises on purpose."""

    def __init__(self, message: str, *, source: str | None = None, stage: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.stage = stage

    def __str__(self) -> str:
        where = self.source if self.source is not None else self.stage
        return f"{where}: {self.message}" if where else self.message


class SourceError(DossierError):
    """A source (file, URL, feed item, JSONL line) could not be read."""


class BinaryInputError(SourceError):
    """The bytes look like a binary file, not text."""


class EncodingError(SourceError):
    """The bytes are not valid text in an accepted encoding."""


class EmptyInputError(SourceError):
    """The source holds no readable text."""


class TooLargeError(SourceError):
    """The source is larger than the configured cap."""


class MalformedInputError(SourceError):
    """Markup, a feed or a JSON line that cannot be parsed."""


class FetchError(SourceError):
    """A URL could not be fetched (unreachable, timed out, HTTP error)."""


class SourceNotFoundError(SourceError):
    """A path, folder or glob that names no readable file."""


class StoreError(DossierError):
    """The article store failed; nothing partial was written."""


class StageError(DossierError):
    """A pipeline stage raised or broke its declared contract."""


class SchemaError(DossierError):
    """A briefing does not validate against the published JSON Schema."""


class ClusterError(DossierError):
    """The Dask scheduler could not be reached, or its workers could not finish the work."""


class UsageError(DossierError):
    """Arguments that cannot work together, or an impossible request."""


class BlockedAddressError(FetchError):
    """A URL leads to a loopback, private or otherwise non-public address, and those are not allowed."""


class LinkRefusedError(SourceError):
    """A symbolic link in a folder points outside it, and following such links is not allowed."""


class NothingReadError(SourceError):
    """No source gave an article; ``failures`` says why each one failed, so the reasons can be shown."""

    def __init__(self, message: str, *, failures: Sequence[Failure] = ()) -> None:
        super().__init__(message)
        self.failures = tuple(failures)
