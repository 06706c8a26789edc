"""Corroboration: which sentences of other articles report the same fact as a given one.

Two outlets rarely report a fact in the same words ("The ferry operator
cancelled 14 crossings on Monday" against "Monday saw 14 crossings called
off by Harbour Lines"), so a sentence-vector cosine alone either misses them
or, set low, joins any two sentences on one topic. A pair reports the same
fact when meaning, names and numbers agree together:

* their cosine reaches the encoder's ``same`` threshold (near-identical
  wording), or
* their cosine reaches the lower ``corroborate`` threshold, they share
  :data:`MIN_SHARED_WORDS` content words (stemmed) covering
  :data:`MIN_WORD_OVERLAP` of the shorter sentence, and, when both name
  someone or something, at least one name; or
* their cosine reaches :data:`NAMED_FACT_COSINE`, both name someone or
  something and share a name, and they say :data:`MIN_NAMED_FACT_WORDS` of the
  same content words besides names: the same subject with the same thing said
  of it, however long the rest of either sentence runs;

and in every case their figures do not clash: two sentences that measure the
same thing (the same unit and head noun, see
:func:`dossier.figures.measured_thing`) and give no value in common report
different figures (a disagreement is the conflicts stage's business, not a
citation). Figures of different things never clash: "ten people died" and "a
magnitude 5.9 quake" can be one event's report. The figures are the story's
(the per-article analysis found them), not read again from the text. Times
clash the same way: two sentences that each name a time (resolved against
their article's date as the story has it) and none of whose times come within
:data:`TIME_SLACK` of each other report two events, however alike their words
("they met on Friday", "they met last November").

Where a learned model was fitted for the encoder (:mod:`dossier.issues.fact_model`),
it replaces the second and third rules: cosine, shared words, names, verbs and nouns
(lemmas from the articles' analyses), agreeing figures and shared specific values (below)
are weighed together. The
``same`` cosine and the figure clash hold either way. Citations follow the model
(:meth:`FactMatcher.same_fact`); a summary refusing a repeat keeps the stricter rules
(:meth:`FactMatcher.restates`).

A looser test, :meth:`FactMatcher.mentions`, decides whether another article
*speaks of* the same thing at all (cosine at the ``corroborate`` threshold, or
a shared name with :data:`MIN_MENTION_WORDS` shared content words, or a shared
specific value with one shared content word, names agreeing, or
:data:`MIN_MENTION_VALUES` of them with one, whatever the names): a sentence is
exclusive to one outlet only when no other outlet's sentence passes it.
A specific value is a clock time, a number of two digits or more however written ("11 rounds", "the 11th",
"1,200"; not one inside a word, "76ers"), a score or record as a whole ("a 20-13 win"), a figure's value, or
a day the analysis resolved: "a caller reported the fire at 3:33 a.m." and "the fire was reported at 3:33
a.m." share only "fire" in words, and the clock time besides. The learned model counts them too.
"""

from __future__ import annotations

import bisect
import copy
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import numpy as np
import numpy.typing as npt

from dossier.briefing import Briefing, Figure
from dossier.embed import Vectors
from dossier.figures import measured_thing
from dossier.issues.fact_model import FactModel
from dossier.issues.similarity import Thresholds
from dossier.quotes.merge import stemmed_words
from dossier.story import Story
from dossier.timex import TimeExpression, TimeValue
from dossier.words import word_list

if TYPE_CHECKING:
    from dossier.issues.pool import Candidate

#: Content words two sentences must share to report the same fact below the ``same`` cosine.
MIN_SHARED_WORDS = 3
#: ... and the share of the shorter sentence's content words those must be.
MIN_WORD_OVERLAP = 0.3
#: Content words that, with a shared name, show another sentence speaks of the same thing.
MIN_MENTION_WORDS = 2
#: Specific values (see :func:`_specific_values`) that, with one shared content word, show another sentence
#: speaks of the same thing even when the two name its people differently.
MIN_MENTION_VALUES = 2
#: The cosine at which a shared name and :data:`MIN_NAMED_FACT_WORDS` shared words report one fact.
NAMED_FACT_COSINE = 0.65
#: Content words besides names that two sentences naming the same subject must share.
MIN_NAMED_FACT_WORDS = 2

_NAME = re.compile(r"\b[A-Z][\w’'\-]*[\w]")
#: Capitalised words that are not names: a sentence's first word is often one of these.
_NOT_NAMES = word_list(
    """a an the this that these those it its he she they we i you his her their our my your there here
    in on at by for from with of to as and but or if when while after before since until during
    mr mrs ms dr sen rep gov president officials police monday tuesday wednesday thursday friday saturday
    sunday january february march april may june july august september october november december"""
)

#: Reporting words say who told, not what happened: two sentences sharing "said" share no fact.
_REPORTING = frozenset(stemmed_words("said say says told tells according reported reports added stated"))
#: Lemmas that say who told, or only hold a clause together: no event is named by them.
_NOT_EVENT_LEMMAS = frozenset(["say", "tell", "be", "have", "do", "report", "add", "state", "accord"])
#: The times that can date an event itself: a bare year ("the worst since 2009") or a span is most often
#: background, and one sentence giving it beside another's day is no disagreement.
_EVENT_GRAINS = frozenset(["day", "week", "month"])
#: Two times this close are no disagreement: a weekday resolved against a date that was itself inferred,
#: or "on Friday" against "this week", can be a few days off while meaning one event.
TIME_SLACK = dt.timedelta(days=7)
#: A clock time: "3:33 a.m.", "10 pm", "14:05" (tokenised text may space it: "3: 33 a. m."). Its hour
#: and minute are one value whatever the notation.
_CLOCK = re.compile(
    r"\b(?P<hour>[012]?\d)(?::[ ]?(?P<minute>[0-5]\d)(?!\d))?"
    r"(?(minute)(?:[ ]?[ap]\.?[ ]?m\b\.?)?|[ ]?(?P<bare>[ap])\.?[ ]?m\b\.?)",
    re.IGNORECASE,
)
#: A number as written: "11", "11th", "1,200", "3.5"; not a number inside a word ("76ers", "MS08").
_NUMBER = re.compile(
    r"(?<![\w.,-])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:(?:st|nd|rd|th)\b|(?![A-Za-z\d]))"
)
#: Two numbers joined by a dash are one value: a score or a record ("a 20-13 win", "slumping at 9-14") shares
#: nothing with another that merely contains one of its numbers ("a 13-3 lead", "14 losses").
_NUMBER_PAIR = re.compile(r"(?<![\w.,])(?P<first>\d+)[ ]?[-–][ ]?(?P<second>\d+)(?![\w.,]?\d)")
#: Numbers below this are too common ("2 people", "1 of them") to show two sentences speak of one thing.
_MIN_SPECIFIC_NUMBER = 10
#: A reporting verb just before a time: the time dates the telling ("ITAR-TASS reported September 26",
#: "prosecutors had said late Thursday"), not the fact told, and another outlet telling it later is no clash.
_TELLING_BEFORE = re.compile(
    r"\b(?:said|says|say|reported|reports|told|announced|announces|confirmed|stated)"
    r"(?:[ ](?:reporters|journalists))?(?:[ ](?:late|early|on))?[ ]$",
    re.IGNORECASE,
)
#: Caps on the shared counts the model sees: past these, more of the same adds no evidence.
_CAPS = {
    "shared_words": 8,
    "shared_names": 4,
    "shared_terms": 8,
    "shared_verbs": 3,
    "shared_nouns": 5,
    "shared_values": 3,
}


class Measured(Protocol):
    """A figure as corroboration reads it: a story's :class:`~dossier.briefing.Figure`, or a measure."""

    @property
    def value(self) -> float | None: ...
    @property
    def unit(self) -> str | None: ...
    @property
    def about(self) -> str | None: ...


#: What a figure measures (unit, head noun), as :func:`dossier.figures.measured_thing` gives it.
Thing = tuple[str, str | None]


@dataclass(frozen=True, slots=True)
class FactKey:
    """What a sentence's fact is made of: its names, its figures and its content words (stemmed)."""

    names: frozenset[str]
    figures: tuple[tuple[Thing, frozenset[float]], ...]  # each thing measured, with the values given for it
    words: frozenset[str]
    terms: frozenset[str]  # the content words that are not part of a name: what is said of the names
    verbs: frozenset[str] = frozenset()  # lemmas of its verbs, when the analysis is at hand
    nouns: frozenset[str] = frozenset()  # lemmas of its common nouns, likewise
    times: tuple[TimeValue, ...] = ()  # the times it names, resolved by the analysis, likewise
    values: frozenset[str] = frozenset()  # its specific values: clock times, numbers, figures, days named

    @classmethod
    def of(
        cls,
        text: str,
        figures: Iterable[Measured] = (),
        lemmas: Iterable[tuple[str, str]] = (),
        times: Iterable[TimeValue] = (),
    ) -> FactKey:
        """The key of ``text``, whose figures (spans of it found by the analysis) are ``figures``.

        ``lemmas`` are its tokens' (lemma, part of speech) pairs as the analysis read them, and ``times``
        the values of its time expressions.
        """
        # A sentence's first word is capitalised whatever it is: it names nothing by that alone.
        names = frozenset(
            match.group().casefold()
            for match in _NAME.finditer(text)
            if match.start() > 0 and match.group().casefold() not in _NOT_NAMES
        )
        words = frozenset(word for word in stemmed_words(text) - _REPORTING if len(word) > 1)
        verbs, nouns = _event_lemmas(lemmas)
        terms = words - stemmed_words(" ".join(names))
        times = tuple(times)
        figures = tuple(figures)
        named = tuple(sorted({t for t in times if t.grain in _EVENT_GRAINS}, key=lambda t: (t.first, t.last)))
        values = _specific_values(text, figures, times)
        return cls(names, _values_by_thing(figures), words, terms, verbs, nouns, named, values)

    def clashes(self, other: FactKey) -> bool:
        """They report different figures (both measure one thing and give no value in common), or
        both name times and none of one side's comes within :data:`TIME_SLACK` of one of the other's:
        "met on Friday" is not "met last November"."""
        theirs = dict(other.figures)
        if any(thing in theirs and not values & theirs[thing] for thing, values in self.figures):
            return True
        return bool(self.times and other.times) and not any(
            _within_slack(mine, their) for mine in self.times for their in other.times
        )

    def shares_words(self, other: FactKey, minimum: int, share: float = 0.0) -> bool:
        shared = len(self.words & other.words)
        if shared < minimum:
            return False
        shorter = min(len(self.words), len(other.words))
        return shorter > 0 and shared / shorter >= share

    def shares_name(self, other: FactKey) -> bool:
        """A name in common, or no names on one side to compare."""
        return not self.names or not other.names or bool(self.names & other.names)

    def says_the_same_of_a_name(self, other: FactKey) -> bool:
        """A name in common, and :data:`MIN_NAMED_FACT_WORDS` other content words said of it."""
        return bool(self.names & other.names) and len(self.terms & other.terms) >= MIN_NAMED_FACT_WORDS

    def features(self, other: FactKey, cosine: float) -> dict[str, float]:
        """What the learned model (:mod:`dossier.issues.fact_model`) sees of this key and ``other``."""
        shared_words = len(self.words & other.words)
        shared_names = len(self.names & other.names)
        theirs = dict(other.figures)
        counts = {
            "shared_words": shared_words,
            "shared_names": shared_names,
            "shared_terms": len(self.terms & other.terms),
            "shared_verbs": len(self.verbs & other.verbs),
            "shared_nouns": len(self.nouns & other.nouns),
            # The same clock time, number, figure value or day (see _specific_values): what two wordings
            # of one fact keep when they share few words ("at 3:33 a.m.", "23 pirates", "on 10 November").
            "shared_values": len(self.values & other.values),
        }
        values = {name: float(min(count, _CAPS[name])) for name, count in counts.items()}
        return {
            **values,
            "cosine": cosine,
            "word_overlap": shared_words / max(1, min(len(self.words), len(other.words))),
            "names_disjoint": float(bool(self.names) and bool(other.names) and not shared_names),
            "figures_agree": float(min(2, sum(1 for t, v in self.figures if t in theirs and v & theirs[t]))),
            "named_cosine": cosine * min(shared_names, 3),
        }


def _specific_values(text: str, figures: Iterable[Measured], times: Iterable[TimeValue]) -> frozenset[str]:
    """The values ``text`` gives that another sentence would give only of the same thing.

    Each is written one way whatever the notation: a clock time as its hour (of twelve) and minute, a
    number as its value ("1,200" and "1200", "11" and "11th"), a score as its two numbers, a day as its date.
    """
    found: set[str] = set()
    rest = text
    for clock in _CLOCK.finditer(text):
        if clock.group("minute") is None and clock.group("bare") is None:
            continue
        found.add(f"clock {int(clock.group('hour')) % 12}:{int(clock.group('minute') or 0):02d}")
        rest = rest.replace(clock.group(), " ", 1)
    for pair in _NUMBER_PAIR.finditer(rest):
        found.add(f"pair {int(pair.group('first'))}-{int(pair.group('second'))}")
    rest = _NUMBER_PAIR.sub(" ", rest)
    for number in _NUMBER.finditer(rest):
        value = float(re.sub(r"[^\d.]", "", number.group()))
        if value >= _MIN_SPECIFIC_NUMBER:
            found.add(f"number {value:g}")
    measured = (figure.value for figure in figures if figure.value is not None)
    found.update(f"number {value:g}" for value in measured if value >= _MIN_SPECIFIC_NUMBER)
    found.update(f"day {t.first.isoformat()}" for t in times if t.grain == "day")
    return frozenset(found)


def _within_slack(first: TimeValue, second: TimeValue) -> bool:
    return first.first - TIME_SLACK <= second.last and second.first - TIME_SLACK <= first.last


def _event_lemmas(lemmas: Iterable[tuple[str, str]]) -> tuple[frozenset[str], frozenset[str]]:
    """The verb and noun lemmas among ``lemmas`` that can name an event or a thing in it."""
    verbs: set[str] = set()
    nouns: set[str] = set()
    for lemma, pos in lemmas:
        word = lemma.casefold()
        if len(word) < 3 or word in _NOT_EVENT_LEMMAS:
            continue
        if pos == "VERB":
            verbs.add(word)
        elif pos == "NOUN":
            nouns.add(word)
    return frozenset(verbs), frozenset(nouns)


def _values_by_thing(figures: Iterable[Measured]) -> tuple[tuple[Thing, frozenset[float]], ...]:
    found: defaultdict[Thing, set[float]] = defaultdict(set)
    for figure in figures:
        if figure.value is not None and figure.unit is not None:
            found[measured_thing(figure.unit, figure.about)].add(figure.value)
    return tuple(sorted(((thing, frozenset(values)) for thing, values in found.items()), key=repr))


class FactMatcher:
    """Same-fact and same-subject tests over one story's sentences and their similarity matrix.

    ``figures`` holds, for each text, the figures found in it, and ``lemmas`` its tokens' (lemma, part of
    speech) pairs; :meth:`over` takes both from a story. With a ``model``, :meth:`same_fact` is the model's
    decision (see the module docstring).
    """

    def __init__(
        self,
        texts: Sequence[str],
        similarity: Vectors,
        limits: Thresholds,
        figures: Sequence[Iterable[Measured]] | None = None,
        *,
        lemmas: Sequence[Iterable[tuple[str, str]]] | None = None,
        times: Sequence[Iterable[TimeValue]] | None = None,
        model: FactModel | None = None,
    ) -> None:
        found = figures if figures is not None else [()] * len(texts)
        read = lemmas if lemmas is not None else [()] * len(texts)
        dated = times if times is not None else [()] * len(texts)
        self._keys = [
            FactKey.of(text, measured, tokens, named)
            for text, measured, tokens, named in zip(texts, found, read, dated, strict=True)
        ]
        self._similarity = similarity
        self._limits = limits
        self._model = model
        self._term_postings = _postings(key.terms for key in self._keys)
        self._name_postings = _postings(key.names for key in self._keys)
        self._value_postings = _postings(key.values for key in self._keys)
        self._has_names = np.array([bool(key.names) for key in self._keys], dtype=bool)

    @classmethod
    def over(
        cls,
        candidates: Sequence[Candidate],
        story: Briefing,
        similarity: Vectors,
        limits: Thresholds,
        model: FactModel | None = None,
    ) -> FactMatcher:
        """A matcher over a story's pool ``candidates``, each with the story's figures in its sentence.

        A :class:`~dossier.story.Story` also lends its analyses' lemmas and resolved days; a bare
        briefing has none to lend.
        """
        lemmas = times = None
        if isinstance(story, Story):
            lemmas, times = _lemmas_of(candidates, story), _times_of(candidates, story)
        figures = _figures_of(candidates, story.figures)
        texts = [c.text for c in candidates]
        return cls(texts, similarity, limits, figures, lemmas=lemmas, times=times, model=model)

    def with_model(self, model: FactModel | None) -> FactMatcher:
        """This matcher over the same sentences, citing by ``model`` (by the rules when ``None``).

        The keys are shared, not made again: ``scripts/train_fact_match.py`` compares models on one story.
        """
        other = copy.copy(self)
        other._model = model
        return other

    def features(self, first: int, second: int) -> dict[str, float]:
        """What the learned model sees of sentences ``first`` and ``second``."""
        return self._keys[first].features(self._keys[second], float(self._similarity[first, second]))

    def clash(self, first: int, second: int) -> bool:
        """Whether sentences ``first`` and ``second`` give different figures or times (see ``clashes``)."""
        return self._keys[first].clashes(self._keys[second])

    def same_fact(self, first: int, second: int) -> bool:
        """Whether sentences ``first`` and ``second`` report the same fact (see the module docstring).

        This is the test a citation passes: the learned model's where there is one, else the rules.
        """
        return self._decides(first, second, learned=True)

    def restates(self, first: int, second: int) -> bool:
        """Whether ``second`` restates ``first`` by the hand-set rules alone, the model aside.

        A summary refuses a restatement of a picked sentence. The stricter rules decide that: on
        MultiLing 2011 the looser learned test refused sentences that carried news of their own.
        """
        return self._decides(first, second, learned=False)

    def _decides(self, first: int, second: int, *, learned: bool) -> bool:
        a, b = self._keys[first], self._keys[second]
        if a.clashes(b):
            return False
        cosine = float(self._similarity[first, second])
        if cosine >= self._limits.same:
            return True
        if learned and self._model is not None:
            return self._model.same_fact(a.features(b, cosine))
        if cosine >= NAMED_FACT_COSINE and a.says_the_same_of_a_name(b):
            return True
        return (
            cosine >= self._limits.corroborate
            and a.shares_words(b, MIN_SHARED_WORDS, MIN_WORD_OVERLAP)
            and a.shares_name(b)
        )

    def mentions(self, first: int, second: int) -> bool:
        """Whether sentence ``second`` speaks of what ``first`` reports: close in meaning, or same words.

        Close in meaning is a cosine at the ``corroborate`` threshold; same words are
        :data:`MIN_MENTION_WORDS` shared content words besides names (a place named is not a
        fact reported), or one such word with a shared name; a name in common when both name someone.
        """
        others = np.zeros(len(self._keys), dtype=bool)
        others[second] = True
        return first != second and self.mentioned_among(first, others)

    def mentioned_among(self, index: int, others: npt.NDArray[np.bool_]) -> bool:
        """Whether any sentence marked in ``others`` passes :meth:`mentions` for sentence ``index``.

        Counted over word and name postings, not pair by pair: a big story's thousands of
        sentences stay cheap.
        """
        near = self._similarity[index] >= self._limits.corroborate
        key = self._keys[index]
        shared_words = self._shared(key.terms, self._term_postings)
        shared_names = self._shared(key.names, self._name_postings)
        names_agree = (shared_names > 0) | ~self._has_names | (not key.names)
        # One word said of the same name is enough: "the bridge reopened" and "Orn bridge, reopened".
        same_words = (shared_words >= MIN_MENTION_WORDS) | ((shared_words >= 1) & (shared_names > 0))
        # A specific value tells like a name: "reported the fire at 3:33 a.m." shares "fire" and the time.
        shared_values = self._shared(key.values, self._value_postings)
        same_words |= (shared_words >= 1) & (shared_values > 0)
        # Two values in common outweigh names that differ: "the Ukrainian" went 11 rounds in 2008, and
        # "Klitschko" stopped him in the 11th round in 2008, name one man two ways.
        same_values = (shared_words >= 1) & (shared_values >= MIN_MENTION_VALUES)
        passing = others & (near | (same_words & names_agree) | same_values)
        passing[index] = False
        return bool(passing.any())

    def _shared(self, items: frozenset[str], postings: dict[str, list[int]]) -> npt.NDArray[np.int_]:
        counts = np.zeros(len(self._keys), dtype=np.int_)
        for item in items:
            np.add.at(counts, postings.get(item, []), 1)
        return counts

    def reporting(self, index: int) -> list[int]:
        """The other sentences that report the same fact as sentence ``index``, in index order."""
        lowest = min(self._limits.corroborate, self._limits.same, NAMED_FACT_COSINE)
        if self._model is not None:
            lowest = min(self._limits.same, self._model.min_cosine)
        near = np.flatnonzero(self._similarity[index] >= lowest)
        return [int(other) for other in near if int(other) != index and self.same_fact(index, int(other))]


def _postings(sets: Iterable[frozenset[str]]) -> dict[str, list[int]]:
    """For each item, the indexes of the sets holding it, in order."""
    found: dict[str, list[int]] = {}
    for position, items in enumerate(sets):
        for item in items:
            found.setdefault(item, []).append(position)
    return found


def _figures_of(candidates: Sequence[Candidate], figures: Sequence[Figure]) -> list[list[Figure]]:
    """For each candidate, the figures inside the sentence its text is (its first citation)."""
    by_article: defaultdict[str, list[Figure]] = defaultdict(list)
    for figure in figures:
        by_article[figure.article_id].append(figure)
    for found in by_article.values():
        found.sort(key=lambda figure: figure.start)
    inside = []
    for candidate in candidates:
        citation = candidate.citations[0]
        found = by_article.get(citation.article_id, [])
        first = bisect.bisect_left(found, citation.start, key=lambda figure: figure.start)
        last = bisect.bisect_left(found, citation.end, lo=first, key=lambda figure: figure.start)
        inside.append([figure for figure in found[first:last] if figure.end <= citation.end])
    return inside


def _times_of(candidates: Sequence[Candidate], story: Story) -> list[list[TimeValue]]:
    """For each candidate, the values of the time expressions in its sentence (first citation).

    They are resolved against each article's date as the story now has it, inferred dates included.
    """
    articles = {article.id: article for article in story.articles if article.id in story.analyses}
    resolved: dict[str, tuple[TimeExpression, ...]] = {}
    found: list[list[TimeValue]] = []
    for candidate in candidates:
        citation = candidate.citations[0]
        article = articles.get(citation.article_id)
        if article is not None and article.id not in resolved:
            resolved[article.id] = story.times_of(article)
        times = resolved.get(citation.article_id, ())
        text = article.text if article is not None else ""
        found.append(
            [
                time.value
                for time in times
                if time.value is not None
                and citation.start <= time.start
                and time.end <= citation.end
                and not _TELLING_BEFORE.search(text, citation.start, time.start)
            ]
        )
    return found


def _lemmas_of(candidates: Sequence[Candidate], story: Story) -> list[list[tuple[str, str]]]:
    """For each candidate, the (lemma, part of speech) of the tokens of its sentence (its first citation)."""
    found: list[list[tuple[str, str]]] = []
    for candidate in candidates:
        citation = candidate.citations[0]
        analysis = story.analyses.get(citation.article_id)
        if analysis is None:
            found.append([])
            continue
        tokens = analysis.tokens
        first = bisect.bisect_left(tokens.starts, citation.start)
        last = bisect.bisect_left(tokens.starts, citation.end, lo=first)
        found.append(list(zip(tokens.lemmas[first:last], tokens.pos[first:last], strict=True)))
    return found
