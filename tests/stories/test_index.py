from __future__ import annotations

import dataclasses
import datetime as dt
import heapq
import random

import pytest

from dossier.errors import UsageError
from dossier.stories import OnlineClusterer, Settings
from dossier.stories.index import SLOTS_PER_WINDOW, SMALL_POSTING, CandidateIndex, StoryIndex, best
from stories.newsroom import QUAKE_VARNA, articles


def filled_index(seed: int, *, stories: int = 300, terms: int = 60, cap: int = 16) -> CandidateIndex:
    """An index with many stories per term, so that lists are full and stories recur across terms."""
    rng = random.Random(seed)
    index = CandidateIndex(cap)
    for _ in range(stories * 4):
        story = f"s-{rng.randrange(stories):04d}"
        index.add(story, (f"t{rng.randrange(terms)}" for _ in range(rng.randint(1, 8))))
    return index


def weighted_terms(seed: int, terms: int = 60) -> list[tuple[str, float]]:
    rng = random.Random(seed)
    # Some weights repeat, so that sums tie; an unknown term is in the query too.
    return [(f"t{rng.randrange(terms)}", rng.choice([0.5, 0.25, rng.random()])) for _ in range(30)] + [
        ("never-indexed", 1.0)
    ]


def plain_lookup(index: CandidateIndex, query: list[tuple[str, float]]) -> dict[str, float]:
    """What a lookup must give: each story's weights added one by one, in the order of the terms."""
    postings = index.to_state()["postings"]
    found: dict[str, float] = {}
    for term, weight in query:
        for story in postings.get(term, ()):
            found[story] = found.get(story, 0.0) + weight
    return found


@pytest.mark.parametrize("seed", range(5))
def test_a_lookup_sums_each_storys_weights_in_term_order_to_the_bit(seed: int) -> None:
    index, query = filled_index(seed), weighted_terms(seed + 100)
    found = index.lookup(query)
    expected = plain_lookup(index, query)
    assert list(found.items()) == list(expected.items())  # same stories, same first-met order, same bits


def test_a_posting_list_keeps_the_most_recent_stories_up_to_its_cap() -> None:
    index = CandidateIndex(posting_cap=2)
    for story in ("s-a", "s-b", "s-a", "s-c"):
        index.add(story, ["term"])
    # s-b fell out; s-a moved to the recent end when it was seen again
    assert index.to_state()["postings"]["term"] == ["s-a", "s-c"]
    with pytest.raises(UsageError):
        CandidateIndex(posting_cap=0)


@pytest.mark.parametrize("cap", [1, 3, SMALL_POSTING, SMALL_POSTING + 1, 20])
def test_a_list_held_as_a_tuple_while_short_keeps_the_order_of_a_plain_ordered_set(cap: int) -> None:
    """Short lists are tuples, longer ones dicts: the stories, their order and the saved state are those of
    one ordered set per term (most recent last, the oldest dropped past the cap), as before."""
    rng = random.Random(cap)
    index = CandidateIndex(cap)
    expected: dict[str, list[str]] = {}
    for _ in range(600):
        story = f"s-{rng.randrange(30):02d}"
        terms = list(dict.fromkeys(f"t{rng.randrange(12)}" for _ in range(rng.randint(1, 4))))
        index.add(story, terms)
        for term in terms:
            held = [other for other in expected.get(term, []) if other != story] + [story]
            expected[term] = held[-cap:]
    assert index.to_state()["postings"] == expected
    for term, stories in expected.items():
        assert list(index.posting(term) or ()) == stories
        assert isinstance(index.posting(term), tuple) == (len(stories) <= SMALL_POSTING)
    resumed = CandidateIndex.from_state(index.to_state())
    assert resumed.to_state() == index.to_state()
    query = weighted_terms(cap, terms=12)
    assert list(resumed.lookup(query).items()) == list(index.lookup(query).items())


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("count", [1, 3, 12, 1000])
def test_best_is_the_partial_sort_by_weight_then_order(seed: int, count: int) -> None:
    rng = random.Random(seed)
    found = {f"s-{n:04d}": rng.choice([1.0, 0.5, 0.25, rng.random()]) for n in range(200)}
    orders = {story: rng.randrange(10_000) * 1000 + n for n, story in enumerate(found)}  # unique, shuffled
    expected = heapq.nsmallest(count, found.items(), key=lambda item: (-item[1], orders[item[0]]))
    assert best(found, count, orders.__getitem__) == expected


@pytest.mark.parametrize("seed", range(5))
def test_merged_away_ids_add_to_their_survivor_as_one_by_one_in_lookup_order(seed: int) -> None:
    rng = random.Random(seed)
    hits = {f"s-{n:04d}": rng.choice([0.1, 0.2, 0.3, rng.random()]) for n in range(120)}
    stories = list(hits)
    clusterer = OnlineClusterer()
    # A chain (a -> b -> c), several ids into one survivor, and a survivor the lookup did not meet itself.
    absorbed = {stories[5]: stories[9], stories[9]: stories[40], stories[7]: stories[3]}
    absorbed |= {stories[8]: stories[3]}
    absorbed |= {stories[60]: "s-not-met", stories[61]: "s-not-met"}
    absorbed |= {stories[n]: stories[n + 1] for n in range(80, 100, 2)}
    clusterer._absorbed_into = absorbed
    expected: dict[str, float] = {}
    for story, weight in hits.items():
        target = clusterer.resolve(story)
        expected[target] = expected.get(target, 0.0) + weight
    live = clusterer._live_weights(dict(hits))
    assert live == expected  # float equality: the same sums to the bit
    assert clusterer._live_weights({"s-alone": 0.5}) == {"s-alone": 0.5}


def test_a_story_met_through_three_ids_sums_them_in_lookup_order_where_rounding_tells() -> None:
    """Three weights whose sum depends on the order (two half-units added to 1.0 one at a time round away,
    added to each other first they do not); two weights give one sum in either order."""
    tiny = 2.0**-53
    assert (tiny + tiny) + 1.0 != (1.0 + tiny) + tiny
    clusterer = OnlineClusterer()
    clusterer._absorbed_into = {"s-gone-a": "s-kept", "s-gone-b": "s-kept", "s-gone-c": "s-pair"}
    # The survivor met after both of its merged-away ids: the lookup's order puts it last.
    hits = {"s-gone-a": tiny, "s-pair": tiny, "s-gone-b": tiny, "s-gone-c": 1.0, "s-kept": 1.0}
    live = clusterer._live_weights(dict(hits))
    assert live == {"s-pair": tiny + 1.0, "s-kept": (tiny + tiny) + 1.0}
    # The pair met in the other order: the same sum.
    assert clusterer._live_weights({"s-gone-c": 1.0, "s-pair": tiny}) == {"s-pair": 1.0 + tiny}


DAY = dt.date(2024, 3, 10)


def test_a_dated_article_meets_only_the_stories_touched_near_its_date_and_the_undated_ones() -> None:
    index = StoryIndex(posting_cap=8, window_days=30)
    index.add("s-years-ago", ["quake"], DAY - dt.timedelta(days=700))
    index.add("s-last-week", ["quake"], DAY - dt.timedelta(days=7))
    index.add("s-next-month", ["quake"], DAY + dt.timedelta(days=30))
    index.add("s-in-a-year", ["quake"], DAY + dt.timedelta(days=365))
    index.add("s-undated", ["quake"], None)
    near = index.lookup([("quake", 1.0)], DAY)
    assert sorted(near) == ["s-last-week", "s-next-month", "s-undated"]
    # An undated article cannot be placed in time: every story is a candidate, as with no window.
    assert sorted(index.lookup([("quake", 1.0)], None)) == [
        "s-in-a-year",
        "s-last-week",
        "s-next-month",
        "s-undated",
        "s-years-ago",
    ]
    with pytest.raises(UsageError):
        StoryIndex(window_days=0)


def test_a_dated_lookup_reaches_at_most_one_slot_beyond_the_window() -> None:
    index = StoryIndex(posting_cap=1000, window_days=30)  # no list full: only the slots decide
    slot_days = 30 // SLOTS_PER_WINDOW
    for offset in range(-120, 121):
        index.add(f"s-{offset:+04d}", ["flood"], DAY + dt.timedelta(days=offset))
    met = {int(story[2:]) for story in index.lookup([("flood", 1.0)], DAY)}
    assert set(range(-30, 31)) <= met  # every story within the window ...
    assert all(abs(offset) < 30 + slot_days for offset in met)  # ... and none a whole slot beyond it


def test_a_story_filed_under_two_nearby_dates_counts_once_per_term() -> None:
    index = StoryIndex(posting_cap=8, window_days=30)
    index.add("s-a", ["quake", "varna"], DAY - dt.timedelta(days=30))
    index.add("s-a", ["quake"], DAY + dt.timedelta(days=30))  # 60 days on: another slot
    assert index.lookup([("quake", 0.5), ("varna", 0.25)], DAY) == {"s-a": 0.75}


@pytest.mark.parametrize("seed", range(3))
def test_without_a_window_the_story_index_is_the_plain_index_and_a_saved_one_looks_up_the_same(
    seed: int,
) -> None:
    rng = random.Random(seed)
    plain, windowless, windowed = CandidateIndex(16), StoryIndex(16, None), StoryIndex(16, 30)
    for _ in range(1200):
        story = f"s-{rng.randrange(300):04d}"
        terms = [f"t{rng.randrange(60)}" for _ in range(rng.randint(1, 8))]
        day = None if rng.random() < 0.2 else DAY + dt.timedelta(days=rng.randrange(-200, 200))
        plain.add(story, terms)
        windowless.add(story, terms, day)
        windowed.add(story, terms, day)
    query = weighted_terms(seed + 100)
    assert windowless.lookup(query, DAY) == plain.lookup(query)
    assert windowed.lookup(query, None) == plain.lookup(query)
    resumed = StoryIndex.from_state(windowed.to_state())
    for day in (None, DAY, DAY + dt.timedelta(days=150)):
        assert list(resumed.lookup(query, day).items()) == list(windowed.lookup(query, day).items())


def test_an_article_years_after_a_story_of_its_event_is_not_weighed_against_it_but_undated_it_is() -> None:
    first, second = articles(QUAKE_VARNA, "varna", DAY)[:2]
    years_later = dataclasses.replace(second, published=DAY + dt.timedelta(days=3 * 365))
    undated = dataclasses.replace(second, published=None)
    for article, meets in ((years_later, False), (undated, True), (second, True)):
        clusterer = OnlineClusterer()
        clusterer.add(first)
        assert bool(clusterer.candidate_values(article)) is meets
    windowless = OnlineClusterer(Settings(window_days=None))
    windowless.add(first)
    assert windowless.candidate_values(years_later)


def reference_lookup(index: StoryIndex, query: list[tuple[str, float]], day: dt.date) -> dict[str, float]:
    """A dated lookup spelled out: per term, the union of its lists in the near slots and the undated
    stories' slot (each story once, at its first place), each story's weights added in term order."""
    state = index.to_state()
    reach = dt.timedelta(days=state["window_days"])
    slot_ids = [*range(index._slot(day - reach), index._slot(day + reach) + 1), None]
    slots = {slot: saved["postings"] for slot, saved in state["slots"]}
    found: dict[str, float] = {}
    for term, weight in query:
        union = dict.fromkeys(story for slot in slot_ids for story in slots.get(slot, {}).get(term, ()))
        for story in union:
            found[story] = found.get(story, 0.0) + weight
    return found


@pytest.mark.parametrize("seed", range(4))
def test_a_dated_lookup_sums_the_union_of_its_slots_lists_in_term_order_to_the_bit(seed: int) -> None:
    rng = random.Random(seed)
    index = StoryIndex(posting_cap=8, window_days=30)
    for _ in range(1500):
        story = f"s-{rng.randrange(200):04d}"
        terms = [f"t{rng.randrange(40)}" for _ in range(rng.randint(1, 8))]
        day = None if rng.random() < 0.15 else DAY + dt.timedelta(days=rng.randrange(-120, 120))
        index.add(story, terms, day)
    query = weighted_terms(seed + 100, terms=40)
    for offset in (-90, -31, 0, 29, 61):
        day = DAY + dt.timedelta(days=offset)
        assert list(index.lookup(query, day).items()) == list(reference_lookup(index, query, day).items())


def crowded_index(stories: int) -> StoryIndex:
    """``stories`` stories near DAY that all hold the common terms, and one that alone holds a rare one."""
    index = StoryIndex(posting_cap=64, window_days=30)
    for number in range(stories):
        day = DAY + dt.timedelta(days=number % 9)
        index.add(f"s-{number:03d}", ["harbour", "council", f"own-{number}"], day)
    index.add("s-ferry", ["harbour", "ferry", "timetable"], DAY)
    return index


def test_a_dated_lookup_passes_over_a_term_that_more_than_crowded_stories_near_the_date_hold() -> None:
    index = crowded_index(40)
    query = [("ferry", 0.5), ("harbour", 0.25), ("timetable", 0.125), ("council", 0.0625)]
    found = index.lookup(query, DAY, crowded=16)
    # "harbour" and "council" are held by 41 and 40 stories here: passed over; the rare terms still count.
    assert found == {"s-ferry": 0.5 + 0.125}
    # With room for them, or with no bound, every term counts, as before.
    every_term = reference_lookup(index, query, DAY)
    assert index.lookup(query, DAY, crowded=41) == index.lookup(query, DAY) == every_term
    # A few stories holding a term is no crowd: it counts.
    sparse = crowded_index(10)
    assert sparse.lookup(query, DAY, crowded=16) == reference_lookup(sparse, query, DAY)


def test_an_undated_lookup_keeps_every_term_whatever_the_bound() -> None:
    index = crowded_index(40)
    query = [("ferry", 0.5), ("harbour", 0.25)]
    assert index.lookup(query, None, crowded=16) == index.lookup(query, None)
    assert len(index.lookup(query, None, crowded=16)) == 41


def test_the_work_of_a_lookup_is_counted_and_bounded_by_the_crowd_whatever_the_density() -> None:
    walked = []
    for stories in (20, 60, 200):
        index = StoryIndex(posting_cap=64, window_days=30)
        for number in range(stories):
            terms = [f"t{(number * 7 + shift) % 30}" for shift in range(6)]
            index.add(f"s-{number:03d}", terms, DAY + dt.timedelta(days=number % 20))
        query = [(f"t{term}", 1.0 / (term + 1)) for term in range(30)]
        before = index.work.entries
        found = index.lookup(query, DAY, crowded=8)
        assert index.work.lookups == 1 and index.work.stories == len(found)
        walked.append(index.work.entries - before)
        assert walked[-1] <= 8 * len(query)
    unbounded = StoryIndex(posting_cap=64, window_days=30)
    for number in range(200):
        unbounded.add(f"s-{number:03d}", [f"t{(number * 7 + shift) % 30}" for shift in range(6)], DAY)
    unbounded.lookup([(f"t{term}", 1.0) for term in range(30)], DAY)
    assert unbounded.work.entries > 8 * 30  # what the bound saves: the lists of a dense window are long
