"""Adding articles in the background: read, store and assign to stories, then brief the stories touched.

One worker thread takes jobs in turn (the store has one writer at a time
anyway), so request threads only queue a job and return; the app keeps
answering while a job runs. Each job's progress is a :class:`JobView` any
request can read. One bad source never sinks a job: it becomes a failure on
the job's page, and the rest are added.
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
import queue
import shutil
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dossier.article import Article
from dossier.errors import DossierError
from dossier.ingest.fetch import Fetcher
from dossier.pipeline import Options, read_articles
from dossier.web.catalog import Catalog
from dossier.web.views import FailureView, JobView

logger = logging.getLogger(__name__)

#: Finished jobs kept for their pages; older ones are forgotten.
KEPT_JOBS = 100


@dataclass(frozen=True, slots=True)
class JobRequest:
    """What to read: paths or URLs, the name each is shown under, and a folder to remove afterwards."""

    sources: tuple[str, ...]
    names: Mapping[str, str] = field(default_factory=dict)
    scratch: Path | None = None


class Jobs:
    """The queue of add-articles jobs and the worker thread that runs them.

    ``fetcher`` serves every URL and feed of every job when given (tests route
    hosts with it); otherwise each job makes its own from ``options.limits``.
    """

    def __init__(self, catalog: Catalog, options: Options, fetcher: Fetcher | None = None) -> None:
        self._catalog = catalog
        self._options = options
        self._fetcher = fetcher
        self._views: dict[str, JobView] = {}
        self._lock = threading.Lock()
        self._queue: queue.Queue[tuple[str, JobRequest] | None] = queue.Queue()
        self._ids = itertools.count(1)
        self._worker = threading.Thread(target=self._work, name="dossier-ingest", daemon=True)
        self._worker.start()

    def submit(self, request: JobRequest) -> JobView:
        job_id = f"j{next(self._ids)}"
        total = len(request.sources)
        view = JobView(job_id, "queued", 0, total, "waiting for earlier jobs", 0, 0, (), (), False)
        with self._lock:
            self._views[job_id] = view
            for old in list(self._views)[:-KEPT_JOBS]:
                if self._views[old].finished:
                    del self._views[old]
        self._queue.put((job_id, request))
        return view

    def get(self, job_id: str) -> JobView | None:
        with self._lock:
            return self._views.get(job_id)

    def all(self) -> tuple[JobView, ...]:
        with self._lock:
            return tuple(reversed(self._views.values()))

    def stop(self) -> None:
        self._queue.put(None)

    def wait_idle(self, timeout: float) -> bool:
        """Wait until every queued job has finished (tests, benchmarks); False on timeout."""
        finished = threading.Event()

        def check() -> None:
            self._queue.join()
            finished.set()

        threading.Thread(target=check, daemon=True).start()
        return finished.wait(timeout)

    def _update(self, job_id: str, **changes: object) -> None:
        with self._lock:
            self._views[job_id] = dataclasses.replace(self._views[job_id], **changes)  # type: ignore[arg-type]

    def _work(self) -> None:
        while True:
            item = self._queue.get()
            try:
                if item is None:
                    return
                job_id, request = item
                try:
                    self._run(job_id, request)
                except DossierError as error:
                    self._update(job_id, state="failed", message=str(error), finished=True)
                except Exception as error:  # a bug must not kill the worker: later jobs still run
                    logger.exception("job %s failed", job_id)
                    self._update(job_id, state="failed", message=f"{type(error).__name__}", finished=True)
                finally:
                    if request.scratch is not None:
                        shutil.rmtree(request.scratch, ignore_errors=True)
            finally:
                self._queue.task_done()

    def _run(self, job_id: str, request: JobRequest) -> None:
        done = 0

        def advance(_: str) -> None:
            nonlocal done
            done += 1
            self._update(job_id, done=done, total=max(done, len(request.sources)))

        self._update(job_id, state="reading", message="reading the sources")
        read = read_articles(
            list(request.sources), options=self._options, fetcher=self._fetcher, progress=advance
        )
        articles = [_renamed(article, request.names) for article in read.articles]
        failures = tuple(
            FailureView(request.names.get(f.source, f.source), f.error, f.reason) for f in read.failures
        )
        self._update(job_id, failures=failures)
        if not articles:
            self._update(job_id, state="failed", message="no article could be read", finished=True)
            return
        self._update(job_id, state="assigning", message=f"storing {len(articles)} articles")
        result = self._catalog.store().add(articles, assign_stories=True)
        self._catalog.invalidate()
        self._update(job_id, message="updating the story list")
        self._catalog.fresh_index()  # replayed here, on the job's time: pages show the old stories till then
        touched = tuple(dict.fromkeys(a.story_id for a in result.assignments))
        if not touched:
            touched = tuple(
                dict.fromkeys(s for a in articles if (s := self._catalog.story_of_article(a.id)) is not None)
            )
        self._update(
            job_id,
            added=len(result.added),
            unchanged=len(result.unchanged),
            stories=touched,
            state="briefing",
            message=f"briefing {len(touched)} stories",
        )
        self._brief(touched)
        self._update(job_id, state="done", message="done", finished=True)

    def _brief(self, story_ids: Sequence[str]) -> None:
        """Brief the stories now, so their pages open at once; a story that fails still opens later."""
        for story_id in story_ids:
            found = self._catalog.story(story_id)
            if found is None:
                continue
            try:
                self._catalog.briefing(found[1])
            except DossierError as error:
                logger.warning("story %s could not be briefed: %s", story_id, error)


def _renamed(article: Article, names: Mapping[str, str]) -> Article:
    """The article under the name its source was given as (an upload's file name, not a scratch path)."""
    for path, name in names.items():
        if article.source == path or article.source.startswith(path + "#"):
            return dataclasses.replace(article, source=name + article.source[len(path) :])
    return article
