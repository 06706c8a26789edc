"""A story while it is being briefed, and the contract each story stage keeps.

:class:`Story` is a :class:`~dossier.briefing.Briefing` that also carries the
per-article :class:`~dossier.analysis.Analysis` of every article. Story stages
read the analyses and never read article text for themselves; the briefing
that leaves the pipeline (:meth:`Story.briefing`) does not carry them.

Each :class:`Stage` declares the fields it ``requires`` and the fields it
``assigns``, as spaCy's components do. :func:`check_order` walks the stages
before any of them runs and names the first stage whose needs come too late.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from dossier.analysis import Analysis
from dossier.article import Article
from dossier.briefing import Briefing
from dossier.errors import StageError
from dossier.timex.resolve import TimeExpression

if TYPE_CHECKING:
    from dossier.issues.pool import EncodedPool


@dataclass(frozen=True, slots=True)
class Story(Briefing):
    """A briefing in the making, with the analysis of each of its articles (by article id)."""

    analyses: Mapping[str, Analysis] = field(default_factory=dict)
    pool: EncodedPool | None = None  # the sentence pool and its vectors, once the sentence-pool stage ran

    def analysis(self, article_id: str) -> Analysis:
        try:
            return self.analyses[article_id]
        except KeyError:
            raise StageError(f"article {article_id} has no analysis; run the analyze stage first") from None

    def times_of(self, article: Article) -> tuple[TimeExpression, ...]:
        """The article's time expressions, resolved against its publication date as the story now has it."""
        return self.analysis(article.id).anchored(article.published).times

    def to_dict(self) -> dict[str, Any]:
        """The briefing's fields only: the analyses and the encoded pool are working state, not output."""
        return self.briefing().to_dict()

    def briefing(self) -> Briefing:
        """The briefing itself, without the analyses (they are the working reading, not the contract)."""
        return Briefing(**{f.name: getattr(self, f.name) for f in dataclasses.fields(Briefing)})


StoryFunction = Callable[[Story], Story]


@dataclass(frozen=True, slots=True)
class Stage:
    """A named story stage with the story fields it reads and the ones it fills."""

    name: str
    run: StoryFunction
    requires: frozenset[str] = frozenset()
    assigns: frozenset[str] = frozenset()


def stage(name: str, run: StoryFunction, requires: Iterable[str] = (), assigns: Iterable[str] = ()) -> Stage:
    """A :class:`Stage`; each field named must be a field of :class:`Story`."""
    known = {f.name for f in dataclasses.fields(Story)}
    unknown = sorted((set(requires) | set(assigns)) - known)
    if unknown:
        raise StageError(f"declares unknown story field(s): {', '.join(unknown)}", stage=name)
    return Stage(name, run, frozenset(requires), frozenset(assigns))


#: What a story holds before any stage has run.
GIVEN = frozenset({"articles", "analyses", "failures", "metadata"})


def check_order(stages: Sequence[Stage], given: Iterable[str] = GIVEN) -> None:
    """Raise :class:`StageError` naming the first stage that needs a field no earlier stage assigns."""
    available = set(given)
    for item in stages:
        missing = sorted(item.requires - available)
        if missing:
            raise StageError(
                f"needs {', '.join(missing)}, which no earlier stage assigns (stages: "
                f"{', '.join(s.name for s in stages)})",
                stage=item.name,
            )
        available |= item.assigns
