"""What every article store offers, whatever database sits behind it.

The pipeline and the CLI only ever see :class:`Store`; SQLite is the embedded
default and PostgreSQL sits behind the same protocol. :class:`OwnedConnection`
is what both implementations do with their one connection.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Generic, Protocol, Self, TypeVar, runtime_checkable

from dossier.analysis import Analysis, AnalyzerKey
from dossier.article import Article
from dossier.errors import StoreError, UsageError

# Story finding imports datasketch and numpy: a command that never groups articles skips them.
if TYPE_CHECKING:
    from dossier.stories import Assignment, FoundStory, StoryMap


@dataclass(frozen=True, slots=True)
class AddResult:
    """The outcome of one :meth:`Store.add` call, ids in the order they were given.

    Every input article appears exactly once, in one of the two tuples: an id that
    was already stored, or that came earlier in the same batch, counts as unchanged.
    """

    added: tuple[str, ...]
    unchanged: tuple[str, ...]
    #: Where each added article went, when the add assigned stories (one per added id, in order).
    assignments: tuple[Assignment, ...] = ()


@runtime_checkable
class Store(Protocol):
    """A persistent set of cleaned articles, keyed by their content-hash id."""

    def add(self, articles: Sequence[Article], *, assign_stories: bool = False) -> AddResult:
        """Store the articles in one transaction: all of them, or none (then raise ``StoreError``).

        With ``assign_stories`` each new article is placed in a story in the same transaction.
        """
        ...

    def stories(
        self, *, query: str | None = None, since: dt.date | None = None, until: dt.date | None = None
    ) -> StoryMap:
        """The stories of the store, newest first: those holding an article that matches ``query``,
        and whose date span meets ``since``..``until`` (undated stories only when no date is given)."""
        ...

    def story(self, story_id: str) -> tuple[FoundStory, list[Article]] | None:
        """One story (a merged-away id leads to the story that took it) and its stored articles."""
        ...

    def get(self, article_id: str) -> Article | None:
        """The stored article with this id, or ``None``."""
        ...

    def matching_ids(self, query: str) -> list[str]:
        """The ids of the stored articles a full-text ``query`` matches, sorted by id (byte order).

        Cheaper than :meth:`select` when only the ids are wanted: no article is read back and the matches
        are not ranked, which at thousands of matches costs more than the search itself.
        """
        ...

    def select(
        self,
        *,
        query: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        limit: int | None = None,
    ) -> list[Article]:
        """Stored articles matching a full-text ``query`` and an inclusive published-date range.

        Results are ordered by published date (undated last), then id, so the same
        store and arguments always give the same list.
        """
        ...

    def analyses(self, article_ids: Sequence[str], key: AnalyzerKey) -> dict[str, Analysis]:
        """The stored analyses made by ``key`` (analyzer and model versions) of these articles."""
        ...

    def analyzed(self, article_ids: Sequence[str], key: AnalyzerKey) -> frozenset[str]:
        """Which of these articles have an analysis made by ``key``; the analyses themselves are not read."""
        ...

    def add_analyses(self, analyses: Sequence[Analysis]) -> None:
        """Keep the analyses of stored articles, so that a later briefing need not read them again."""
        ...

    def count(self) -> int:
        """How many articles are stored."""
        ...

    def close(self) -> None:
        """Release the database; calling it twice is harmless."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...


def check_date_range(since: dt.date | None, until: dt.date | None) -> None:
    if since is not None and until is not None and since > until:
        raise UsageError(f"since ({since.isoformat()}) is after until ({until.isoformat()})")


def checked_limit(limit: int) -> int:
    """A result limit as both databases take it: a whole number, not negative, at most 64-bit."""
    if isinstance(limit, bool) or not isinstance(limit, int):
        raise UsageError(f"limit must be a whole number, not {limit!r}")
    if limit < 0:
        raise UsageError(f"limit must not be negative: {limit}")
    return min(limit, 2**63 - 1)  # anything larger means "no limit" anyway


class _Closable(Protocol):
    def close(self) -> None: ...


ConnectionT = TypeVar("ConnectionT", bound=_Closable)


class OwnedConnection(Generic[ConnectionT]):
    """A store's one database connection: handed out while open, closed once, named in ``repr``."""

    label: str
    _connection: ConnectionT | None

    def close(self) -> None:
        if self._connection is not None:
            try:
                self._before_close()
            finally:
                self._connection.close()
                self._connection = None

    def _before_close(self) -> None:
        """Last work on the open connection (a store saves its story state here); must not raise."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "open" if self._connection is not None else "closed"
        return f"{type(self).__name__}({self.label!r}, {state})"

    def _live(self) -> ConnectionT:
        if self._connection is None:
            raise StoreError("the store is closed", source=self.label)
        return self._connection
