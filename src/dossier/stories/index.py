"""The candidate index: which stories share an arriving article's most telling terms.

An inverted index from term to the stories that hold it, most recent last.
Each posting list is capped, so a word every story uses costs a bounded
amount; the rare terms (names, places, figures) are what find the right
story. Looking up an article touches only its own top terms' lists, never
every story.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from itertools import chain
from typing import Any

from dossier.errors import UsageError
from dossier.stories.lazy_json import LazyArray, LazyObject, materialized

DEFAULT_POSTING_CAP = 64
#: How many time slots a ``window_days`` holds: a dated lookup reads ``2 * SLOTS_PER_WINDOW + 1`` slots
#: (fewer when the window is not a multiple), which reach at most one slot beyond the window on each side.
#: Two: 75 days read for a 30-day window, against 120 with slots twice the window wide, and a story of a
#: week or two is filed in one or two slots (each holds its own lists, so narrower slots cost memory).
SLOTS_PER_WINDOW = 2


#: A posting list of up to this many stories is a tuple, a longer one an insertion-ordered dict (see
#: :class:`CandidateIndex`). Most lists are short: after 95,000 articles of ``bench_stream.py``, 1.3 of
#: the 1.4 million lists filed per time slot hold four stories or fewer.
SMALL_POSTING = 8

#: One posting list, oldest story first: a tuple while short, an insertion-ordered dict once longer.
Posting = tuple[str, ...] | dict[str, None]


class CandidateIndex:
    """Term -> the (at most ``posting_cap``) stories that most recently took an article holding it."""

    __slots__ = ("_cap", "_postings")

    def __init__(self, posting_cap: int = DEFAULT_POSTING_CAP) -> None:
        if posting_cap < 1:
            raise UsageError(f"posting_cap must be at least 1, not {posting_cap}")
        self._cap = posting_cap
        # A long list is an insertion-ordered dict used as an ordered set, oldest story first: moving a
        # story to the recent end and dropping the oldest cost the same however full the list is. A short
        # one (nearly all of them) is a tuple: a dict is four times its memory, and a million small dicts
        # were the largest part of a long stream's index (and objects the garbage collector walks).
        self._postings: dict[str, Posting] = {}

    def add(self, story_id: str, terms: Iterable[str]) -> None:
        postings, cap = self._postings, self._cap
        for term in terms:
            posting = postings.get(term)
            if posting is None:
                postings[term] = (story_id,)
            elif isinstance(posting, tuple):
                postings[term] = _added_to_small(posting, story_id, cap)
            else:
                if story_id in posting:
                    del posting[story_id]  # move to the recent end
                posting[story_id] = None
                if len(posting) > cap:
                    del posting[next(iter(posting))]

    def to_state(self) -> dict[str, Any]:
        """The posting lists, oldest story first (see :mod:`dossier.stories.state`)."""
        state: dict[str, Any] = materialized(self.state_tree())
        return state

    def state_tree(self) -> LazyObject:
        """:meth:`to_state` with the lists made only as they are written (see :mod:`.lazy_json`)."""
        postings = ((term, list(posting)) for term, posting in self._postings.items())
        return LazyObject([("cap", self._cap), ("postings", LazyObject(postings))])

    @classmethod
    def from_state(cls, state: Mapping[str, Any]) -> CandidateIndex:
        index = cls(int(state["cap"]))
        index._postings = {
            term: _posting_of(posting[-index._cap :]) for term, posting in state["postings"].items()
        }
        return index

    def lookup(self, weighted_terms: Iterable[tuple[str, float]]) -> dict[str, float]:
        """Stories holding any of the terms, each with the summed weight of the terms it holds.

        Each story's weights are summed in the order of the terms (so the sums are the same to the bit
        however the lists are held), and the stories come in the order they are first met.
        """
        postings = self._postings
        return summed_postings(
            (posting, weight) for term, weight in weighted_terms if (posting := postings.get(term))
        )

    def posting(self, term: str) -> Collection[str] | None:
        """The stories that hold ``term``, oldest first (None when none does)."""
        return self._postings.get(term)


def _added_to_small(posting: tuple[str, ...], story_id: str, cap: int) -> Posting:
    """A short list with ``story_id`` at its recent end (moved there if held), the oldest dropped past
    ``cap``; a dict once it outgrows ``SMALL_POSTING``. The same stories in the same order as the dict."""
    if story_id in posting:
        posting = tuple(held for held in posting if held != story_id)
    posting = (*posting, story_id)
    if len(posting) > cap:
        posting = posting[1:]
    return posting if len(posting) <= SMALL_POSTING else dict.fromkeys(posting)


def _posting_of(stories: Sequence[str]) -> Posting:
    """A list as held: a tuple when short, else an ordered dict (``stories`` hold no story twice)."""
    return tuple(stories) if len(stories) <= SMALL_POSTING else dict.fromkeys(stories)


def summed_postings(weighted_postings: Iterable[tuple[Iterable[str], float]]) -> dict[str, float]:
    """Each story met in the posting lists with the summed weight of the lists it is in, in list order.

    A story must be in a list at most once. The sums are those of adding the weights one by one in the
    order of the lists, and the stories come in the order they are first met.
    """
    found: dict[str, float] = {}
    met = found.get
    for posting, weight in weighted_postings:
        # One plain loop: a few hundred stories a lookup, and building sets and dicts per list to do
        # it in C cost more than it saved (``0.0 + weight`` is ``weight`` to the bit).
        for story_id in posting:
            found[story_id] = met(story_id, 0.0) + weight
    return found


class LookupWork:
    """What the lookups of one index have done since it was made (not saved): for measuring their cost."""

    __slots__ = ("entries", "lookups", "stories")

    def __init__(self) -> None:
        self.lookups = 0
        #: Posting-list entries summed (a story in two slots' lists of one term counts once; a term passed
        #: over as crowded counts none, though its lists were read to count its stories).
        self.entries = 0
        #: Distinct stories met (merged-away ids counted apart from their survivors).
        self.stories = 0

    def count(self, entries: int, stories: int) -> None:
        self.lookups += 1
        self.entries += entries
        self.stories += stories


class StoryIndex:
    """The candidate index of a stream: every story by its terms, and the stories by when they were touched.

    Real streams retire old stories (Miranda et al. 2018 decay them; other stream clusterers drop them):
    an article about today's event should not be weighed against every story of past years that shares
    its words, and looking those up is what grows as a store fills. So with ``window_days`` an article
    with a date is only matched against stories touched near that date: each indexed article's terms are
    also filed under its time slot (``window_days / SLOTS_PER_WINDOW`` wide), and a dated article looks in
    every slot that holds a day within ``window_days`` of it, so every story with an article within
    ``window_days`` of its date is found (and some up to one slot further), plus the stories that have no
    date at all. Narrow slots, because what a dated lookup costs is the stories it meets: slots twice the
    window wide (two looked up) reached 120 days for a 60-day window, and in a dense stream most of the
    stories met that far away are too far to join (see ``SLOTS_PER_WINDOW``). An undated article's terms
    are filed under its story's latest date (under no date when the story has none).

    An article with no date cannot be placed in time: it is matched against every story by its terms
    alone, as with no window (the all-time lists are kept for it). Each list is capped at ``posting_cap``
    stories, the most recent kept.
    """

    __slots__ = ("_all", "_cap", "_slots", "_window", "work")

    def __init__(self, posting_cap: int = DEFAULT_POSTING_CAP, window_days: int | None = None) -> None:
        if window_days is not None and window_days < 1:
            raise UsageError(f"window_days must be at least 1 (or None for no window), not {window_days}")
        self._window = window_days
        self._cap = posting_cap
        self._all = CandidateIndex(posting_cap)
        #: Time slot (None: undated stories) -> the lists of the articles filed there.
        self._slots: dict[int | None, CandidateIndex] = {}
        self.work = LookupWork()

    def add(self, story_id: str, terms: Iterable[str], day: dt.date | None) -> None:
        """File one article's terms for the story, at its date ``day`` (an undated one: the story's last)."""
        if self._window is None:
            self._all.add(story_id, terms)
            return
        kept = list(terms)
        self._all.add(story_id, kept)
        slot = None if day is None else self._slot(day)
        index = self._slots.get(slot)
        if index is None:
            index = self._slots[slot] = CandidateIndex(self._cap)
        index.add(story_id, kept)

    def lookup(
        self, weighted_terms: Iterable[tuple[str, float]], day: dt.date | None, crowded: int | None = None
    ) -> dict[str, float]:
        """The stories holding any of the terms (near ``day`` when there is a window and a date), each
        with the summed weight of the terms it holds, as :meth:`CandidateIndex.lookup` gives them.

        A dated lookup in a window passes over a term whose lists near ``day`` hold more than ``crowded``
        stories (None: none is passed over): there the lists fill as the stories near a date grow, and a
        term that many of them hold tells them apart no better than a common word (see
        ``Settings.crowded_term_stories``). The all-time lists that an undated article (or any, with no
        window) looks in are kept whole: each is one capped list, not one per slot, and an undated
        article has no date to tell its story by but its words.
        """
        if self._window is None or day is None:
            return _summed_across(weighted_terms, [self._all._postings], None, self.work)
        reach = dt.timedelta(days=self._window)
        slots = [*range(self._slot(day - reach), self._slot(day + reach) + 1), None]
        near = [index._postings for slot in slots if (index := self._slots.get(slot)) is not None]
        return _summed_across(weighted_terms, near, crowded, self.work)

    def to_state(self) -> dict[str, Any]:
        """Both sets of lists (see :mod:`dossier.stories.state`)."""
        state: dict[str, Any] = materialized(self.state_tree())
        return state

    def state_tree(self) -> LazyObject:
        """:meth:`to_state` with the lists made only as they are written (see :mod:`.lazy_json`)."""
        slots = (LazyArray([slot, index.state_tree()]) for slot, index in self._slots.items())
        return LazyObject(
            [("window_days", self._window), ("all", self._all.state_tree()), ("slots", LazyArray(slots))]
        )

    @classmethod
    def from_state(cls, state: Mapping[str, Any]) -> StoryIndex:
        window = state["window_days"]
        all_time = CandidateIndex.from_state(state["all"])
        index = cls(all_time._cap, None if window is None else int(window))
        index._all = all_time
        index._slots = {
            None if slot is None else int(slot): CandidateIndex.from_state(saved)
            for slot, saved in state["slots"]
        }
        return index

    def _slot(self, day: dt.date) -> int:
        assert self._window is not None
        return day.toordinal() * SLOTS_PER_WINDOW // self._window


def _summed_across(
    weighted_terms: Iterable[tuple[str, float]],
    sets_of_lists: list[dict[str, Posting]],
    crowded: int | None,
    work: LookupWork,
) -> dict[str, float]:
    """:func:`summed_postings` where a term's list is the union of its lists in each set, in the order of
    the sets (a story met in several counts once per term, at its first place), less the terms whose
    union holds more than ``crowded`` stories."""
    found: dict[str, float] = {}
    met = found.get
    lookups = [postings.get for postings in sets_of_lists]
    walked = 0
    for term, weight in weighted_terms:
        lists = [posting for lookup in lookups if (posting := lookup(term))]
        if not lists:
            continue
        # A story filed in two slots side by side counts once, at its first place: the union of the lists
        # in order, made in C (a new dict; the lists themselves untouched).
        union = lists[0] if len(lists) == 1 else dict.fromkeys(chain.from_iterable(lists))
        if crowded is not None and len(union) > crowded:
            continue
        walked += len(union)
        for story_id in union:
            found[story_id] = met(story_id, 0.0) + weight
    work.count(walked, len(found))
    return found


def best(found: Mapping[str, float], count: int, order: Callable[[str], int]) -> list[tuple[str, float]]:
    """The ``count`` stories of most weight, the lower ``order`` first on a tie.

    The same list as ``heapq.nsmallest(count, found.items(), key=lambda item: (-item[1], order(item[0])))``,
    but the key is only built for the stories that reach the ``count``-th weight: a lookup finds a few
    hundred to a few thousand stories (the posting lists fill as the store grows), and ranking them all
    in Python was most of the cost that grew with the store.
    """
    if len(found) > count:
        cut = sorted(found.values(), reverse=True)[count - 1]  # a C sort of floats
        kept = [item for item in found.items() if item[1] >= cut]
    else:
        kept = list(found.items())
    kept.sort(key=lambda item: (-item[1], order(item[0])))  # stable, like nsmallest
    return kept[:count]
