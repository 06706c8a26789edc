"""The candidate index: which stories share an arriving article's most telling terms.

An inverted index from term to the stories that hold it, most recent last.
Each posting list is capped, so a word every story uses costs a bounded
amount; the rare terms (names, places, figures) are what find the right
story. Looking up an article touches only its own top terms' lists, never
every story.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from dossier.errors import UsageError

DEFAULT_POSTING_CAP = 64


class CandidateIndex:
    """Term -> the (at most ``posting_cap``) stories that most recently took an article holding it."""

    __slots__ = ("_cap", "_postings")

    def __init__(self, posting_cap: int = DEFAULT_POSTING_CAP) -> None:
        if posting_cap < 1:
            raise UsageError(f"posting_cap must be at least 1, not {posting_cap}")
        self._cap = posting_cap
        self._postings: dict[str, deque[str]] = {}

    def add(self, story_id: str, terms: Iterable[str]) -> None:
        for term in terms:
            posting = self._postings.get(term)
            if posting is None:
                posting = self._postings[term] = deque(maxlen=self._cap)
            if story_id in posting:
                posting.remove(story_id)  # move to the recent end
            posting.append(story_id)

    def to_state(self) -> dict[str, Any]:
        """The posting lists, oldest story first (see :mod:`dossier.stories.state`)."""
        return {
            "cap": self._cap,
            "postings": {term: list(posting) for term, posting in self._postings.items()},
        }

    @classmethod
    def from_state(cls, state: Mapping[str, Any]) -> CandidateIndex:
        index = cls(int(state["cap"]))
        index._postings = {
            term: deque(posting, maxlen=index._cap) for term, posting in state["postings"].items()
        }
        return index

    def lookup(self, weighted_terms: Iterable[tuple[str, float]]) -> dict[str, float]:
        """Stories holding any of the terms, each with the summed weight of the terms it holds.

        Each story's weights are summed in the order of the terms (so the sums are the same to the bit
        however the lists are held), and the stories come in the order they are first met.
        """
        found: dict[str, float] = {}
        postings = self._postings
        for term, weight in weighted_terms:
            posting = postings.get(term)
            if not posting:
                continue
            # As adding ``weight`` to each story of the list in turn, with the Python work only for the
            # stories an earlier term found: the lists fill up as the store grows, and the stories met
            # for the first time (most of them) are entered in C. A story keeps its first place.
            earlier = [(story_id, found[story_id]) for story_id in found.keys() & posting]
            found.update(dict.fromkeys(posting, weight))
            for story_id, summed in earlier:
                found[story_id] = summed + weight
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
