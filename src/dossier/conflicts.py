"""Agreement and conflict between figures that different articles give for the same thing.

Precision first: a false conflict is worse than a missed one. Two figures are
claims about the same thing only when they have

* the same unit (after folding "year-old" into "age"),
* the same head noun of what they measure (``Figure.about``: "talks",
  "fund"; a few plain synonyms fold together: a "visit" is a "trip"),
* the same subject: a word that narrows what one measures ("House" in "23
  House seats") must appear in the other's sentence too, so "23 House seats"
  and "51 seats in the Senate" are two bodies, not a disagreement,
* compatible context: their sentences share at least one content word besides
  that noun, and no day named in one sentence contradicts a day named in the
  other.

Claims with equal values (a qualifier such as "more than" or "about" allowed)
from two or more non-duplicate articles are an **agreement**. Claims whose
value ranges cannot overlap ("nine hours" against "seven hours") are a
**conflict** listing every source, unless some article states both values: then
they are different quantities, such as a total and one of its parts ($240
million fund, $70 million of it from one country), not a disagreement.

Figures that say what they measure only through their sentence ("included
$8 billion to counter...") can still agree, with each other or with a figure
that names its noun but found no partner: the same value and unit, and
sentences that share :data:`MIN_SHARED_CONTEXT` content words. They conflict
only as a **near disagreement**: values within :data:`NEAR_GAP` of each other
("59%" against "60%"), in sentences so alike that they plainly report the same
measurement (:data:`NEAR_CONTEXT` of their content words shared, a name among
them) and each the only figure of that unit in its sentence.

Every conflict carries the size of its gap: ``gap``, the largest stated value
less the smallest (percentage points for percentages), and ``relative_gap``,
that gap as a share of the largest value.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dossier.article import Article
from dossier.briefing import Claim, Conflict, ConflictKind, Figure
from dossier.figures import measured_thing, qualifier_of
from dossier.ids import stable_id
from dossier.timex import TimeExpression, TimeValue
from dossier.timex.words import FUNCTION_WORDS, content_words, fold, similarity
from dossier.words import word_list

if TYPE_CHECKING:
    from dossier.analysis import Analysis
    from dossier.story import Story

logger = logging.getLogger(__name__)

#: Sentences of figures without an ``about`` must share this many content words to agree.
MIN_SHARED_CONTEXT = 2
#: Sentences of figures with the same ``about`` must share this many other content words.
MIN_SHARED_WITH_ABOUT = 1
#: How far "about 40 percent" may stray from 40 and still be 40.
ABOUT_TOLERANCE = 0.1
#: Unheaded figures this close (relative to the larger) can be a near disagreement ("59%" against "60%").
NEAR_GAP = 0.1
#: Jaccard overlap of content words two unheaded figures' sentences need to be the same measurement.
NEAR_CONTEXT = 0.4
_NAME = re.compile(r"\b[A-Z][a-z][\w’'\-]*")
_NUMBER_WORDS = word_list("million billion trillion thousand hundred dozen percent dollar euro pound")


@dataclass(frozen=True, slots=True)
class _Item:
    figure: Figure
    article: Article
    order: int
    unit: str
    head: str | None
    qualifier: str | None
    words: frozenset[str]
    days: tuple[TimeValue, ...]
    modifiers: frozenset[str]  # words of ``about`` that narrow the head noun ("house" in "House seats")
    names: frozenset[str]  # capitalised words of the sentence after its first word, folded
    alone: bool  # the only figure of its unit in its sentence

    @property
    def value(self) -> float:
        assert self.figure.value is not None
        return self.figure.value


def conflicts_stage(story: Story) -> Story:
    """Fill ``story.conflicts`` with agreements and conflicts between the story's figures."""
    items = _items(story)
    found: list[Conflict] = []
    by_thing: dict[tuple[str, str], list[_Item]] = defaultdict(list)
    loose: dict[tuple[str, float], list[_Item]] = defaultdict(list)
    for item in items:
        if item.head is not None:
            by_thing[(item.unit, item.head)].append(item)
    for (_, head), group in sorted(by_thing.items()):
        found.extend(_judge_group(group, head))
    claimed = {(claim.article_id, claim.start) for record in found for claim in record.claims}
    for item in items:
        if (item.article.id, item.figure.start) not in claimed:
            loose[(item.unit, item.value)].append(item)
    near = _near_disagreements([item for item in items if item.head is None and _unclaimed(item, claimed)])
    found.extend(near)
    claimed |= {(claim.article_id, claim.start) for record in near for claim in record.claims}
    for _, group in sorted(loose.items()):
        group = [item for item in group if _unclaimed(item, claimed)]
        if any(item.head is None for item in group):
            found.extend(_loose_agreements(group))
    found.sort(key=lambda conflict: (conflict.kind, conflict.claims[0].article_id, conflict.claims[0].start))
    logger.debug("conflicts: %d records", len(found))
    return dataclasses.replace(story, conflicts=tuple(found))


def _unclaimed(item: _Item, claimed: set[tuple[str, int]]) -> bool:
    return (item.article.id, item.figure.start) not in claimed


def _items(story: Story) -> list[_Item]:
    figures = story.figures
    by_id = {article.id: (index, article) for index, article in enumerate(story.articles)}
    days_of: dict[str, tuple[tuple[int, int, TimeValue], ...]] = {}
    items: list[_Item] = []
    usable = [f for f in figures if f.value is not None and f.unit is not None and f.article_id in by_id]
    per_sentence: Counter[tuple[str, int, str]] = Counter()
    sentence_of: dict[str, tuple[int, int]] = {}
    for figure in usable:
        article = by_id[figure.article_id][1]
        sentence_of[figure.id] = _sentence_of(story.analysis(article.id), len(article.text), figure.start)
        per_sentence[(article.id, sentence_of[figure.id][0], str(figure.unit))] += 1
    for figure in usable:
        order, article = by_id[figure.article_id]
        if article.id not in days_of:
            days_of[article.id] = _days(story.times_of(article))
        sentence = sentence_of[figure.id]
        words = content_words(
            article.text[sentence[0] : figure.start] + " " + article.text[figure.end : sentence[1]]
        )
        days = tuple(value for start, _, value in days_of[article.id] if sentence[0] <= start < sentence[1])
        unit, head = measured_thing(str(figure.unit), figure.about)
        items.append(
            _Item(
                figure=figure,
                article=article,
                order=order,
                unit=unit,
                head=head,
                qualifier=qualifier_of(figure.text),
                words=frozenset(word for word in words if word not in _NUMBER_WORDS),
                days=days,
                modifiers=_modifiers(figure.about),
                names=_names(article.text[sentence[0] : sentence[1]]),
                alone=per_sentence[(article.id, sentence[0], str(figure.unit))] == 1,
            )
        )
    items.sort(key=lambda item: (item.order, item.figure.start))
    return items


def _days(times: Iterable[TimeExpression]) -> tuple[tuple[int, int, TimeValue], ...]:
    return tuple(
        (expression.start, expression.end, expression.value)
        for expression in times
        if expression.value is not None and expression.value.grain == "day"
    )


def _sentence_of(analysis: Analysis, length: int, position: int) -> tuple[int, int]:
    """The sentence holding ``position`` (found by bisection: many figures stay cheap), else the text."""
    sentences = analysis.sentences
    at = bisect.bisect_right(sentences, position, key=lambda span: span.start) - 1
    if at >= 0 and position < sentences[at].end:
        return sentences[at].start, sentences[at].end
    return 0, length


def _modifiers(about: str | None) -> frozenset[str]:
    """The content words of ``about`` before its head noun: what narrows the thing measured."""
    if not about:
        return frozenset()
    return content_words(" ".join(about.split()[:-1])) - _NUMBER_WORDS


def _names(sentence: str) -> frozenset[str]:
    return frozenset(fold(word) for word in _NAME.findall(sentence)[1:] if fold(word) not in FUNCTION_WORDS)


def _interval(item: _Item) -> tuple[float, float]:
    """The values ``item`` allows, from its qualifier: "more than 200" allows (200, ∞)."""
    value = item.value
    qualifier = item.qualifier
    if qualifier == "more than":
        return math.nextafter(value, math.inf), math.inf
    if qualifier == "at least":
        return value, math.inf
    if qualifier == "fewer than":
        return -math.inf, math.nextafter(value, -math.inf)
    if qualifier == "up to":
        return -math.inf, value
    if qualifier == "nearly":
        return value * (1 - ABOUT_TOLERANCE), value
    if qualifier == "about":
        return value * (1 - ABOUT_TOLERANCE), value * (1 + ABOUT_TOLERANCE)
    return value, value


def _disjoint(first: _Item, second: _Item) -> bool:
    low_a, high_a = _interval(first)
    low_b, high_b = _interval(second)
    return high_a < low_b or high_b < low_a


def _compatible(first: _Item, second: _Item, shared_needed: int) -> bool:
    """Whether two figures' sentences could be about the same occasion."""
    if first.article.id == second.article.id:
        return False
    if not first.modifiers <= second.words | second.modifiers:
        return False  # "23 House seats" against seats the other sentence never ties to the House
    if not second.modifiers <= first.words | first.modifiers:
        return False
    ignore = {first.head, second.head}
    shared = (first.words & second.words) - ignore
    if len(shared) < shared_needed:
        return False
    if first.days and second.days:
        return any(day.overlaps(other) for day in first.days for other in second.days)
    return True


def _independent_articles(items: Iterable[_Item]) -> set[str]:
    return {item.article.id for item in items if item.article.duplicate_of is None}


def _judge_group(group: list[_Item], head: str) -> list[Conflict]:
    """Agreements and conflicts among figures with one unit and one head noun."""
    clusters: dict[float, list[_Item]] = defaultdict(list)
    for item in group:
        clusters[item.value].append(item)
    values = sorted(clusters)
    conflict = _conflict(clusters, values, group)
    if conflict is not None:
        return [conflict]
    results: list[Conflict] = []
    for value in values:
        cluster = [
            item for item in clusters[value] if _has_partner(item, clusters[value], MIN_SHARED_WITH_ABOUT)
        ]
        if len(_independent_articles(cluster)) >= 2:
            results.append(_record(cluster, "agreement", cluster[0].figure.about or head))
    return results


def _conflict(clusters: dict[float, list[_Item]], values: list[float], group: list[_Item]) -> Conflict | None:
    """One conflict when every pair of stated values is irreconcilable and truly about one thing."""
    if len(values) < 2:
        return None
    stated_by: dict[str, set[float]] = defaultdict(set)
    for item in group:
        stated_by[item.article.id].add(item.value)
    if any(len(stated) > 1 for stated in stated_by.values()):
        return None  # one article gives two values: parts of a whole, or two different things
    for index, value in enumerate(values):
        for other in values[index + 1 :]:
            pairs = [(a, b) for a in clusters[value] for b in clusters[other]]
            if not any(_disjoint(a, b) and _compatible(a, b, MIN_SHARED_WITH_ABOUT) for a, b in pairs):
                return None
            if any(not _disjoint(a, b) for a, b in pairs):
                return None
    if len(_independent_articles(group)) < 2:
        return None
    return _record(group, "conflict", group[0].figure.about or "")


def _has_partner(item: _Item, cluster: Sequence[_Item], shared_needed: int) -> bool:
    return any(_compatible(item, other, shared_needed) for other in cluster if other is not item)


def _loose_agreements(group: list[_Item]) -> list[Conflict]:
    """Agreements among equal figures that do not say what they measure: context must carry the match."""
    cluster = [item for item in group if _has_partner(item, group, MIN_SHARED_CONTEXT)]
    if len(_independent_articles(cluster)) < 2:
        return []
    return [_record(cluster, "agreement", cluster[0].figure.text)]


def _near_disagreements(items: Sequence[_Item]) -> list[Conflict]:
    """Conflicts between unheaded figures with close values in sentences that report one measurement."""
    parent = list(range(len(items)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    by_unit: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        by_unit[item.unit].append(index)
    for indexes in by_unit.values():
        for first, second in itertools.combinations(indexes, 2):
            if _near_same(items[first], items[second]):
                parent[max(root(first), root(second))] = min(root(first), root(second))
    components: dict[int, list[_Item]] = defaultdict(list)
    for index, item in enumerate(items):
        components[root(index)].append(item)
    found = []
    for group in components.values():
        values = {item.value for item in group}
        stated = defaultdict(set)
        for item in group:
            stated[item.article.id].add(item.value)
        if (
            len(values) < 2
            or len(_independent_articles(group)) < 2
            or any(len(v) > 1 for v in stated.values())
        ):
            continue
        found.append(_record(group, "conflict", group[0].figure.text))
    return found


def _near_same(first: _Item, second: _Item) -> bool:
    """Two unheaded figures that plainly measure one thing: same unit, close values, alike sentences."""
    if (
        first.unit != second.unit
        or first.article.id == second.article.id
        or not (first.alone and second.alone)
    ):
        return False
    largest = max(abs(first.value), abs(second.value))
    if largest == 0 or abs(first.value - second.value) / largest > NEAR_GAP:
        return False
    if not first.names & second.names or similarity(first.words, second.words) < NEAR_CONTEXT:
        return False
    return _compatible(first, second, MIN_SHARED_CONTEXT)


def _gap(items: Sequence[_Item]) -> tuple[float, float]:
    """How far apart the stated values are: absolute, and as a share of the largest."""
    values = [item.value for item in items]
    # Ten significant digits: 3.3 less 3.1 is 0.2, not 0.19999999999999973.
    gap = float(f"{max(values) - min(values):.10g}")
    largest = max(abs(value) for value in values)
    return gap, (min(1.0, gap / largest) if largest else 0.0)


def _record(items: Sequence[_Item], kind: ConflictKind, about: str) -> Conflict:
    ordered = sorted(items, key=lambda item: (item.order, item.figure.start))
    claims = tuple(
        Claim(
            article_id=item.article.id,
            start=item.figure.start,
            end=item.figure.end,
            text=item.figure.text,
            value=item.figure.value,
            unit=item.figure.unit,
        )
        for item in ordered
    )
    key = "|".join(f"{claim.article_id}:{claim.start}:{claim.end}" for claim in claims)
    conflict_id = stable_id("c", f"{kind}|{key}")
    if kind != "conflict":
        return Conflict(id=conflict_id, about=about, kind=kind, claims=claims)
    gap, relative = _gap(items)
    return Conflict(
        id=conflict_id, about=about, kind=kind, claims=claims, gap=gap, relative_gap=round(relative, 4)
    )
