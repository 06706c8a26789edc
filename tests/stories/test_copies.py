from __future__ import annotations

import pytest

from dossier.errors import UsageError
from dossier.stories.copies import CopyFinder

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
