"""Two spellings of one name in a story: "Fred Roe" and "Frederick Roe", "Mt Lisk" and "Mount Lisk", a typo.

A story's articles spell a name their own way: one writes the short form of
the given name ("Fred", "Alex"), another the whole ("Frederick",
"Alexandros"); one slips a letter ("Jermaine" and "Jermayne"). Two full
names are one person's when they share one word exactly and the other word

* is a short form: it begins the other and is at least three letters, the
  whole at least two letters longer ("Fred" in "Frederick", not "Dan" and
  "Dana", who may be sisters); or
* differs by one letter added, dropped, changed or swapped, in a word of six
  letters or more ("Jermayne", "Jerymayne"): short names differ by a letter
  and still belong to different people ("Ana", "Ann"); or
* is the surname, four letters or more, and differs so after the same first
  letter ("Ian Rait", "Ian Raite"): the given name shared, that is a slip; or
* is the given name and its pet form: the whole name's opening and "ie",
  "y" or "i" ("Katie" and "Kathryn", "Danny" and "Daniel"); or
* is the given name and a familiar form of it that no rule of spelling
  finds, from the gazetteer's short table ("Bill" and "William", "Peggy"
  and "Margaret"); or
* is the given name, four letters or more, with one letter written twice
  ("Hasib" and "Hassib"): a transliteration or a slip, where a letter
  changed would be another name ("Eric", "Erica").

A name is folded only when exactly one other name fits it, and into the one
with more mentions (the spelling most articles use): with two candidates, a
family ("Fred Roe", "Freda Roe") stays apart. Spellings that fit one another
only by slips, in a chain ("Shahzad", "Shehzad", "Shezhad": transliterations
of one name, each a letter from the next), are one person when one spelling
is written more often than each other and each other at most twice: a
family's members are each named more often than that.

Other names (places, organizations...) are one when they read the same with
the usual abbreviations written out (a country's initials too: "U.S. Lisk Office"), a body's
field before its head ("Ministry of Fish", "Fish Ministry") and hyphens as spaces ("Mt Lisk",
"Mount Lisk"; "Lisk-Arena", "Lisk Arena"; "Harbour Centre", "Harbour
Center"), or when a name of ten letters or more differs from exactly one
other of its type by one letter and not in a digit ("Gulf of Adan"). A place
of care is one institution under the words writers swap after its name
("Harrow Lane Center", "Harrow Lane Clinic", "Harrow Lane Treatment Center"),
when two or more words of its own name are left.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping

from dossier.briefing import EntityType
from dossier.entities.gazetteer import country_for_name, is_familiar_form

Key = tuple[str, ...]

_SHORT_FORM_MIN = 3
_SHORT_FORM_GAP = 2
_TYPO_MIN = 6
_SURNAME_SLIP_MIN = 4


def name_variants(
    people: Mapping[Key, tuple[tuple[str, str], int]], apart: frozenset[frozenset[Key]] = frozenset()
) -> dict[Key, Key]:
    """Key -> the key of the spelling it folds into.

    ``people`` maps each full-name key to its (given name, surname), case-folded, and its mention count;
    ``apart`` holds pairs of names the story shows to be two people of one family ("Deputy Jerry
    Roe" and "his stepson, Jeremy Roe"). Such a pair is joined by a typo only, never by another
    form of the given name: a family shares the surname, and its members' given names may share
    a short form.
    """
    by_word: defaultdict[tuple[int, str], list[Key]] = defaultdict(list)
    for key, ((given, surname), _) in sorted(people.items()):
        by_word[(0, given)].append(key)
        by_word[(1, surname)].append(key)
    fits: defaultdict[Key, set[Key]] = defaultdict(set)
    slips: set[frozenset[Key]] = set()
    for (shared, _), keys in sorted(by_word.items()):
        differing = 1 - shared
        for position, first in enumerate(keys):
            for second in keys[position + 1 :]:
                one_word, other_word = people[first][0][differing], people[second][0][differing]
                slip = _slip(one_word, other_word, surname=differing == 1)
                if differing == 0 and frozenset({first, second}) in apart and not slip:
                    continue
                if slip:
                    slips.add(frozenset({first, second}))
                if (
                    slip
                    or same_name_word(one_word, other_word)
                    or (differing == 0 and _pet_form(one_word, other_word))
                    or (differing == 0 and is_familiar_form(one_word, other_word))
                ):
                    fits[first].add(second)
                    fits[second].add(first)
    folded = _slip_chains(people, fits, slips)
    for key, others in sorted(fits.items()):
        if len(others) != 1:
            continue
        other = next(iter(others))
        if len(fits[other]) != 1:
            continue
        if (people[key][1], key) < (people[other][1], other):
            folded[key] = other
    return folded


def _slip(first: str, second: str, surname: bool) -> bool:
    """Whether two different words are one word of a name with a slip: a letter apart in six
    letters or more; in a surname four or more after the same first letter; in a given name
    also one letter written twice."""
    if surname:
        return _typo(first, second) or _surname_slip(first, second)
    return spelling_slip(first, second)


#: How often a spelling in a chain of slips may be written and still be taken for a slip.
_CHAIN_SLIP_MAX = 2


def _slip_chains(
    people: Mapping[Key, tuple[tuple[str, str], int]],
    fits: Mapping[Key, set[Key]],
    slips: set[frozenset[Key]],
) -> dict[Key, Key]:
    """Key -> the story's spelling, for three or more names that fit one another only by slips.

    Each must fit nothing but by a slip (a short or pet form is a family's other member as
    often as not), and each but the most mentioned must be written less often than it and
    at most twice.
    """
    only_slips = sorted(
        key for key, others in fits.items() if all(frozenset({key, other}) in slips for other in others)
    )
    seen: set[Key] = set()
    folded: dict[Key, Key] = {}
    for start in only_slips:
        if start in seen:
            continue
        chain, todo = {start}, [start]
        while todo:
            for other in fits[todo.pop()]:
                if other not in chain:
                    chain.add(other)
                    todo.append(other)
        seen |= chain
        if len(chain) < 3 or not chain <= set(only_slips):
            continue
        main = max(chain, key=lambda key: (people[key][1], key))
        rare = (people[key][1] for key in chain - {main})
        if all(count <= _CHAIN_SLIP_MAX and count < people[main][1] for count in rare):
            folded.update((key, main) for key in sorted(chain - {main}))
    return folded


def spelling_slip(first: str, second: str) -> bool:
    """Whether two different words of a name are one spelled with a slip: a letter apart in six
    letters or more, or one letter written twice in four or more ("siddique", "sidique")."""
    return _typo(first, second) or _doubled_letter(first, second)


#: How long a given name must be for one letter written twice to be a slip: "Ana" and "Anna" are two.
_DOUBLED_MIN = 4


def _doubled_letter(first: str, second: str) -> bool:
    """Whether one word is the other with one letter written twice ("hasib", "hassib"), the
    shorter four letters or more."""
    short, long = sorted((first, second), key=len)
    if len(short) < _DOUBLED_MIN or len(long) != len(short) + 1:
        return False
    at = next((at for at in range(len(short)) if short[at] != long[at]), len(short))
    return at > 0 and long[at] == long[at - 1] and short[at:] == long[at + 1 :]


def given_name_forms(first: str, second: str) -> bool:
    """Whether two different given names are forms of one: a short form, a pet form, a familiar
    form from the gazetteer ("theo", "theodore"; "katie", "kathryn"; "bill", "william")."""
    return same_name_word(first, second) or _pet_form(first, second) or is_familiar_form(first, second)


def same_name_word(first: str, second: str) -> bool:
    """Whether two different words of a name are one name spelled two ways (a short form, a typo)."""
    if first == second:
        return False
    short, long = sorted((first, second), key=len)
    if len(short) >= _SHORT_FORM_MIN and len(long) - len(short) >= _SHORT_FORM_GAP and long.startswith(short):
        return True
    return _typo(short, long)


def _typo(first: str, second: str) -> bool:
    """Whether two words of six letters or more are a letter apart (a slip, not another name)."""
    short, long = sorted((first, second), key=len)
    return len(short) >= _TYPO_MIN and _one_edit_apart(short, long)


#: Endings of a given name's pet form: "Katie" for "Kathryn", "Danny" for "Daniel".
_PET_ENDINGS = ("ie", "y", "i")
#: How many letters the whole name runs past the pet form's opening: "Julie" is not "Julia".
_PET_GAP = 3


def _pet_form(first: str, second: str) -> bool:
    """Whether one given name is the other's pet form: its opening (three letters or more, a
    doubled last consonant written once) and "ie", "y" or "i" ("Katie", "Kathryn"; "Danny", "Daniel"),
    the whole three letters or more longer than that opening ("Julie" and "Julia" are two names)."""
    for pet, whole in ((first, second), (second, first)):
        ending = next((end for end in _PET_ENDINGS if pet.endswith(end)), None)
        if ending is None:
            continue
        stem = pet[: -len(ending)]
        if len(stem) >= 4 and stem[-1] == stem[-2]:
            stem = stem[:-1]
        if len(stem) >= _SHORT_FORM_MIN and whole.startswith(stem) and len(whole) - len(stem) >= _PET_GAP:
            return True
    return False


def _surname_slip(first: str, second: str) -> bool:
    """Two surnames of four letters or more, a letter apart after the same first letter ("Rait", "Raite").

    With the given name the same, a slip in a shorter word is still a slip: unlike
    "Ana" and "Ann" Roe, two people who share a given name and whose surnames differ
    by one letter are seldom in one story.
    """
    short, long = sorted((first, second), key=len)
    return (
        first != second
        and len(short) >= _SURNAME_SLIP_MIN
        and short[0] == long[0]
        and _one_edit_apart(short, long)
    )


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


#: Abbreviations that open a name, and spellings that differ between English-speaking countries.
#: ("St." opening a name is "Saint": "St. Lisk College" is "Saint Lisk College"; the "Street" it
#: also abbreviates closes a name, and only an opening word is written out.)
_WRITTEN_OUT = {
    "mt": "mount", "mt.": "mount", "ft": "fort", "ft.": "fort", "pt": "point", "pt.": "point",
    "st": "saint", "st.": "saint",
}  # fmt: skip
_SPELLINGS = {
    "centre": "center",
    "theatre": "theater",
    "harbour": "harbor",
    "defence": "defense",
    "programme": "program",
    "organisation": "organization",
}
_TYPO_NAME_MIN = 10


def other_name_variants(names: Mapping[Key, tuple[EntityType, str, int]]) -> dict[Key, Key]:
    """Key -> the key of the spelling it folds into, for names other than people's.

    ``names`` maps each key to its type, its case-folded name and its mention count.
    """
    groups: dict[tuple[EntityType, str], list[Key]] = {}
    for key, (kind, name, _) in sorted(names.items()):
        groups.setdefault((kind, normalised(_HYPHENS.sub(" ", name), kind)), []).append(key)
    folded: dict[Key, Key] = {}
    kept: dict[Key, tuple[EntityType, str, int]] = {}
    for (kind, normal), keys in sorted(groups.items()):
        main = max(keys, key=lambda key: (names[key][2], key))
        folded.update((key, main) for key in keys if key != main)
        kept[main] = (kind, normal, sum(names[key][2] for key in keys))
    kept = _fold_institution_wording(kept, folded)
    by_type: dict[EntityType, list[Key]] = {}
    for key, (kind, normal, _) in sorted(kept.items()):
        if len(normal.replace(" ", "")) >= _TYPO_NAME_MIN:
            by_type.setdefault(kind, []).append(key)
    fits: dict[Key, set[Key]] = {}
    for keys in by_type.values():
        for position, first in enumerate(keys):
            for second in keys[position + 1 :]:
                if _typo_of(kept[first][1], kept[second][1]):
                    fits.setdefault(first, set()).add(second)
                    fits.setdefault(second, set()).add(first)
    for key, others in sorted(fits.items()):
        other = next(iter(others))
        if len(others) == 1 and len(fits[other]) == 1 and (kept[key][2], key) < (kept[other][2], other):
            folded[key] = other
            folded.update((short, other) for short, main in list(folded.items()) if main == key)
    return folded


_HYPHENS = re.compile(r"[-‐–]")

#: Words a place of care or treatment is called by, that writers swap freely after its name:
#: "Harrow Lane Center", "Harrow Lane Clinic", "Harrow Lane Treatment Centre".
_INSTITUTION_HEADS = frozenset({"center", "clinic", "hospital", "facility", "institute"})
_INSTITUTION_WORDS = _INSTITUTION_HEADS | frozenset(
    {"treatment", "medical", "rehabilitation", "rehab", "recovery", "health", "care", "detox", "psychiatric"}
)


def institution_core(normal: str) -> str | None:
    """The name of an institution without the closing words for its kind ("harrow lane" for
    "harrow lane treatment center"), when it ends in such a word and two or more words are left.

    One word left ("lisk" of "Lisk Hospital", "Lisk Clinic") is often a town's name, and a town
    may have a hospital and a clinic; two words are the institution's own name.
    """
    words = normal.split()
    if not words or words[-1] not in _INSTITUTION_HEADS:
        return None
    while words and words[-1] in _INSTITUTION_WORDS:
        words.pop()
    return " ".join(words) if len(words) >= 2 else None


def _fold_institution_wording(
    kept: dict[Key, tuple[EntityType, str, int]], folded: dict[Key, Key]
) -> dict[Key, tuple[EntityType, str, int]]:
    """Names of one type that differ only in the words for an institution's kind go into the one
    most mentioned ("Harrow Lane Clinic" into "Harrow Lane Center"); ``folded`` gains them."""
    groups: dict[tuple[EntityType, str], list[Key]] = {}
    for key, (kind, normal, _) in sorted(kept.items()):
        core = institution_core(normal)
        if core is not None:
            groups.setdefault((kind, core), []).append(key)
    result = dict(kept)
    for keys in groups.values():
        if len(keys) < 2:
            continue
        main = max(keys, key=lambda key: (kept[key][2], key))
        for key in keys:
            if key != main:
                folded[key] = main
                folded.update((short, main) for short, target in list(folded.items()) if target == key)
                del result[key]
        kind, normal, _ = kept[main]
        result[main] = (kind, normal, sum(kept[key][2] for key in keys))
    return result


#: Words that close a firm's name and say only what kind of company it is: "Lisk Foods Inc." is "Lisk Foods".
_COMPANY_DESIGNATORS = frozenset(
    {"corp", "corporation", "inc", "incorporated", "ltd", "limited", "plc", "llc", "co", "ag", "gmbh"}
)


def plain(text: str) -> str:
    """``text`` without diacritics and with one apostrophe: outlets write "Chávez" and "Chavez",
    "O’Neal" and "O'Neal" for one name."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return unicodedata.normalize(
        "NFC", "".join(char for char in decomposed if not unicodedata.combining(char))
    )


def normalised(name: str, kind: EntityType | None = None, *, opens_in_capitals: bool = False) -> str:
    """A case-folded name with an opening abbreviation written out (a country's initials too, bare
    ones where the name ``opens_in_capitals``: "u.s. navy", "US Navy" are "united states navy")
    and one spelling of each word;
    an organization's also without a closing company designator ("Corp.", "Inc", "Plc"): a firm
    goes by its name with or without it. (Only an organization's: "Lisk Co." may be a county.)

    Hyphens stay: "Lisk-Velmar Rumour" is not a longer name opening with "Lisk".
    """
    words = name.split()
    if words and words[0] in _WRITTEN_OUT:
        words[0] = _WRITTEN_OUT[words[0]]
    elif words:
        words = _country_initials_written_out(words, opens_in_capitals)
    if kind in ("organization", "other"):
        words = _head_of_written_first(words)
    while kind == "organization" and len(words) > 1 and words[-1].rstrip(".,") in _COMPANY_DESIGNATORS:
        words.pop()
        while len(words) > 1 and words[-1] in {"&", "and"}:
            words.pop()
        words[-1] = words[-1].rstrip(",")
    return " ".join(_SPELLINGS.get(word, word) for word in words)


#: Heads of a government body that news writes before its field with "of" or after it: "Ministry
#: of Health" and "Health Ministry", "Department of the Interior" and "Interior Department".
_FIELD_HEADS = frozenset({"ministry", "department"})
_FIELD_WORDS_MAX = 3


def _head_of_written_first(words: list[str]) -> list[str]:
    """A body's name as "<field> <head>": "ministry of health" is "health ministry", "lisk ministry
    of health" "lisk health ministry" (only a field of up to three words with no other "of" in
    it: "Department of Health and Welfare", not "Ministry of Culture of Lisk", which may be
    another country's).
    """
    at = next((i for i, word in enumerate(words[:-2]) if word in _FIELD_HEADS and words[i + 1] == "of"), None)
    if at is None:
        return words
    field = words[at + 3 :] if words[at + 2] == "the" else words[at + 2 :]
    if not field or len(field) > _FIELD_WORDS_MAX or any(word in ("of", "for", "in") for word in field):
        return words
    return [*words[:at], *field, words[at]]


def _country_initials_written_out(words: list[str], opens_in_capitals: bool) -> list[str]:
    """The words of a name with a country's initials that open it written out: "u.s. geological
    survey", "u. s. geological survey" and "us geological survey" are "united states geological
    survey". Initials only: dotted, or of three letters at most where the name was written with
    them in capitals ("US Navy", not the magazine "Us Weekly")."""
    opening = 0
    while opening < len(words) - 1 and _SPACED_INITIAL.fullmatch(words[opening]):
        opening += 1  # "u. s.": initials spaced out
    initials = "".join(words[:opening]) if opening > 1 else words[0]
    size = opening if opening > 1 else 1
    written_as_initials = "." in initials or (opens_in_capitals and len(initials) <= _BARE_INITIALS_MAX)
    if len(words) <= size or not written_as_initials:
        return words
    country = country_for_name(initials) or country_for_name(initials + ".")
    return [*country.casefold().split(), *words[size:]] if country else words


_SPACED_INITIAL = re.compile(r"[^\W\d_]\.")
_BARE_INITIALS_MAX = 3


def _typo_of(first: str, second: str) -> bool:
    short, long = sorted((first, second), key=len)
    digits = [char for char in short if char.isdigit()] == [char for char in long if char.isdigit()]
    return digits and short != long and _one_edit_apart(short, long) and not _numbered_apart(short, long)


#: A Roman numeral, as the words of a name write it case-folded: "ii", "xxix", "xliii".
_ROMAN_NUMERAL = re.compile(r"(?=[mdclxvi])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")


def _numbered_apart(first: str, second: str) -> bool:
    """Whether two names differ in a Roman numeral ("Games of the XXIX Olympiad" and "... XXX
    ...", "World War I" and "World War II"): two of a series, as numbers in digits are."""
    return any(
        one != other
        and _ROMAN_NUMERAL.fullmatch(one) is not None
        and _ROMAN_NUMERAL.fullmatch(other) is not None
        for one, other in zip(first.split(), second.split(), strict=False)
    )
