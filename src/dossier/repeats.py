"""Lines an outlet repeats across its articles: site furniture found at batch level.

A sign-up box, a slogan or a "more from us" line that one outlet prints under
every story has a shape no rule may know, but it repeats: the same line in
several different articles of one outlet is the site's, not the story's. This
module finds such lines over a batch of drafts; cleaning then strips them
(kind ``repeated-line``). One article on its own has no repeats, so it is
cleaned exactly as before.

Guards, so that no story text is lost:

- articles are grouped by the outlet their source states (its field, or the
  host of its URL); drafts with neither are never compared, because a wire
  story runs word for word in many outlets;
- two articles that share most of their lines are versions of one story (an
  update, a syndicated copy), not a site's furniture, and do not count;
- a long prose paragraph is never taken for furniture.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from urllib.parse import urlsplit

from dossier.article import Draft

#: A line is the outlet's when this many different articles of it carry it.
MIN_ARTICLES = 2
#: Two articles sharing more than this share of their lines are versions of one story.
MAX_SHARED = 0.5
#: Lines longer than this (in words) are story prose, never repeated furniture.
MAX_WORDS = 40


def outlet_key(draft: Draft) -> str | None:
    """The outlet a draft's source states (field, else URL host), folded; None when unknown."""
    if draft.outlet:
        return " ".join(draft.outlet.casefold().split())
    if draft.url:
        host = urlsplit(draft.url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def repeated_lines(
    drafts: Sequence[Draft], lines_of: Callable[[Draft], Sequence[str]]
) -> dict[int, frozenset[str]]:
    """For each draft (by position), the lines its outlet repeats across other articles.

    ``lines_of`` gives a draft's paragraphs as cleaning finds them; it is only
    called for drafts that share their outlet with another draft.
    """
    outlets = [outlet_key(draft) for draft in drafts]
    return repeats_by_outlet(outlets, lambda position: lines_of(drafts[position]))


def repeats_by_outlet(
    outlets: Sequence[str | None], lines_at: Callable[[int], Sequence[str]]
) -> dict[int, frozenset[str]]:
    """:func:`repeated_lines` from each draft's :func:`outlet_key` and its lines (by position).

    For a caller that no longer holds the drafts, only what they say (a Dask run reads them on workers).
    """
    groups: dict[str, list[int]] = {}
    for position, key in enumerate(outlets):
        if key is not None:
            groups.setdefault(key, []).append(position)
    found: dict[int, frozenset[str]] = {}
    for members in groups.values():
        if len(members) >= MIN_ARTICLES:
            found.update(_group_repeats(members, {position: lines_at(position) for position in members}))
    return found


def _group_repeats(
    members: Sequence[int], lines_of: Mapping[int, Sequence[str]]
) -> dict[int, frozenset[str]]:
    every = {position: frozenset(lines_of[position]) for position in members}
    short = {
        position: frozenset(line for line in every[position] if len(line.split()) <= MAX_WORDS)
        for position in members
    }
    # Only articles that hold one line are ever compared, so a big outlet costs
    # what its shared lines cost, not every pair of its articles.
    holders: dict[str, list[int]] = {}
    for position in members:
        for line in short[position]:
            holders.setdefault(line, []).append(position)
    versions: dict[tuple[int, int], bool] = {}

    def apart(first: int, second: int) -> bool:
        if first == second:
            return False
        pair = (min(first, second), max(first, second))
        if pair not in versions:
            versions[pair] = _versions(every[first], every[second])
        return not versions[pair]

    repeated = frozenset(
        line
        for line, positions in holders.items()
        if len(positions) >= MIN_ARTICLES
        and sum(1 for position in positions if any(apart(position, other) for other in positions))
        >= MIN_ARTICLES
    )
    return {position: short[position] & repeated for position in members if short[position] & repeated}


def _versions(first: frozenset[str], second: frozenset[str]) -> bool:
    """Two articles that share most of their lines: one story told twice."""
    smaller = min(len(first), len(second))
    return smaller > 0 and len(first & second) > MAX_SHARED * smaller
