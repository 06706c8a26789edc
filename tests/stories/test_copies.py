from __future__ import annotations

import json
import random

import pytest
from datasketch import MinHashLSH

from dossier.errors import UsageError
from dossier.stories.copies import DEFAULT_PERMUTATIONS, DEFAULT_THRESHOLD, CopyFinder

TEXT = (
    "The Lindenport transit board voted on Wednesday to raise bus fares by ten cents from May, "
    "board chair Odile Frensch said, citing the cost of diesel and the wages of new drivers. "
    "Riders' groups said the rise would hurt students and pensioners most, and asked the board to "
    "delay the vote until the city council has debated its budget for the coming year in full."
)


def test_a_lightly_edited_copy_is_found_and_an_unrelated_text_is_not() -> None:
    finder = CopyFinder()
    assert finder.add("a", TEXT) is None
    assert finder.add("b", TEXT.replace("Wednesday", "Wednesday evening")) == "a"
    assert (
        finder.add("c", "Rescue teams searched the Varna grain terminal for missing dock workers today.")
        is None
    )
    assert len(finder) == 3


def test_the_earliest_original_is_named() -> None:
    finder = CopyFinder()
    finder.add("first", TEXT)
    finder.add("second", TEXT + " More later.")
    assert finder.add("third", TEXT + " Updated.") == "first"


def test_too_few_words_are_never_a_copy() -> None:
    finder = CopyFinder()
    finder.add("a", "Fares rise")
    assert finder.add("b", "Fares rise") is None


@pytest.mark.parametrize("threshold", [0.0, 1.0, -1.0])
def test_a_threshold_outside_zero_to_one_is_refused(threshold: float) -> None:
    with pytest.raises(UsageError):
        CopyFinder(threshold)


def _drafts(count: int, seed: int) -> list[str]:
    """Made-up texts from a small vocabulary, about a third of them edited copies of an earlier one."""
    rng = random.Random(seed)
    vocabulary = [f"{stem}{ending}" for stem in ("harb", "tolv", "mer", "quin", "dask") for ending in "aeiou"]
    drafts: list[str] = []
    for _ in range(count):
        if drafts and rng.random() < 0.35:
            words = rng.choice(drafts).split()
            cut = rng.randrange(len(words) - 3, len(words) + 1)
            drafts.append(" ".join(words[:cut] + rng.choices(vocabulary, k=rng.randrange(0, 4))))
        else:
            drafts.append(" ".join(rng.choices(vocabulary, k=rng.randrange(3, 40))))
    return drafts


def test_the_copies_named_are_the_earliest_that_datasketch_lsh_returns() -> None:
    # The finder keeps only each bucket's earliest article; datasketch's index keeps them all. The answer
    # must be the same: the earliest article of everything datasketch's query returns.
    finder = CopyFinder()
    reference = MinHashLSH(threshold=DEFAULT_THRESHOLD, num_perm=DEFAULT_PERMUTATIONS)
    order: dict[str, int] = {}
    named = 0
    for number, text in enumerate(_drafts(400, seed=3)):
        key = f"d{number}"
        signature = finder._signature(text)
        expected = None
        if signature is not None:
            found = reference.query(signature)
            expected = min(found, key=order.__getitem__) if found else None
            reference.insert(key, signature)
            order[key] = number
        assert finder.add(key, text) == expected
        named += expected is not None
    assert named > 50  # the drafts hold many copies: the comparison means something


def test_a_finder_rebuilt_from_its_state_names_the_same_copies() -> None:
    drafts = _drafts(120, seed=5)
    whole, paused = CopyFinder(), CopyFinder()
    for number, text in enumerate(drafts[:60]):
        whole.add(f"d{number}", text)
        paused.add(f"d{number}", text)
    resumed = CopyFinder.from_state(json.loads(json.dumps(paused.to_state())))
    for number, text in enumerate(drafts[60:], start=60):
        assert resumed.add(f"d{number}", text) == whole.add(f"d{number}", text)
