"""Short names that stand for one longer name of the story: "Red Sox" for "Boston Red Sox".

News names an organization or a place in full once and shortens it after:
"the Indian Navy" then "the Navy", "Staunton Police Department" then
"Staunton Police", "Marfin Bank" then "the bank". A person is named in full
and later with a word in front that the recognizer took into the name
("Coroner Ana Roe", "Striker Ana Roe").

* Organizations and other names: a name whose words open or close a
  longer name of the same type ("Red Sox", "Boston Red" are in "Boston Red
  Sox") stands for it when it is the only such longer name in the story.
  Longer names are settled first, so a chain ("Morningside" -> "Morningside
  Recovery" -> "Morningside Recovery Center") ends at the longest name. With
  several such longer names, those whose head it is come first ("Academy" is
  the head of "Academy of Lisk Arts", a mere modifier in "Academy Awards");
  among those, it stands for the one the story names three times as often as
  all the others together, if one is.
  A name that opens a longer one whose further words hold a head noun of their
  own ("Committee", "Fund", "Flight", "Prologue", "Police") is that longer name's modifier,
  not its short form: the "Senate" is not its "Senate Budget Committee", nor a town
  its "Lisk Police Department".
  Names are compared as :func:`.variants.normalised` spells them ("Mt", "Centre").
  A name is not the short form of a longer one where it follows a preposition, a comma
  or a list's "and" in it ("Lisk" in "Opera Hall in Lisk", "Lisk Yuan" in "Council of
  Lisk Yuan", "Herons" in "Gulls and Herons"), nor where it opens a list ("Gulls"), and a
  name the story writes so is a thing of its own that opens no longer name as its short
  form; a numbered part of a text ("Section 7 of the Lisk Act") still cites the text. An
  acronym ("LBC") opens a longer name as its short form only before a designation ("LBC
  News"), not a programme's or a branch's name ("LBC Evening Bulletin"). A bare legislative
  chamber ("the House") stands only for that chamber of a country ("U.S. House"), not for
  the "White House" nor a state's "Lisk Senate".
* Places: only a name without its geographic noun ("the Mediterranean" for
  "Mediterranean Sea", "Lisk" for "Lisk River" when no other place is "Lisk"
  plus such a noun) or its division's ("Lisk" for "Lisk Province"); a city is not
  its region ("Kansas", "Kansas City"), nor a county named for it ("Lisk County").
* People: a full name of three or more words whose last two or more words are
  another person's full name ("Coroner Ana Roe" and "Ana Roe"), or whose first two or
  more words are ("Ana Roe Signs Deal" in a headline), is that person,
  when exactly one person fits; so is an initial and a surname ("A. Roe")
  when exactly one person of that surname has a given name or a middle
  initial with that letter ("Ana Roe", "Jo A. Roe").

* Across types: the recognizer may call a team, a firm or a person's surname
  something else in one place ("Saints" a person, "New Orleans Saints" an
  organization; "Lo Presti" an organization, "Gaetano Lo Presti" a person).
  A name left unfolded whose words close exactly one longer name of the story,
  of any type, stands for it when that name's type differs: a place or any
  one-word name never goes into a person (a town named after someone is not
  that someone; people's surnames are linked by the person rules), a person's
  full name never goes into another type's name (the recognizer glued a team
  and a title to it: "Lisk Gulls QB Ana Roe"), and a name after "of", "in", "at"
  or a comma ("University of Lisk", "Cathedral in Lisk") is not the longer name's
  short form.

* A one-word "person" that no person's name of the story holds, and that opens
  exactly one organization's or other name ("Harrowgate" and "Harrowgate
  Recovery Centre"), is that body: the tagger took a lone word for a surname.
  Failing that, one that closes exactly one longer name of another type ("Gulls"
  and "Lisk Gulls", whatever type the tagger gave the team) and stands in no other
  is that name: a word two names hold ("Police") is a common noun of names.

* A place the story never writes where a place stands that is the one firm's name without
  its designator or its line of business ("Lisk" and "Lisk Computer Inc.") is that firm: the
  tagger reads a firm's bare name as a place.

With two or more candidates nothing is folded: guessing would merge two
different things. Country names are folded by the gazetteer, never here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet

from dossier.briefing import EntityType
from dossier.entities.gazetteer import PLACE_OPENERS, is_place_word, is_press_shaped

Key = tuple[str, ...]


def contained_names(
    names: Mapping[Key, tuple[EntityType, tuple[str, ...]]],
    weights: Mapping[Key, int] | None = None,
    acronyms: AbstractSet[Key] = frozenset(),
    located: AbstractSet[Key] = frozenset(),
) -> dict[Key, Key]:
    """Short key -> the key of the longer name it stands for.

    ``names`` maps each entity key to its type and the words of its canonical
    (case-folded) name; ``weights`` its number of mentions (the story's
    dominant bearer of a short organization name, see :func:`_dominant`);
    ``acronyms`` the keys of names written as an acronym ("BBC"), which open a
    longer name only as its short form when what follows is a mere designation;
    ``located`` the keys of names the story writes where a place stands ("in
    Lisk"): such a place goes into no other type's name unless that name is
    written so too.
    Every target is itself never folded further.
    """
    folded: dict[Key, Key] = {}
    by_type: defaultdict[EntityType, list[tuple[Key, tuple[str, ...]]]] = defaultdict(list)
    for key, (kind, words) in sorted(names.items()):
        by_type[_GROUPS.get(kind, kind)].append((key, words))
    for kind, entries in sorted(by_type.items()):
        if kind == "person":
            folded.update(_people(entries))
        elif kind == "place":
            folded.update(_places(entries))
        else:
            folded.update(_other_names(entries, weights or {}, acronyms, _places_of(names)))
    folded.update(_across_types(names, folded, located))
    folded.update(_stray_people(names, folded))
    folded.update(_firms_read_as_places(names, folded, located))
    return folded


#: Words for a line of business that close a firm's name after the words it goes by: "Lisk
#: Computer", "Lisk Motors", "Lisk Technologies". (Not "airlines", "bank" nor "energy": those are
#: as often named after the place they serve, "Lisk Airlines" beside the city of Lisk.)
_FIRM_WORDS = frozenset(
    {
        "computer", "computers", "technologies", "technology", "systems", "networks", "software",
        "electronics", "motors", "pharmaceuticals", "communications", "industries", "holdings",
        "labs", "laboratories", "semiconductor", "semiconductors", "dynamics", "instruments",
        "solutions", "therapeutics", "robotics", "micro", "devices",
    }
)  # fmt: skip


def _firms_read_as_places(
    names: Mapping[Key, tuple[EntityType, tuple[str, ...]]],
    folded: Mapping[Key, Key],
    located: AbstractSet[Key],
) -> dict[Key, Key]:
    """Places that are the short name of exactly one firm of the story ("Lisk" for "Lisk
    Computer Inc.", "Lisk Technologies"): the tagger reads a firm's bare name as a place.

    Only a name the story never writes where a place stands ("in Lisk"), and only a firm whose
    other words are a company designator (dropped from its name before) or a line of business
    (:data:`_FIRM_WORDS`): "Lisk Gulls" is a team of the city, "Lisk Trust" may be its charity.
    """
    targets = set(folded.values())
    firms: defaultdict[tuple[str, ...], set[Key]] = defaultdict(set)
    for key, (kind, words) in sorted(names.items()):
        if kind != "organization" or key in folded:
            continue
        for size in range(1, len(words) + 1):
            if _FIRM_WORDS.issuperset(words[size:]):
                firms[words[:size]].add(key)
    found: dict[Key, Key] = {}
    for key, (kind, words) in sorted(names.items()):
        if kind != "place" or key in folded or key in targets or key in located:
            continue
        candidates = firms.get(words, set())
        if len(candidates) == 1:
            found[key] = next(iter(candidates))
    return found


#: Types whose short names fold into one another's longer names ("Lisk Clinic" read as an
#: organization in one place, a facility in another): the recognizer's line between them is loose.
_GROUPS: dict[EntityType, EntityType] = {"other": "organization"}

#: Nouns for a kind of natural place that news often leaves off its name: "the Mediterranean".
_GEOGRAPHIC_NOUNS = frozenset(
    {"sea", "ocean", "river", "island", "islands", "mountains", "peninsula", "desert", "strait"}
)


#: Nouns for a division of a country that news writes after its name or leaves off: "the Lisk
#: region", "Lisk Province". (Not "county" nor "city": a county is often named for its seat, "Lisk
#: County" and the town "Lisk", as "Lisk City" is not the state "Lisk".)
_DIVISION_NOUNS = frozenset({"province", "region", "prefecture"})


def _places(entries: list[tuple[Key, tuple[str, ...]]]) -> dict[Key, Key]:
    """A place named without its geographic noun ("Mediterranean") or the noun of its kind of
    division ("Lisk" for "Lisk Province") is the one named with it."""
    with_noun: defaultdict[tuple[str, ...], set[Key]] = defaultdict(set)
    for key, words in entries:
        if len(words) >= 2 and (words[-1] in _GEOGRAPHIC_NOUNS or words[-1] in _DIVISION_NOUNS):
            with_noun[words[:-1]].add(key)
    found: dict[Key, Key] = {}
    for key, words in entries:
        targets = with_noun.get(words, set())
        if len(targets) == 1:
            found[key] = next(iter(targets))
    return found


#: "Of" in English and in the languages whose names news keeps: "Academia del Mar", "Institut des Lacs".
_OF_WORDS = frozenset({"of", "de", "del", "della", "di", "du", "des"})

#: Words after which a name is part of a longer one, not its short form: "University of Lisk".
_JOINING_WORDS = _OF_WORDS | {"and", "&", "for", "the"}


def _across_types(
    names: Mapping[Key, tuple[EntityType, tuple[str, ...]]],
    folded: Mapping[Key, Key],
    located: AbstractSet[Key] = frozenset(),
) -> dict[Key, Key]:
    """Short names, of any type, that close exactly one longer name of another type."""
    targets = set(folded.values())
    known = {words for _, words in names.values()}
    closing: defaultdict[tuple[str, ...], set[Key]] = defaultdict(set)
    for key, (_, words) in sorted(names.items()):
        if key in folded:
            continue
        for size in range(1, len(words)):
            if not _object_follows(words, size, known):
                closing[words[-size:]].add(key)
    found: dict[Key, Key] = {}
    for key, (kind, words) in sorted(names.items()):
        if key in folded or key in targets:
            continue
        longer = closing.get(words, set())
        if len(longer) != 1:
            continue
        target = next(iter(longer))
        if kind == "place" and key in located and target not in located:
            continue  # a place indeed ("in Lisk"), not the end of a body's name ("Lisk Radio Lisk")
        target_kind = names[target][0]
        if target_kind == kind or target_kind == "place":
            continue
        if target_kind == "person" and (kind == "place" or len(words) < 2):
            continue
        if kind == "person" and len(words) >= 2:
            continue  # a full name glued to the end of a team's ("Lisk Gulls QB Ana Roe") is the person
        found[key] = target
    return found


def _stray_people(
    names: Mapping[Key, tuple[EntityType, tuple[str, ...]]], folded: Mapping[Key, Key]
) -> dict[Key, Key]:
    """One-word "people" that open exactly one organization's or other name and no person's.

    The tagger takes a lone capitalised word for a surname ("Harrowgate said in
    a statement"); when no person of the story has that word in their name and
    one body's name opens with it ("Harrowgate Recovery Centre"), it is that body. Not a body
    whose further words are a name of its own of the story ("Roe Harbour Office" beside "Harbour
    Office"): the word before it says whose the office is, a person's surname. Failing that, one
    that closes exactly one longer name of another type and stands in no other ("Gulls" and "Lisk
    Gulls"; not "Police" beside "Lisk Police" and "Orr Police Department") is that name.
    """
    targets = set(folded.values())
    things = {words for kind, words in names.values() if kind != "person"}
    # Not the words of a name folded into another person's ("Gulls Ana Roe" into "Ana Roe"): "Gulls"
    # was glued to her name, it is none of hers.
    in_people = {
        word
        for key, (kind, words) in names.items()
        if kind == "person" and len(words) > 1 and key not in folded
        for word in words
    }
    opening: defaultdict[str, set[Key]] = defaultdict(set)
    closing: defaultdict[str, set[Key]] = defaultdict(set)
    # A word that two longer names hold, wherever it stands in them ("Police" in "Lisk Police" and
    # "Lisk Police Department"), is a common noun of names, no one team's nickname.
    holding: defaultdict[str, set[Key]] = defaultdict(set)
    for key, (kind, words) in sorted(names.items()):
        if kind == "person" or len(words) < 2 or key in folded:
            continue
        # A newspaper's name opens with its city ("Lisk Herald"): the city is not the paper.
        if (
            kind in ("organization", "other")
            and not is_press_shaped(" ".join(words))
            and words[1:] not in things
        ):
            opening[words[0]].add(key)
        # "Gulls" closes "Lisk Gulls" (whatever type the tagger gave the team), not "Port of Gulls"
        # nor "Lake Gulls": a lone word is no short name of a natural place.
        if words[-2] not in _JOINING_WORDS and words[0] not in PLACE_OPENERS:
            closing[words[-1]].add(key)
        for word in words:
            holding[word].add(key)
    found: dict[Key, Key] = {}
    for key, (kind, words) in sorted(names.items()):
        if kind != "person" or len(words) != 1 or key in folded or key in targets or words[0] in in_people:
            continue
        longer = {
            target for target in opening.get(words[0], set()) if _may_stand_for(words, names[target][1])
        }
        if len(longer) == 1:
            found[key] = next(iter(longer))
        elif not longer and len(closing.get(words[0], set())) == 1 and len(holding[words[0]]) == 1:
            found[key] = next(iter(closing[words[0]]))
    return found


def _other_names(
    entries: list[tuple[Key, tuple[str, ...]]],
    weights: Mapping[Key, int],
    acronyms: AbstractSet[Key],
    places: AbstractSet[tuple[str, ...]],
) -> dict[Key, Key]:
    # Longest first: a name is folded into a longer one only if that one stays.
    ordered = sorted(entries, key=lambda entry: (-len(entry[1]), entry[0]))
    edges: dict[tuple[str, ...], set[Key]] = defaultdict(set)
    folded: dict[Key, Key] = {}
    full_words = dict(entries)
    known = set(full_words.values())
    objects = _objects_of_names(full_words.values(), known)
    for key, words in ordered:
        candidates = {
            target
            for target in edges.get(words, set())
            if _may_stand_for(words, full_words[target], acronym=key in acronyms, places=places)
            # A thing of its own ("Lisk Academy" in "Review of the Lisk Academy") is not the
            # short form of a longer name it merely opens ("Lisk Academy Press").
            and (words not in objects or _closes(words, full_words[target]))
        }
        headed = {target for target in candidates if _is_head_of(words, full_words[target])}
        target = _dominant(headed or candidates, weights)
        if any(
            _closes(words, full_words[other]) and _local_body(words, full_words[other][: -len(words)], places)
            for other in edges.get(words, ())
        ):
            target = None  # the story names a state's own party too: the bare one is the country's
        if target is not None and _clips_another_name(words, known, full_words[target]):
            target = None  # "Fed" beside "Federal Reserve" and "Lisk Fed": it may be either
        if target is not None:
            folded[key] = target
            continue
        for size in range(1, len(words)):
            edges[words[:size]].add(key)
            if not _object_follows(words, size, known):
                edges[words[-size:]].add(key)
    return folded


#: The lengths of a word cut short to its opening letters ("Fed" for "Federal"), and how many
#: letters at least it leaves off: a longer word ("Congress") is a word of its own.
_CLIPPING_LENGTHS = range(3, 5)
_CLIPPED_LETTERS_MIN = 3


def _clips_another_name(
    short: tuple[str, ...], known: AbstractSet[tuple[str, ...]], longer: tuple[str, ...]
) -> bool:
    """Whether a one-word name is the opening letters of the first word of another name of the
    story than ``longer`` ("Fed" of "Federal Reserve" beside "Lisk Fed"): the story names two
    things it may stand for, the one it clips and the one it closes, so it is folded into neither.
    """
    if len(short) != 1 or len(short[0]) not in _CLIPPING_LENGTHS or not short[0].isalpha():
        return False
    return any(
        len(words) > 1
        and words != longer
        and words[0].startswith(short[0])
        and len(words[0]) - len(short[0]) >= _CLIPPED_LETTERS_MIN
        and words[0].isalpha()  # not "Post-9/11 Fund": a prefix before a hyphen is a word
        for words in known
    )


#: Words after which the rest of a name is what its head is of, for, at or in: "Council of
#: Lisk Yuan", "Opera Hall in Lisk", "Road to Lisk", "Review of the Lisk Academy".
_OBJECT_MARKERS = _OF_WORDS | {"for", "at", "in", "on", "to", "the"}

#: Words that join two names the recognizer may have run together: "Gulls and Herons".
_LIST_JOINERS = frozenset({"and", "&"})


def _object_follows(words: tuple[str, ...], size: int, known: AbstractSet[tuple[str, ...]]) -> bool:
    """Whether the last ``size`` words of a name are another thing than the name itself.

    So they are after a preposition ("Lisk" in "University of Lisk", "Opera Hall in Lisk"),
    after a comma ("Roe, Lisk Partners"), or after "and" as one word ("Gulls and Herons": a
    head noun seldom stands alone after "and") or in a list ("Ard, Bree and Lisk Trust") or
    after a name of the story ("Lisk Gulls and Velmar Herons"), two names run together; not
    "Fish and Game Service".
    A numbered part of a text ("Section 7 of the Lisk Act") is the exception: its name cites the
    text itself.
    """
    before = words[-size - 1]
    if before.endswith(","):
        return True
    if before in _LIST_JOINERS:
        head = words[: -size - 1]
        if any(words[start:] in known for start in range(1, len(head))):
            return False  # the story names the run across the "and" too: "Fish and Wildlife Service"
        return (
            size == 1
            or any(word.endswith(",") for word in head)
            or any(head[start:] in known for start in range(len(head)))
        )
    if before not in _OBJECT_MARKERS:
        return False
    part = words[: -size - 1]
    return not (part and part[0] in _PART_NOUNS and any(word[:1].isdigit() for word in part[1:]))


def _objects_of_names(
    names: Iterable[tuple[str, ...]], known: AbstractSet[tuple[str, ...]]
) -> set[tuple[str, ...]]:
    """The names the story writes as what another name is of, at or for ("Lisk Academy" in
    "Review of the Lisk Academy"), or as an item of a list run into one name: the story knows
    them as things of their own."""
    return {
        words[-size:]
        for words in names
        for size in range(1, len(words))
        if _object_follows(words, size, known)
    }


#: Nouns that name a numbered part of a law, a treaty or a report: "Section 7", "Article 60".
_PART_NOUNS = frozenset({"section", "article", "chapter", "title", "clause", "paragraph", "part"})


#: Words that end the head of a name and start what follows it: "Academy" in "Academy of Lisk Arts".
_HEAD_ENDERS = _OF_WORDS | {"for", "at", "in", "on", "and", "&"}


def _is_head_of(short: tuple[str, ...], longer: tuple[str, ...]) -> bool:
    """Whether ``short`` closes the head of ``longer``: "Academy" is the head of "Academy of Lisk
    Arts", only a modifier in "Academy Awards"; "Red Sox" closes "Boston Red Sox".

    A short name stands for a longer one whose head it is rather than for one it merely
    qualifies, so among several longer names the headed ones are the candidates.
    """
    end = next((at for at, word in enumerate(longer) if at > 0 and word in _HEAD_ENDERS), len(longer))
    head = longer[:end]
    return len(short) <= len(head) and head[len(head) - len(short) :] == short


#: Head nouns of a body, an event or a work that is part of, or run by, the one its opening words
#: name: "Senate Budget Committee", "Lisk Air Flight", "Lisk Cup Final Stage Prize", "Roe Administration".
_OWN_HEADS = frozenset(
    {
        "committee", "subcommittee", "council", "commission", "panel", "board", "caucus", "office",
        "fund", "flight", "conference", "summit", "tournament", "championship", "championships", "cup",
        "prologue", "stage", "race", "court", "room", "base", "prize", "award", "awards",
        "show", "program", "programme", "club", "administration", "campaign", "police",
    }
)  # fmt: skip


def _may_stand_for(
    short: tuple[str, ...],
    longer: tuple[str, ...],
    *,
    acronym: bool = False,
    places: AbstractSet[tuple[str, ...]] = frozenset(),
) -> bool:
    """Whether ``short`` may be a short form of ``longer`` rather than a modifier of another head.

    A name that closes the longer one may be its short form ("Red Sox", "Boston Red Sox"), and so
    may one that opens it ("Lehigh", "Lehigh University"), unless the words that follow it hold a head
    noun of their own: "Senate Armed Services Committee" is a committee of the Senate and "Lisk Air
    Flight 12" a flight of Lisk Air, not other names of them. Even past a joining word ("Senate
    Environment and Public Works Committee", "Tour de Lisk Prologue") the head is still that noun.
    An acronym spells a name's initials (:mod:`.canonical` pairs those); one that merely opens a
    longer name is the name of what that longer one belongs to ("LBC" and "LBC Nine O'Clock
    Bulletin", "LBC Tonight"), unless all that follows it is a designation ("LBC News").
    A legislative chamber named alone ("the House") is the short form of a longer name only where
    the rest of that name is a country ("U.S. Senate", "Greek Parliament"): a "White House" is no
    chamber, and a state's "Lisk Senate" is not the one the story calls "the Senate". Nor is a
    state's or a city's party or court (one of the story's ``places`` other than a country:
    "Lisk Democratic Party", "Lisk's Supreme Court") the one named bare.
    """
    if _closes(short, longer):
        modifier = longer[: len(longer) - len(short)]
        if _chamber(short):
            return _is_country(modifier)
        return not _local_body(short, modifier, places)
    rest = longer[len(short) :]
    if rest[0] in _LIST_JOINERS:
        return False  # the first of two names run together: "Gulls" in "Gulls and Herons"
    if acronym:
        return _ACRONYM_DESIGNATIONS.issuperset(rest)
    return not _OWN_HEADS.intersection(rest)


def _closes(short: tuple[str, ...], longer: tuple[str, ...]) -> bool:
    return longer[len(longer) - len(short) :] == short


#: Words that may follow an acronym in a longer name of the same body: "LBC News", "LBC News
#: Agency", "LBC Group" (company
#: designators such as "Inc" are dropped from names before, :func:`.variants.normalised`).
_ACRONYM_DESIGNATIONS = frozenset({"news", "agency", "group", "company", "network"})

#: Nouns that alone name a legislative chamber: "the House", "the Senate", "Parliament".
_CHAMBERS = frozenset({"house", "senate", "parliament", "assembly", "congress"})


#: Heads of bodies a country and each of its states or cities have their own of: "Lisk
#: Democratic Party", "Lisk Supreme Court".
_LEVEL_HEADS = frozenset({"party", "court", "legislature"})


def _places_of(names: Mapping[Key, tuple[EntityType, tuple[str, ...]]]) -> frozenset[tuple[str, ...]]:
    return frozenset(words for kind, words in names.values() if kind == "place")


def _local_body(short: tuple[str, ...], place: tuple[str, ...], places: AbstractSet[tuple[str, ...]]) -> bool:
    """Whether ``place`` makes the body ``short`` heads a state's or a city's own ("Lisk" in
    "Lisk Democratic Party"). (Not after "of": "Democratic Party of Lisk" is how many a
    country's party is named, and the gazetteer knows only some countries.)"""
    return short[-1] in _LEVEL_HEADS and _possessor(place) in places and not _is_country(place)


def _possessor(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words without a closing possessive: "lisk's" -> "lisk"."""
    if not words:
        return words
    return (*words[:-1], words[-1].removesuffix("'s").removesuffix("’s"))


def _chamber(words: tuple[str, ...]) -> bool:
    return len(words) == 1 and words[0] in _CHAMBERS


def _is_country(words: tuple[str, ...]) -> bool:
    """Whether ``words`` name a country or are its adjective ("u.s" as name words keep it, "greek",
    with a possessive "'s" allowed)."""
    name = " ".join(_possessor(words))
    return bool(name) and (is_place_word(name) or is_place_word(name + "."))


#: How many times the mentions of all other candidates together the story's main one must have.
_DOMINANCE = 3


def _dominant(targets: set[Key], weights: Mapping[Key, int]) -> Key | None:
    """The one longer name a short one stands for: the only candidate, or the one the story is about.

    "The Navy" in a story that names "the Indian Navy" twenty times and "the
    British Navy" once is the Indian Navy, as a reader takes it; with two
    candidates named about as often it stays on its own.
    """
    if len(targets) <= 1:
        return next(iter(targets), None)
    ranked = sorted(targets, key=lambda key: (-weights.get(key, 0), key))
    others = sum(weights.get(key, 0) for key in ranked[1:])
    return ranked[0] if weights.get(ranked[0], 0) >= _DOMINANCE * max(others, 1) else None


def _people(entries: list[tuple[Key, tuple[str, ...]]]) -> dict[Key, Key]:
    full = {words: key for key, words in entries if len(words) >= 2}
    folded: dict[Key, Key] = {}
    for key, words in entries:
        if len(words) == 2 and len(words[0]) == 1:
            # "L. Marsh": the one person whose given name starts with that letter, or whose
            # middle initial it is ("Ana L. Marsh": news often writes the initial it was given).
            fitting = {
                other
                for name, other in full.items()
                if name[-1] == words[-1]
                and len(name[0]) > 1
                and (name[0][0] == words[0] or words[0] in name[1:-1])
            }
        elif len(words) >= 3:
            parts = [part for size in range(2, len(words)) for part in (words[-size:], words[:size])]
            # An initial and a surname ("L. Roe") is not a full name the longer one could be glued to.
            fitting = {full[part] for part in parts if part in full and len(part[0]) > 1}
        else:
            continue
        fitting.discard(key)
        if len(fitting) == 1:
            folded[key] = next(iter(fitting))
    return folded
