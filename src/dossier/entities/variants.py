"""Two spellings of one person's full name in a story: "Fred Roe" and "Frederick Roe", a typo.

A story's articles spell a name their own way: one writes the short form of
the given name ("Fred", "Alex"), another the whole ("Frederick",
"Alexandros"); one slips a letter ("Jermaine" and "Jermayne"). Two full
names are one person's when they share one word exactly and the other word

* is a short form: it begins the other and is at least three letters, the
  whole at least two letters longer ("Fred" in "Frederick", not "Dan" and
  "Dana", who may be sisters); or
* differs by one letter added, dropped, changed or swapped, in a word of six
  letters or more ("Jermayne", "Jerymayne"): short names differ by a letter
  and still belong to different people ("Ana", "Ann").

A name is folded only when exactly one other name fits it, and into the one
with more mentions (the spelling most articles use): with two candidates, a
family ("Fred Roe", "Freda Roe") stays apart.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

Key = tuple[str, ...]

_SHORT_FORM_MIN = 3
_SHORT_FORM_GAP = 2
_TYPO_MIN = 6


def name_variants(people: Mapping[Key, tuple[tuple[str, str], int]]) -> dict[Key, Key]:
    """Key -> the key of the spelling it folds into.

    ``people`` maps each full-name key to its (given name, surname), case-folded, and its mention count.
    """
    by_word: defaultdict[tuple[int, str], list[Key]] = defaultdict(list)
    for key, ((given, surname), _) in sorted(people.items()):
        by_word[(0, given)].append(key)
        by_word[(1, surname)].append(key)
    fits: defaultdict[Key, set[Key]] = defaultdict(set)
    for (shared, _), keys in sorted(by_word.items()):
        differing = 1 - shared
        for position, first in enumerate(keys):
            for second in keys[position + 1 :]:
                if same_name_word(people[first][0][differing], people[second][0][differing]):
                    fits[first].add(second)
                    fits[second].add(first)
    folded: dict[Key, Key] = {}
    for key, others in sorted(fits.items()):
        if len(others) != 1:
            continue
        other = next(iter(others))
        if len(fits[other]) != 1:
            continue
        if (people[key][1], key) < (people[other][1], other):
            folded[key] = other
    return folded


def same_name_word(first: str, second: str) -> bool:
    """Whether two different words of a name are one name spelled two ways (a short form, a typo)."""
    if first == second:
        return False
    short, long = sorted((first, second), key=len)
    if len(short) >= _SHORT_FORM_MIN and len(long) - len(short) >= _SHORT_FORM_GAP and long.startswith(short):
        return True
    return len(short) >= _TYPO_MIN and _one_edit_apart(short, long)


def _one_edit_apart(short: str, long: str) -> bool:
    """One letter added, dropped, changed, or two neighbours swapped; ``short`` is not longer."""
    if len(long) - len(short) > 1:
        return False
    if len(long) == len(short):
        diffs = [at for at in range(len(short)) if short[at] != long[at]]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and short[diffs[0]] == long[diffs[1]]
            and short[diffs[1]] == long[diffs[0]]
        )
    at = next((at for at in range(len(short)) if short[at] != long[at]), len(short))
    return short[at:] == long[at + 1 :]
