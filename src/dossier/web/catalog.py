"""Stories, articles and briefings read from the store, for many request threads at once.

SQLite connections belong to the thread that opened them, so each thread
(every worker of the server's pool, and the ingest worker) opens its own store
once and keeps it. Reading the store's stories (the rows its writers keep; an
older store without them is replayed from its history, which is slow) builds a
:class:`StoryIndex`, kept until the number of stored articles changes (an
ingest here or in another process). The app builds the first index in the
background when it starts (:meth:`Catalog.warm`); after an ingest, pages show
the previous index while the new one is built in the background, and only one
build runs at a time. A story's
briefing is computed by the pipeline once and kept in memory, keyed by its
article ids: a story that gains an article gets a new briefing, the old one is
simply never asked for again.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from dossier.article import Article
from dossier.briefing import Briefing
from dossier.errors import DossierError
from dossier.pipeline import Options, brief_articles
from dossier.store import Store, open_store
from dossier.stories.model import FoundStory

logger = logging.getLogger(__name__)

#: Briefings kept in memory at most; the oldest goes first (each is a few hundred kB).
MAX_BRIEFINGS = 64


@dataclass(frozen=True, slots=True)
class StoryIndex:
    """Every story of the store once replayed, with the lookups the pages need."""

    count: int  # how many articles the store held when this was made
    stories: tuple[FoundStory, ...]  # newest first
    by_id: dict[str, FoundStory]  # also under each id merged into a story
    story_of_article: dict[str, str]
    outlets: tuple[str, ...]

    @classmethod
    def of(cls, count: int, stories: Sequence[FoundStory]) -> StoryIndex:
        by_id: dict[str, FoundStory] = {}
        story_of_article: dict[str, str] = {}
        for story in stories:
            by_id[story.id] = story
            for merged in story.merged_from:
                by_id.setdefault(merged, story)
            for article in story.articles:
                story_of_article[article.id] = story.id
        outlets = sorted({outlet for story in stories for outlet in story.outlets}, key=str.casefold)
        return cls(count, tuple(stories), by_id, story_of_article, tuple(outlets))


class Catalog:
    """The store as the web app reads it: thread-local connections, a cached index, cached briefings."""

    def __init__(self, db: Path, options: Options) -> None:
        self.db = db
        self.options = options
        self._local = threading.local()
        self._opened: list[Store] = []
        self._opened_lock = threading.Lock()
        self._index: StoryIndex | None = None
        self._current = False  # whether _index still holds for the store (invalidate() says it does not)
        self._generation = 0  # counts invalidate() calls, so a replay can tell it was overtaken
        self._replaying: threading.Thread | None = None
        self._index_lock = threading.Lock()
        self._replay_lock = threading.Lock()
        self._briefings: dict[tuple[str, ...], Briefing] = {}
        # One briefing at a time: the language pipeline is heavy and not made for threads.
        self._brief_lock = threading.Lock()
        self._cache_lock = threading.Lock()
        # Create and migrate the database now, so a bad path fails at start. This store is not this
        # thread's kept one (that would be closed here and then handed out closed).
        with open_store(self.db):
            pass

    def store(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.db)
            self._local.store = store
            with self._opened_lock:
                self._opened.append(store)
        return store

    def close(self) -> None:
        """Close every thread's store (at shutdown; a store is only closed from here)."""
        with self._opened_lock:
            opened, self._opened = self._opened, []
        for store in opened:
            try:
                store.close()
            except Exception:  # a connection of another thread: SQLite may refuse; the process ends anyway
                logger.debug("could not close a store of another thread", exc_info=True)

    def index(self) -> StoryIndex:
        """The stories to show now: the current index, or while a newer one is replayed, the previous one.

        Pages keep answering while the store's stories are replayed after an ingest (a minute at 10,000
        articles); what was added shows once the replay, started here in the background, is done. Only
        the very first index is waited for.
        """
        count = self.store().count()
        found = self._current_index(count)
        if found is not None:
            return found
        with self._index_lock:
            previous = self._index
        if previous is None:
            return self.fresh_index()
        self._replay_in_background()
        return previous

    def fresh_index(self) -> StoryIndex:
        """The index of the store as it is now, replayed here if it must be (ingest jobs need this one).

        One replay at a time: a caller that comes while the index is being replayed waits for that
        replay instead of starting a second one on the same cores.
        """
        with self._replay_lock:
            with self._index_lock:
                generation = self._generation
            count = self.store().count()
            found = self._current_index(count)
            if found is None:
                started = time.perf_counter()
                found = StoryIndex.of(count, self.store().stories().stories)
                logger.info(
                    "replayed %d stories of %d articles in %.1f s",
                    len(found.stories),
                    count,
                    time.perf_counter() - started,
                )
                with self._index_lock:
                    self._index = found
                    # An invalidate() during the replay means the store changed under it: not current.
                    self._current = generation == self._generation
            return found

    def _current_index(self, count: int) -> StoryIndex | None:
        with self._index_lock:
            if self._index is not None and self._current and self._index.count == count:
                return self._index
            return None

    def _is_current(self, index: StoryIndex) -> bool:
        return self._current_index(self.store().count()) is index

    def warm(self) -> threading.Thread:
        """Replay the story index in a background thread, so the first request does not pay for it."""
        return self._replay_in_background()

    def _replay_in_background(self) -> threading.Thread:
        with self._index_lock:
            running = self._replaying
            if running is not None and running.is_alive():
                return running
            thread = threading.Thread(target=self._replay_quietly, name="dossier-replay", daemon=True)
            self._replaying = thread
        thread.start()
        return thread

    def _replay_quietly(self) -> None:
        try:
            self.fresh_index()
        except DossierError as error:  # the store is broken or was closed at shutdown: requests will say
            logger.warning("could not replay the stories: %s", error)

    def invalidate(self) -> None:
        """The store changed: the index is replayed before it counts as current (it is shown till then)."""
        with self._index_lock:
            self._current = False
            self._generation += 1

    def stories(
        self,
        *,
        query: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        outlet: str | None = None,
    ) -> list[FoundStory]:
        """The stories holding an article that matches ``query``, within the dates, carried by ``outlet``."""
        index = self.index()
        matching: set[str] | None = None
        if query:
            ids = self.store().matching_ids(query)
            matching = {index.story_of_article[i] for i in ids if i in index.story_of_article}
        return [
            story
            for story in index.stories
            if (matching is None or story.id in matching)
            and story.meets_dates(since, until)
            and (outlet is None or outlet in story.outlets)
        ]

    def story(self, story_id: str) -> tuple[FoundStory, list[Article]] | None:
        """A story (a merged-away id leads to the story that took it) and its stored articles."""
        index = self.index()
        found = index.by_id.get(story_id)
        if found is None and not self._is_current(index):
            found = self.fresh_index().by_id.get(story_id)  # a story made since the index shown
        if found is None:
            return None
        store = self.store()
        articles = [store.get(member.id) for member in found.articles]
        return found, [article for article in articles if article is not None]

    def article(self, article_id: str) -> Article | None:
        return self.store().get(article_id)

    def story_of_article(self, article_id: str) -> str | None:
        index = self.index()
        found = index.story_of_article.get(article_id)
        if found is None and not self._is_current(index):
            found = self.fresh_index().story_of_article.get(article_id)  # an article added since
        return found

    def briefing(self, articles: Sequence[Article]) -> Briefing:
        """The pipeline's briefing of these articles, computed once per set of article ids."""
        key = briefing_key(articles)
        found = self._cached(key)
        if found is not None:
            return found
        with self._brief_lock:
            found = self._cached(key)  # another thread may have made it while this one waited
            if found is None:
                logger.info("briefing a story of %d articles", len(articles))
                found = brief_articles(articles, options=self.options, store=self.store())
                with self._cache_lock:
                    if len(self._briefings) >= MAX_BRIEFINGS:
                        self._briefings.pop(next(iter(self._briefings)))
                    self._briefings[key] = found
            return found

    def cached_briefing(self, articles: Sequence[Article]) -> Briefing | None:
        return self._cached(briefing_key(articles))

    def _cached(self, key: tuple[str, ...]) -> Briefing | None:
        with self._cache_lock:
            return self._briefings.get(key)


def briefing_key(articles: Sequence[Article]) -> tuple[str, ...]:
    return tuple(sorted({article.id for article in articles}))
