"""The stages of a briefing, top to bottom.

::

    per article (map), read_articles() and analyses():
        sources ─► read ─► clean (normalize, strip boilerplate, read header, segment)
                ─► analyze (spaCy: sentences, tokens, parse, names; titles, times, figures, quotes)

    per story (reduce), run_story():
        articles + analyses ─► merge exact copies ─► mark near-duplicates ─► infer missing dates
                 ─► order for reading ─► entities ─► quotes ─► link speakers
                 ─► figures ─► timeline ─► conflicts ─► sentence pool (encoded once)
                 ─► issues ─► coverage ─► summarize

The first half looks at one article at a time and never at another, so it can be
mapped over any number of workers; its result, one :class:`~dossier.analysis.Analysis`
per article, is kept in the store and reused. The second half sees the whole story
and reads only the analyses, never the raw text, for per-article facts. Each story
stage is a :class:`~dossier.story.Stage` that declares what it requires and assigns;
:func:`run_story` checks the order before anything runs. A stage's name goes into
``Briefing.stages`` and tells the renderers which sections ran.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from dossier.analysis import Analysis
from dossier.analyze import analyze_articles, analyzer_key
from dossier.article import Article, Draft, Failure
from dossier.briefing import AnyBriefing, Briefing
from dossier.clean import clean, draft_paragraphs
from dossier.conflicts import conflicts_stage
from dossier.coverage import coverage_stage
from dossier.dedup import mark_duplicates
from dossier.embed import Encoder, get_encoder
from dossier.entities import entities_stage
from dossier.errors import DossierError, NothingReadError, SourceError, StageError, UsageError
from dossier.figures import figures_stage
from dossier.ingest import DEFAULT_LIMITS, IngestResult, Limits, read_sources
from dossier.ingest.copies import merge_exact_copies as merge_copies
from dossier.ingest.fetch import Fetcher
from dossier.issues import issues_stage, load_steering
from dossier.issues.pool import pool_stage
from dossier.nlp import DEFAULT_MODEL, Backbone
from dossier.nlp import load as load_backbone
from dossier.quotes import make_quotes_stage
from dossier.repeats import repeated_lines
from dossier.speakers import link_speakers_stage
from dossier.store import AddResult, Store
from dossier.story import Stage, Story, check_order, stage
from dossier.summarize import DEFAULT_SENTENCES, MAX_SENTENCES, MIN_SENTENCES, summary_stage
from dossier.timeline import timeline_stage
from dossier.timex import infer_dates_stage
from dossier.version import __version__

if TYPE_CHECKING:
    from dossier.stories import Assignment, StoryMap

logger = logging.getLogger(__name__)

#: Called once per source item read, with its name (drives the CLI's progress bar).
Progress = Callable[[str], None]


@dataclasses.dataclass(frozen=True, slots=True)
class Options:
    """Knobs of a run. ``strict`` turns any unreadable source into an error."""

    strict: bool = False
    limits: Limits = DEFAULT_LIMITS
    summary_sentences: int = DEFAULT_SENTENCES
    #: Fit the summary to this many words instead of ``summary_sentences`` (``--summary-words``).
    summary_words: int | None = None
    #: Sentence encoder for issues, coverage and the summary: "auto", "minilm", "static", "tfidf", or one.
    encoder: str | Encoder = "auto"
    #: The spaCy pipeline that reads every article: an installed package name, a folder, or a loaded one.
    model: str | Backbone = DEFAULT_MODEL
    #: A user-supplied list of issues (YAML or JSON, see :mod:`dossier.issues.steer`) that steers grouping.
    issues_file: Path | None = None

    def __post_init__(self) -> None:
        # Checked here, before any stage runs, not in the summary stage at the end of a long run.
        if not MIN_SENTENCES <= self.summary_sentences <= MAX_SENTENCES:
            raise UsageError(
                f"summary_sentences must be {MIN_SENTENCES} to {MAX_SENTENCES}, not {self.summary_sentences}"
            )
        if self.summary_words is not None and self.summary_words < 1:
            raise UsageError(f"summary_words must be at least 1, not {self.summary_words}")


@dataclasses.dataclass(frozen=True, slots=True)
class ReadResult:
    articles: tuple[Article, ...]
    failures: tuple[Failure, ...]


# --- the map half: one source at a time ---------------------------------------------------------------


def read_articles(
    sources: Sequence[str],
    *,
    options: Options = Options(),
    fetcher: Fetcher | None = None,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
) -> ReadResult:
    """Read and clean every source. Bad sources become failures; the rest go on.

    ``progress`` hears of each file, URL or stream once it is read (``count_sources`` gives the total).
    """
    ingested: IngestResult = read_sources(
        sources, fetcher=fetcher, limits=options.limits, stdin=stdin, on_source=progress
    )
    articles: list[Article] = []
    failures = list(ingested.failures)
    drafts = ingested.drafts
    # Lines one outlet prints under several of its articles are its furniture (batch level).
    repeats = repeated_lines(drafts, draft_paragraphs)
    for position, draft in enumerate(drafts):
        article = clean_or_fail(draft, failures, repeats.get(position, frozenset()))
        if article is not None:
            articles.append(article)
    raise_if_strict(failures, options)
    return ReadResult(tuple(articles), tuple(failures))


def clean_or_fail(draft: Draft, failures: list[Failure], repeated: frozenset[str]) -> Article | None:
    """The cleaned article, or None with the reason added to ``failures`` (here or on a Dask worker)."""
    try:
        return clean(draft, repeated=repeated)
    except SourceError as error:
        failures.append(Failure(draft.source, type(error).__name__, error.message))
        return None


def raise_if_strict(failures: Sequence[Failure], options: Options) -> None:
    """With ``options.strict``, any failed source stops the run (the first one is named)."""
    if options.strict and failures:
        first = failures[0]
        more = f" (and {len(failures) - 1} more)" if len(failures) > 1 else ""
        raise SourceError(f"{first.reason}{more}", source=first.source)


# --- the reduce half: one story -----------------------------------------------------------------------


def merge_exact_copies(story: AnyBriefing) -> AnyBriefing:
    """Articles with the same text have the same id: keep one (first by source), remember the others."""
    return dataclasses.replace(story, articles=merge_copies(story.articles))


def mark_near_duplicates(story: AnyBriefing) -> AnyBriefing:
    return dataclasses.replace(story, articles=mark_duplicates(story.articles))


def order_for_reading(story: AnyBriefing) -> AnyBriefing:
    """Oldest first, undated last, then by source: the order every later list follows."""

    def key(article: Article) -> tuple[bool, dt.date, str, str]:
        return (article.published is None, article.published or dt.date.min, article.source, article.id)

    return dataclasses.replace(story, articles=tuple(sorted(story.articles, key=key)))


def story_stages(options: Options) -> tuple[Stage, ...]:
    """The per-story stages, in the order they run, each with what it requires and assigns."""
    # One encoder for quotes, issues, coverage and summary, so each sentence is encoded once.
    encoder = get_encoder(options.encoder) if isinstance(options.encoder, str) else options.encoder
    steering = load_steering(options.issues_file) if options.issues_file is not None else ()
    articles, analyses, pool = "articles", "analyses", "pool"
    return (
        stage("merge-exact-copies", merge_exact_copies, [articles], [articles]),
        stage("mark-near-duplicates", mark_near_duplicates, [articles], [articles]),
        stage("infer-dates", infer_dates_stage, [articles, analyses], [articles]),
        stage("order-for-reading", order_for_reading, [articles], [articles]),
        stage("entities", entities_stage, [articles, analyses], ["entities"]),
        stage("quotes", make_quotes_stage(encoder), [articles, analyses], ["quotes", "statements"]),
        stage(
            "link-speakers",
            link_speakers_stage,
            ["quotes", "statements", "entities"],
            ["quotes", "statements"],
        ),
        stage("figures", figures_stage, [articles, analyses], ["figures"]),
        stage("timeline", timeline_stage, [articles, analyses], ["timeline"]),
        stage("conflicts", conflicts_stage, [articles, analyses, "figures"], ["conflicts"]),
        stage("sentence-pool", pool_stage(encoder), [articles], [pool]),
        stage(
            "issues",
            issues_stage(encoder, steering),
            [articles, pool, "entities", "quotes", "figures"],
            ["issues"],
        ),
        stage("coverage", coverage_stage(encoder), [articles, pool, "figures", "issues"], ["coverage"]),
        stage(
            "summarize",
            summary_stage(encoder, sentences=options.summary_sentences, words=options.summary_words),
            [articles, pool, "figures"],
            ["summary"],
        ),
    )


def run_story(story: Story, options: Options = Options(), on_stage: Progress | None = None) -> Story:
    """Run every story stage; a stage that raises, or comes before what it needs, is named in the error.

    ``on_stage`` is called with each stage's name before it runs (the CLI's progress bar).
    """
    stages = story_stages(options)
    check_order(stages)
    for item in stages:
        if on_stage is not None:
            on_stage(item.name)
        try:
            story = item.run(story)
        except DossierError:
            raise
        except Exception as error:
            raise StageError(f"{type(error).__name__}: {error}", stage=item.name) from error
        story = dataclasses.replace(story, stages=(*story.stages, item.name))
        logger.debug("stage %s done: %d articles", item.name, len(story.articles))
    return story


def analyses(
    articles: Sequence[Article],
    *,
    options: Options = Options(),
    store: Store | None = None,
    progress: Progress | None = None,
) -> dict[str, Analysis]:
    """The analysis of every article: kept ones from ``store`` when their analyzer matches, else made now.

    New analyses of stored articles are kept in the store, so the next briefing of them reads nothing again.
    """
    unique = list({article.id: article for article in articles}.values())
    found = store.analyses([a.id for a in unique], analyzer_key(options.model)) if store is not None else {}
    missing = [article for article in unique if article.id not in found]
    # The pipeline's weights are loaded only when some article has not been read before.
    made = list(analyze_articles(missing, _backbone(options), progress)) if missing else []
    if store is not None and made:
        store.add_analyses(made)
    logger.info("analyses: %d kept, %d made", len(found), len(made))
    found.update((analysis.article_id, analysis) for analysis in made)
    return found


def _backbone(options: Options) -> Backbone:
    return options.model if isinstance(options.model, Backbone) else load_backbone(options.model)


def story_of(
    articles: Sequence[Article], *, options: Options = Options(), store: Store | None = None, **fields: Any
) -> Story:
    """A story over articles already read and cleaned, each with its analysis (kept or made now).

    ``fields`` are other :class:`Story` fields (``failures``, ``metadata``...).
    """
    return new_story(articles, analyses(articles, options=options, store=store), **fields)


def new_story(articles: Sequence[Article], found: Mapping[str, Analysis], **fields: Any) -> Story:
    """A story over ``articles`` whose sentences are the ones their analyses read."""
    read = tuple(dataclasses.replace(article, sentences=found[article.id].sentences) for article in articles)
    limits = {article.id: list(found[article.id].limits) for article in read if found[article.id].limits}
    if limits:  # what the reading left out of oversized articles goes into the briefing, not only the log
        fields["metadata"] = {**fields.get("metadata", {}), "analysis_limits": limits}
    return Story(articles=read, analyses=dict(found), **fields)


# --- the whole run --------------------------------------------------------------------------------------


def brief(
    sources: Sequence[str] = (),
    *,
    store: Store | None = None,
    query: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    options: Options = Options(),
    fetcher: Fetcher | None = None,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
    on_stage: Progress | None = None,
) -> Briefing:
    """Brief the given sources, plus the stored articles that match ``query``/``since``/``until``.

    ``progress`` is called per source item read, ``on_stage`` with "analyze" and then per story stage.
    Raises :class:`SourceError` when no article at all could be read (or, with
    ``options.strict``, when any source failed).
    """
    read = read_articles(sources, options=options, fetcher=fetcher, stdin=stdin, progress=progress)
    selected = tuple(store.select(query=query, since=since, until=until)) if store is not None else ()
    articles = read.articles + selected
    if not articles:
        raise NothingReadError(
            _nothing_read_message(sources, read.failures, store is not None), failures=read.failures
        )
    if on_stage is not None:
        on_stage("analyze")  # the per-article reading: the longest step of a big story's briefing
    found = analyses(articles, options=options, store=store)
    story = new_story(articles, found, failures=read.failures, metadata={"generator": _generator()})
    return run_story(story, options, on_stage).briefing()


def ingest(
    sources: Sequence[str],
    store: Store,
    *,
    options: Options = Options(),
    fetcher: Fetcher | None = None,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
    analyze: bool = False,
) -> tuple[AddResult, tuple[Failure, ...]]:
    """Read sources and add them to the store in one transaction: all of them, or none.

    With ``analyze`` each article's analysis is made now and kept beside it (a later briefing reads none).
    """
    read = read_articles(sources, options=options, fetcher=fetcher, stdin=stdin, progress=progress)
    return store_read(sources, read, store, options=options, analyze=analyze)


def store_read(
    sources: Sequence[str],
    read: ReadResult,
    store: Store,
    *,
    options: Options = Options(),
    analyze: bool = False,
    made: Sequence[Analysis] = (),
) -> tuple[AddResult, tuple[Failure, ...]]:
    """Add articles already read (here or on Dask workers) to the store, placing each in a story.

    With ``analyze`` their analyses are kept too: those in ``made`` (read elsewhere), the rest made here.
    """
    if not read.articles:
        raise NothingReadError(
            _nothing_read_message(sources, read.failures, stored=False), failures=read.failures
        )
    added = store.add(read.articles, assign_stories=True)
    if analyze:
        _keep_analyses(read.articles, made, options, store)
    return added, read.failures


def _keep_analyses(
    articles: Sequence[Article], made: Sequence[Analysis], options: Options, store: Store
) -> None:
    """Store the analyses in ``made`` that the store lacks, then make (and store) any still missing."""
    key = analyzer_key(options.model)
    if made:
        kept = store.analyses(list({analysis.article_id for analysis in made}), key)
        fresh = {a.article_id: a for a in made if a.article_id not in kept and a.key == key}
        if fresh:
            store.add_analyses(list(fresh.values()))
    analyses(articles, options=options, store=store)


@dataclasses.dataclass(frozen=True, slots=True)
class StoriesResult:
    """The stories found in some sources, where each article went, and the sources that failed."""

    stories: StoryMap
    assignments: tuple[Assignment, ...]
    articles: tuple[Article, ...]
    failures: tuple[Failure, ...]


def find_stories(
    sources: Sequence[str],
    *,
    options: Options = Options(),
    fetcher: Fetcher | None = None,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
    on_article: Progress | None = None,
) -> StoriesResult:
    """Read the sources and group their articles into stories, online, in the order they were read.

    Only cheap features are used (no spaCy): see :mod:`dossier.stories`. Exact copies (same id) count once.
    """
    read = read_articles(sources, options=options, fetcher=fetcher, stdin=stdin, progress=progress)
    if not read.articles:
        raise NothingReadError(
            _nothing_read_message(sources, read.failures, stored=False), failures=read.failures
        )
    return group_articles(read, on_article=on_article)


def group_articles(read: ReadResult, *, on_article: Progress | None = None) -> StoriesResult:
    """Group articles already read into stories, in their order; ``on_article`` is told of each one placed."""
    # Imported here: datasketch brings scipy, which a briefing never needs (a cold brief pays for imports).
    from dossier.stories import OnlineClusterer

    clusterer = OnlineClusterer()
    articles = tuple({article.id: article for article in read.articles}.values())
    assignments: list[Assignment] = []
    for article in articles:
        assignments.append(clusterer.add(article))
        if on_article is not None:
            on_article(article.source)
    return StoriesResult(clusterer.stories(), tuple(assignments), articles, read.failures)


def brief_articles(
    articles: Sequence[Article], *, options: Options = Options(), store: Store | None = None
) -> Briefing:
    """The briefing of articles already read and grouped (one story of :func:`find_stories`)."""
    return brief_analysed(articles, analyses(articles, options=options, store=store), options=options)


def brief_analysed(
    articles: Sequence[Article], found: Mapping[str, Analysis], *, options: Options = Options()
) -> Briefing:
    """The briefing of articles whose analyses are all in ``found`` (a Dask worker's share of a run)."""
    story = new_story(articles, found, metadata={"generator": _generator()})
    return run_story(story, options).briefing()


def _nothing_read_message(sources: Sequence[str], failures: Sequence[Failure], stored: bool) -> str:
    if not sources and stored:
        return "no stored article matches the selection"
    return f"no article could be read from {len(sources)} source(s) ({len(failures)} failed)"


def _generator() -> str:
    return f"dossier {__version__}"
