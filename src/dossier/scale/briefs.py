"""``dossier brief --db ... --stories all``: every stored story briefed, one story per task.

The coordinating process reads each story's articles and kept analyses from the
store and sends them to a worker; the worker makes the analyses still missing,
runs the story stages and renders the three files in memory; back here the files
are written into ``OUT/<story-id>/``, the new analyses are kept, and the index of
``dossier stories`` (stories.json, stories.md, index.html) links every briefing.
Workers need neither the store nor the output folder, so the same code serves a
cluster of many machines. Without a client the same tasks run here, one by one:
the files are the same byte for byte.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from dossier.analysis import Analysis, AnalyzerKey
from dossier.analyze import analyzer_key
from dossier.article import Article
from dossier.pipeline import Options, brief_analysed
from dossier.render import HTML_NAME, render_briefing, write_rendered
from dossier.render.stories import write_stories
from dossier.scale.ingest import model_name
from dossier.scale.reading import analyze_here
from dossier.store import Store

if TYPE_CHECKING:
    from distributed import Client

    from dossier.stories import StoryMap

logger = logging.getLogger(__name__)

DEFAULT_OPTIONS = Options()

#: Called with each story's id once its briefing is written (the CLI's progress bar).
OnStory = Callable[[str], None]

#: Stories in flight per worker thread: enough to keep every worker busy, few enough to bound memory here.
IN_FLIGHT_PER_THREAD = 2


@dataclasses.dataclass(frozen=True, slots=True)
class StoryJob:
    """One story's share of the work: its articles as stored, and the analyses the store already keeps."""

    story_id: str
    articles: tuple[Article, ...]
    kept: Mapping[str, Analysis]


@dataclasses.dataclass(frozen=True, slots=True)
class StoryFiles:
    """A briefed story: the bytes of its three files, and the analyses made for it."""

    story_id: str
    files: Mapping[str, bytes]
    made: tuple[Analysis, ...]


@dataclasses.dataclass(frozen=True, slots=True)
class BriefedStories:
    stories: StoryMap
    index: tuple[Path, ...]


def brief_story(job: StoryJob, options: Options) -> StoryFiles:
    """The task: analyze what is not kept yet, run the story stages, render the files."""
    unique = {article.id: article for article in job.articles}
    missing = [article for article_id, article in unique.items() if article_id not in job.kept]
    made = analyze_here(missing, model_name(options))
    found = {**job.kept, **{analysis.article_id: analysis for analysis in made}}
    briefing = brief_analysed(job.articles, found, options=options)
    return StoryFiles(job.story_id, render_briefing(briefing), made)


def brief_stored_stories(
    store: Store,
    outdir: Path,
    *,
    options: Options = DEFAULT_OPTIONS,
    client: Client | None = None,
    on_story: OnStory | None = None,
) -> BriefedStories:
    """Brief every story of ``store`` into ``outdir/<story-id>/``, then the index; on ``client`` if given."""
    stories = store.stories()
    # Workers load the pipeline by name; a loaded one stays here.
    options = dataclasses.replace(options, model=model_name(options))
    jobs = _jobs(store, stories, analyzer_key(options.model))
    if client is None:
        results: Iterable[StoryFiles] = (brief_story(job, options) for job in jobs)
    else:
        results = _on_cluster(client, jobs, options)
    links: dict[str, str] = {}
    for result in results:
        write_rendered(result.files, outdir / result.story_id)
        if result.made:
            store.add_analyses(result.made)
        links[result.story_id] = f"{result.story_id}/{HTML_NAME}"
        if on_story is not None:
            on_story(result.story_id)
    return BriefedStories(stories, write_stories(stories, outdir, links))


def _jobs(store: Store, stories: StoryMap, key: AnalyzerKey) -> Iterator[StoryJob]:
    for story in stories.stories:
        found = store.story(story.id)
        if found is None:  # another process merged it away meanwhile: its articles are in the survivor
            logger.warning("story %s is gone from the store; not briefed", story.id)
            continue
        articles = tuple(found[1])
        kept = store.analyses(list({article.id for article in articles}), key)
        yield StoryJob(story.id, articles, kept)


def _on_cluster(client: Client, jobs: Iterable[StoryJob], options: Options) -> Iterator[StoryFiles]:
    """Run the jobs on ``client``, a bounded number at a time; results in the order they finish."""
    from distributed import as_completed

    threads = sum(client.nthreads().values()) or 1
    window = max(1, threads * IN_FLIGHT_PER_THREAD)
    pending = iter(jobs)
    running = as_completed()
    for job in pending:
        running.add(client.submit(brief_story, job, options, pure=False))
        if running.count() >= window:
            break
    for future in running:
        result: StoryFiles = future.result()
        yield result
        following = next(pending, None)
        if following is not None:
            running.add(client.submit(brief_story, following, options, pure=False))
