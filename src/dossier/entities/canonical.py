"""From mentions in many articles to canonical entities with aliases and roles.

People: a name of two or more words is a full name; two full names are one
person when their first and last words agree ("Jane Roe", "Jane Q. Roe"), read
without diacritics ("José", "Jose") and with spaced initials joined ("A. J. Roe", "A.J. Roe"). A
one-word name ("Roe", or "Kos" for "Kos Jana") goes to the most recent full
name in the same article that begins or ends with it; failing that, to the
only such full name later in the article or, failing that, anywhere in the
story. When two or more people named earlier in the article fit, the context must support
one: a title next to the bare name that only one of them holds, or one of
them named in the same paragraph or the sentence before; otherwise it goes
to the story's dominant bearer of the name, if one has three times the
mentions of all others together (two forms of one given name, "Fred Roe" and
"Frederick Roe", counting as one bearer), or stays on its own: guessing would
merge two people. A form of address or an office noun before a surname
("Commissioner Roe", "Trooper Ana Roe") is no given name.

Before any of that, each name's type is the story's vote on it (the tagger
decides each mention alone): a two-word name that is a person's longer name
without its middle part ("Ana Roe" for "Ana Lee Roe") is that person, and a
name opening with a word for a natural place ("Mount", "Lake", "Cape") is a
place. A score or a win-loss record read into a name ("Lisk 51-50") is cut off, and a
rank the recognizer ran a unit's name on into is the boundary between the unit and the
officer ("Lisk Police Sgt. Ana Roe" is "Lisk Police" and "Ana Roe").

Places: country names, their other names and their demonyms fold into the
country ("U.S.", "America", "American" -> United States); a demonym standing
as a noun for people ("two Americans") is no mention of it. Other places,
organizations and other names fold on their text without a leading "the".

Before linking, the story's mentions are read once more with the whole story
in view: headline lines (:mod:`.headlines`), words capitalised by their place
in a sentence (:mod:`.positional`), names joined by "and"
(:mod:`.coordination`); a name cut at a quoted nickname is made whole
(:mod:`.nicknames`). After it, the names a person goes by (:mod:`.nicknames`),
spellings of one name (:mod:`.variants`), a person's name that stands for a
place named after them (:mod:`.namesakes`) and short names of longer ones
(:mod:`.containment`) fold together, and a city's
mentions that stand for its team go to the team (:mod:`.teams`). A word glued
before a person's name ("Gulls Ana Roe") is no short name of that person.

Ids hash the type and canonical name, so they do not depend on iteration order.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from dossier.analysis import Analysis, NameMention, Tokens
from dossier.article import Article, Span
from dossier.briefing import Citation, Entity, EntityType, Role
from dossier.entities.containment import contained_names
from dossier.entities.coordination import split_coordinated
from dossier.entities.gazetteer import (
    PLACE_OPENERS,
    country_for_demonym,
    country_for_name,
    is_press_shaped,
    is_title_word,
)
from dossier.entities.headlines import with_story_headline_names
from dossier.entities.namesakes import places_named_for_people
from dossier.entities.nicknames import nickname_keys, with_whole_name
from dossier.entities.positional import without_positional_words
from dossier.entities.references import nominal_references
from dossier.entities.roles import OFFICE_NOUNS
from dossier.entities.teams import may_be_team, reads_as_team
from dossier.entities.variants import (
    given_name_forms,
    name_variants,
    normalised,
    other_name_variants,
    plain,
    spelling_slip,
)
from dossier.ids import stable_id
from dossier.words import word_list

#: Role given to an organization that is also the outlet of an article naming it.
OUTLET_ROLE = "news outlet"

Key = tuple[str, ...]


@dataclass(slots=True)
class _Builder:
    """Everything gathered about one entity while articles are read."""

    type: EntityType
    key: Key
    surfaces: Counter[str] = field(default_factory=Counter)
    roles: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    mentions: list[tuple[int, Citation]] = field(default_factory=list)

    def add_role(self, title: str, article_id: str) -> None:
        folded = " ".join(title.split()).casefold()
        _, ids = self.roles.setdefault(folded, (" ".join(title.split()), []))
        if article_id not in ids:
            ids.append(article_id)


@dataclass(frozen=True, slots=True)
class _Found:
    """A mention, the sentence it is in, and the titles given to it there."""

    mention: NameMention
    sentence: Span
    titles: tuple[str, ...]


@dataclass(slots=True)
class _Story:
    builders: dict[Key, _Builder] = field(default_factory=dict)
    # word -> keys of full person names containing it as first or last word, story-wide
    full_names: defaultdict[str, set[Key]] = field(default_factory=lambda: defaultdict(set))
    # acronym key -> key of the long name it was introduced with: "Harbour Trust (HT)"
    acronyms: dict[Key, Key] = field(default_factory=dict)
    # keys of person names that are a word glued before another person's name: "Gulls Ana Roe"
    glued: set[Key] = field(default_factory=set)
    # folded names the tagger read as something other than a person more often than as one
    read_as_body: set[str] = field(default_factory=set)

    def name_words(self, key: Key) -> tuple[str, ...]:
        """The words of a full name a bare name may stand for; none of a glued name, which is
        folded into the person's own name later (:mod:`.containment`)."""
        return () if key in self.glued else (key[1], key[2])

    def builder(self, key: Key, kind: EntityType) -> _Builder:
        if key not in self.builders:
            self.builders[key] = _Builder(kind, key)
        return self.builders[key]


def link_entities(articles: Sequence[Article], analyses: Mapping[str, Analysis]) -> tuple[Entity, ...]:
    """The canonical entities of a story, each mention a span of one article.

    Mentions and their titles come from each article's analysis (:mod:`dossier.analyze`).
    """
    story = _Story()
    outlets = _outlets(articles)
    texts = [article.text for article in articles]
    names = split_coordinated(
        without_positional_words(
            texts, with_story_headline_names(texts, [analyses[article.id].names for article in articles])
        )
    )
    raw = _without_bare_titles(
        _cut_to_known_people(
            [
                _recognized(article, analyses[article.id], found, outlets)
                for article, found in zip(articles, names, strict=True)
            ]
        )
    )
    votes = _type_votes(raw, _office_holders(articles), _written_after_the(articles, raw))
    story.read_as_body = _read_as_body(raw)
    story.glued = _glued_names(votes)
    deferred: list[tuple[int, Article, _Found, set[Key]]] = []
    for order, (article, sentences) in enumerate(zip(articles, raw, strict=True)):
        found = _with_titles(article.text, sentences, votes)
        deferred.extend((order, article, *left) for left in _link_article(story, order, article, found))
    weights = {key: len(builder.mentions) for key, builder in story.builders.items()}
    for order, article, item, candidates in deferred:
        _link_single_story_wide(story, order, article, item, candidates, weights)
    _split_by_middle_initials(story, articles)
    _add_nominal_references(story, articles)
    for builder in story.builders.values():
        _mark_outlet(builder, outlets)
    _infer_acronyms(story, articles)
    _fold_acronyms(story)
    _fold_nicknames(story)
    _fold_variants(story, articles)
    _fold_places_named_for_people(story, articles)
    _fold_contained(story, articles)
    _fold_bare_names_left(story)
    _move_team_mentions(story, articles)
    return _entities(story.builders.values())


# --- finding mentions in one article ----------------------------------------------------------------

_Sentences = list[tuple[Span, list[NameMention]]]


def _outlets(articles: Sequence[Article]) -> dict[str, list[str]]:
    """Outlet name -> ids of the articles it published, for every outlet in the story."""
    outlets: dict[str, list[str]] = {}
    for article in articles:
        name = " ".join((article.outlet or "").split())
        if len(name) >= 2:
            outlets.setdefault(name, []).append(article.id)
    return outlets


def _recognized(
    article: Article, analysis: Analysis, names: Sequence[NameMention], outlets: dict[str, list[str]]
) -> _Sentences:
    """Each sentence with its mentions (``names``, read from ``analysis``), and the outlets named in it."""
    text = article.text
    sentences = analysis.sentences or (Span(0, len(text)),)
    starts = [sentence.start for sentence in sentences]
    grouped: list[list[NameMention]] = [[] for _ in sentences]
    for found_mention in _with_whole_names(text, names):
        whole = _without_stray_bracket(_without_score(found_mention))
        for mention in _without_glued_rank(text, whole) if whole is not None else ():
            if _demonym_noun(mention, analysis.tokens):
                continue
            at = bisect.bisect_right(starts, mention.start) - 1
            if at >= 0 and mention.end <= sentences[at].end:
                grouped[at].append(mention)
    return [
        (sentence, _with_outlets(text, sentence, found, outlets))
        for sentence, found in zip(sentences, grouped, strict=True)
    ]


def _with_whole_names(text: str, names: Sequence[NameMention]) -> list[NameMention]:
    """The mentions with each name cut at a nickname stretched over it (:mod:`.nicknames`), and
    without the pieces of that name the recognizer read apart ("Piet", "(Pete) Lisk")."""
    stretched: list[NameMention] = []
    for mention in sorted(
        (whole for found in names if (whole := with_whole_name(text, found)) != found),
        key=lambda mention: (mention.start - mention.end, mention.start),
    ):
        if not any(_overlap(mention, kept) for kept in stretched):
            stretched.append(mention)
    # In the recognizer's order, each whole name where the first of its pieces was.
    placed: list[NameMention] = []
    for mention in names:
        covering = next((name for name in stretched if _overlap(mention, name)), None)
        if covering is None:
            placed.append(mention)
        elif covering not in placed:
            placed.append(covering)
    return placed


def _overlap(one: NameMention, other: NameMention) -> bool:
    return one.start < other.end and other.start < one.end


#: A score or a record after a name: "Lisk 51-50", "Ana Roe (22-3)" read into the name.
_TRAILING_SCORE = re.compile(r"[ (]+\d+ ?[-–] ?\d+\)?$")


def _without_score(mention: NameMention) -> NameMention:
    """The mention without a score or win-loss record the recognizer took into it: no name ends in one."""
    match = _TRAILING_SCORE.search(mention.surface)
    if match is None or match.start() == 0:
        return mention
    surface = mention.surface[: match.start()]
    return dataclasses.replace(mention, end=mention.start + len(surface), surface=surface)


#: Abbreviated ranks and offices written with a dot before a person's name ("Sgt. Ana Roe"), which
#: the recognizer runs a body's name on into ("Lisk Police Sgt", "Lisk Police Sgt. Ana Roe").
_RANK_ABBREVIATIONS = word_list(
    "lt capt sgt cpl maj col gen adm cmdr brig det insp supt const sen rep gov pres"
)
#: Ranks written out that stand between a body's name and a person's ("Lisk Police Sergeant Ana Roe").
_RANK_WORDS = word_list("sergeant captain lieutenant constable detective corporal trooper deputy inspector")


def _without_glued_rank(text: str, mention: NameMention) -> list[NameMention]:
    """The names in a mention the recognizer ran over a rank: the body's name before it, and the
    person's after it ("Lisk Police Sgt. Ana Roe" is "Lisk Police" and "Ana Roe"; "Lisk Police
    Lt" before ". Ana Roe" is "Lisk Police"). A rank's abbreviation alone ("Const" of "Const.
    Roe") is no name. Police and army news name an officer so, after the unit.

    A rank between two names holds no more than their boundary: a body's name ends before it
    (lower-case words, a comma or an "and" before the rank are neither's), and the words after
    it, all capitalised, are the person's.
    """
    spans = [(found.start(), found.end()) for found in re.finditer(r"\S+", mention.surface)]
    words = [mention.surface[start:end] for start, end in spans]
    rank = next((at for at in range(len(words)) if _is_glued_rank(text, mention, words, at)), None)
    if rank is None:
        return [mention]
    pieces: list[NameMention] = []
    body_end = rank
    while body_end > 0 and (words[body_end - 1][:1].islower() or words[body_end - 1] in ("&", ",")):
        body_end -= 1  # "Lisk police spokesperson Const", "Lisk Police and Capt": not the body's
    if any(word[:1].isupper() and not is_title_word(_bare_word(word)) for word in words[:body_end]):
        last = words[body_end - 1]
        end = mention.start + spans[body_end - 1][1] - (len(last) - len(last.rstrip(",")))
        kind: EntityType = "organization" if mention.type == "person" else mention.type
        pieces.append(_part(text, mention, mention.start, end, kind))
    if rank < len(words) - 1:
        pieces.append(_part(text, mention, mention.start + spans[rank + 1][0], mention.end, "person"))
    return pieces


def _part(text: str, mention: NameMention, start: int, end: int, kind: EntityType) -> NameMention:
    """The piece ``text[start:end]`` of a mention, as a name of its own of that type."""
    return dataclasses.replace(mention, start=start, end=end, type=kind, surface=text[start:end], titles=())


def _is_glued_rank(text: str, mention: NameMention, words: Sequence[str], at: int) -> bool:
    """Whether the word at ``at`` is a rank standing between a body's name and a person's name:
    an abbreviation with its dot before a capitalised word, or a rank written out inside the
    mention after a capitalised word of the body and before a name (not another title: "Office
    of the Inspector General")."""
    word = _bare_word(words[at])
    after = words[at + 1 :]
    if not after:
        # The last word: its dot is outside the mention, and a capitalised name follows it.
        return (
            word in _RANK_ABBREVIATIONS
            and re.match(r"\.\s+[A-Z]", text[mention.end : mention.end + 4]) is not None
        )
    if at == 0 or not words[at - 1][:1].isupper():
        return False
    is_rank = word in _RANK_ABBREVIATIONS or word in _RANK_WORDS
    return is_rank and all(_reads_as_name_word(part) for part in after)


def _reads_as_name_word(word: str) -> bool:
    """Whether a word may be part of a person's name: capitalised or a particle, and no title."""
    return (word[:1].isupper() or word.casefold() in _NAME_PARTICLES) and not is_title_word(_bare_word(word))


def _bare_word(word: str) -> str:
    """A word case-folded without its dot and a possessive: "Sgt." -> "sgt", "Sheriff's" -> "sheriff"."""
    return word.casefold().removesuffix("'s").removesuffix("’s").rstrip(".")


#: Each bracket with the one that pairs with it.
_BRACKET_PAIRS = {"(": ")", "[": "]", ")": "(", "]": "["}


def _without_stray_bracket(mention: NameMention) -> NameMention | None:
    """The mention cut before a bracket left unpaired inside it ("Lisk Trust (LT", "Ana Roe] in").

    The recognizer runs a name on across a bracket that opens or closes outside it;
    the name is what comes before the bracket, or what comes after it when nothing
    capitalised is before. A name with its own pair ("Lisk (East) Pier") keeps it.
    """
    surface = mention.surface
    at = _stray_bracket(surface)
    if at is None:
        return mention
    before, after = surface[:at].rstrip(), surface[at + 1 :].lstrip()
    if _reads_as_name(before):
        return dataclasses.replace(mention, end=mention.start + len(before), surface=before)
    if _reads_as_name(after):
        return dataclasses.replace(mention, start=mention.end - len(after), surface=after)
    return None


def _stray_bracket(surface: str) -> int | None:
    """Where the first bracket of ``surface`` with no partner in it stands."""
    for at, char in enumerate(surface):
        partner = _BRACKET_PAIRS.get(char)
        if partner is None:
            continue
        rest = surface[at + 1 :] if char in "([" else surface[:at]
        if partner not in rest:
            return at
    return None


def _reads_as_name(part: str) -> bool:
    """Whether a piece of a mention opens and ends with a capitalised word."""
    words = part.split()
    return bool(words) and words[0][:1].isupper() and words[-1][:1].isupper()


#: Dependencies of a word that modifies a noun: "Ruritanian" in "the Ruritanian envoy".
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "poss"})


def _without_bare_titles(raw: list[_Sentences]) -> list[_Sentences]:
    """The mentions without the "people" that are one office noun alone ("Mayor", "the Senator").

    An office names no one on its own (the roles reader gives it to the name beside it), and as a
    name it would make an entity of the office and join whichever holder a bare name goes to.
    A word that is part of a person's full name in the story ("King" for "Ana King") stays.
    """
    in_names = {
        word
        for sentences in raw
        for _, found in sentences
        for mention in found
        if mention.type == "person" and len(words := mention.surface.casefold().split()) > 1
        for word in words
    }

    def bare_title(mention: NameMention) -> bool:
        words = _strip_article(mention.surface).casefold().split()
        return (
            mention.type == "person"
            and len(words) == 1
            and words[0] in OFFICE_NOUNS
            and words[0] not in in_names
        )

    return [
        [
            (sentence, [mention for mention in found if not bare_title(mention)])
            for sentence, found in sentences
        ]
        for sentences in raw
    ]


def _demonym_noun(mention: NameMention, tokens: Tokens) -> bool:
    """Whether a demonym stands as a noun for people ("one Ruritanian died", "Ruritanians protested").

    Such a word names people of the country, not the country: folded into it, it would join
    "Ruritania" to whoever those people are. As a modifier ("the Ruritanian envoy") it
    stays a mention of the country.
    """
    if country_for_demonym(mention.surface) is None or country_for_name(mention.surface) is not None:
        return False
    at = bisect.bisect_left(tokens.starts, mention.start)
    if at >= len(tokens) or tokens.starts[at] != mention.start or tokens.ends[at] != mention.end:
        return False
    return tokens.pos[at] in ("NOUN", "PROPN") and tokens.deps[at] not in _MODIFIER_DEPS


def _cut_to_known_people(raw: list[_Sentences]) -> list[_Sentences]:
    """Person mentions cut to the full name the story gives: "Colts QB Ana Roe" -> "Ana Roe".

    The per-article reading cuts a word the model took into a name when the article also
    writes the name alone; here the whole story's names serve, so that the stray first
    word ("Colts") is never taken for the person's given name.
    """
    people = {
        " ".join(m.surface.split())
        for sentences in raw
        for _, found in sentences
        for m in found
        if m.type == "person" and len(m.surface.split()) == 2
    }
    return [
        [(sentence, [_cut_person(m, people) for m in found]) for sentence, found in sentences]
        for sentences in raw
    ]


def _cut_person(mention: NameMention, people: set[str]) -> NameMention:
    words = mention.surface.split(" ")
    if mention.type != "person" or len(words) < 3:
        return mention
    tail = " ".join(words[-2:])
    # "Ana L. Roe" is not cut to "L. Roe": an initial and a surname is no full name.
    if tail not in people or len(words[-2].rstrip(".")) == 1:
        return mention
    return dataclasses.replace(mention, start=mention.end - len(tail), surface=tail)


def _office_holders(articles: Sequence[Article]) -> set[str]:
    """Capitalized words written right before an office word ("Lisk's mayor", "Liskan Trade Minister")."""
    found: set[str] = set()
    for article in articles:
        for match in _BEFORE_OFFICE.finditer(article.text):
            if is_title_word(match.group(2).casefold()):
                found.add(match.group(1).casefold())
    return found


# A capitalized word, an optional possessive, one space, then the next word. Each part is a
# run of one character class with a fixed separator, so the scan is linear.
_BEFORE_OFFICE = re.compile(r"\b([A-Z][^\W\d_]*+)(?:['’]s)?[^\S\n]([^\W\d_]++)")


#: "the" and up to two lower-case words or numbers between it and a name: "the ninth-seeded Gulls".
_THE_BEFORE = re.compile(r"\b[Tt]he(?: [a-z0-9][\w-]*){0,2} $")


def _written_after_the(articles: Sequence[Article], raw: Sequence[_Sentences]) -> set[str]:
    """Folded one-word plural names that the story writes after "the" at least half of the time,
    twice or more ("the Gulls", "the ninth-seeded Gulls"): a team's or a party's way, not a person's.

    Plural only: "the Roe campaign", "the Duchess" write a person's name or title after "the"."""
    after_the: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for article, sentences in zip(articles, raw, strict=True):
        for _, found in sentences:
            for mention in found:
                surface = _fold(mention.surface)
                if " " in surface or not _plural_shaped(surface):
                    continue
                total[surface] += 1
                line_start = article.text.rfind("\n", 0, mention.start) + 1
                if _THE_BEFORE.search(article.text[max(line_start, mention.start - 40) : mention.start]):
                    after_the[surface] += 1
    return {surface for surface, count in after_the.items() if count >= 2 and 2 * count >= total[surface]}


def _plural_shaped(word: str) -> bool:
    """Whether a case-folded word ends like an English plural: "gulls", not "duchess"."""
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _type_votes(
    raw: Sequence[_Sentences], office_holders: set[str], after_the: set[str]
) -> dict[str, EntityType]:
    """The type each name gets across the story: the majority of the tagger's votes.

    The tagger decides each mention alone and may call one name a person here
    and a place there. A one-word name that never stands in a full person name
    gets half a vote as a person: news introduces people by their full name.
    Such a name that owns or qualifies an office ("Lisk's mayor", "Liskan
    Trade Minister") is a place, unless the votes made it something else; one
    that the story mostly writes after "the" ("the Gulls", :func:`_written_after_the`)
    is an organization: a team, not a person.
    A newspaper's name read as an organization once stays one (:func:`_press_names`).
    """
    mentions = [m for sentences in raw for _, found in sentences for m in found]
    press = _press_names(mentions)
    things = _things_after_a_name(mentions)
    in_full_names = {
        word
        for m in mentions
        if m.type == "person"
        and _fold(m.surface) not in press
        and _fold(m.surface) not in things
        and len(words := m.surface.casefold().split()) > 1
        for word in (words[0], words[-1])
    }
    # The surname before a thing's name ("Roe Harbour Office") is a person's name all the same.
    in_full_names.update(surface.split()[0] for surface in things)
    people = _person_name_tails([m for m in mentions if _fold(m.surface) not in things], press)
    votes: defaultdict[str, dict[EntityType, float]] = defaultdict(dict)
    for m in mentions:
        surface = _fold(m.surface)
        weight = 1.0 if m.type != "person" or " " in surface or surface in in_full_names else 0.5
        votes[surface][m.type] = votes[surface].get(m.type, 0.0) + weight
    priority: dict[EntityType, int] = {"person": 0, "place": 1, "organization": 2, "other": 3}
    decided = {surface: min(c, key=lambda t: (-c[t], priority[t])) for surface, c in votes.items()}
    for surface, kind in decided.items():
        if (
            kind == "person"
            and " " not in surface
            and surface not in in_full_names
            and surface in office_holders
        ):
            decided[surface] = "place"
        elif (
            kind == "person" and " " not in surface and surface not in in_full_names and surface in after_the
        ):
            decided[surface] = "organization"
    decided.update(dict.fromkeys(_teams_read_as_places(decided, after_the), "organization"))
    # A word that is the first or last word of a person's full name is that person's short name;
    # the last words of a full name ("Lo Presti") and a full name with a word before it
    # ("Striker Ana Roe") name that person too.
    decided.update(
        dict.fromkeys((in_full_names - _places_before_a_name(mentions, votes)) & decided.keys(), "person")
    )
    decided.update({surface: "person" for surface in decided if _names_person(surface, people)})
    # A longer name that is a person's two-word name once initials, titles and suffixes are left
    # off ("W. Ana Roe Sr." for "Ana Roe").
    decided.update({surface: "person" for surface in decided if _adorned_person(surface, people[0])})
    decided.update(dict.fromkeys(press, "organization"))
    # "Mount Lisk", "Lake Velmar", "Cape Orr": a name opening with a word for a natural place is
    # that place, never a person, though the tagger reads "Mount Lisk said to be closed" as one.
    decided.update(
        {
            surface: "place"
            for surface, kind in decided.items()
            if kind == "person" and _opens_as_place(surface)
        }
    )
    # A two-word name that is a longer person's name without its middle part ("Ana Roe" when
    # "Ana Lee Roe" is a person) names that person, though the tagger read it as something else.
    shortened = _names_without_middle({surface for surface, kind in decided.items() if kind == "person"})
    decided.update(dict.fromkeys(shortened & decided.keys(), "person"))
    # A person's surname after another form of the person's given name ("Mo Roe" when "Maurice
    # Roe" is a person) is that person too, though the tagger read "Mo Roe" as a place.
    decided.update(dict.fromkeys(_other_given_name_forms(decided), "person"))
    decided.update(things)
    return decided


#: How many votes as a place, and how many times its votes as a person, make a word the story
#: writes alone a place whatever the "person" it opens ("Lisk" beside "Lisk Accord" read as one).
_PLACE_VOTES_MIN = 3
_PLACE_VOTES_RATIO = 2


def _places_before_a_name(
    mentions: Sequence[NameMention], votes: Mapping[str, Mapping[EntityType, float]]
) -> set[str]:
    """Words that open a "person's" name and close none, that the tagger reads alone as a place
    far more often than as a person: a place, not a given name. (A word that closes a person's
    name stays that person's, whatever the tagger says: a surname is written alone, and many are
    places' names too; a given name seldom is.)"""
    people = [
        surface.split() for m in mentions if m.type == "person" and " " in (surface := _fold(m.surface))
    ]
    last = {words[-1] for words in people}
    given = {words[0] for words in people} - last
    return {
        word
        for word in given
        if (placed := votes.get(word, {}).get("place", 0.0)) >= _PLACE_VOTES_MIN
        and placed >= _PLACE_VOTES_RATIO * votes[word].get("person", 0.0)
    }


def _things_after_a_name(mentions: Sequence[NameMention]) -> dict[str, EntityType]:
    """Names the tagger read as a person that are a person's surname before a thing's name of two
    words or more ("Roe Harbour Office", the office as Ana Roe runs it), each with that thing's type.

    The thing's name is what the tagger reads otherwise wherever it stands alone, and the first
    word closes another person's full name ("Ana Roe"), or is a person's name written alone that
    opens no person's full name ("Roe", where the story never writes "Ana Roe"): a given name
    before a surname the tagger misreads ("Ana Del Roe", "Del Roe" read as a body) is no surname,
    so that name stays a person's.
    """
    kinds: defaultdict[str, Counter[EntityType]] = defaultdict(Counter)
    for mention in mentions:
        kinds[_fold(mention.surface)][mention.type] += 1
    candidates: dict[str, EntityType] = {}
    for surface, counted in sorted(kinds.items()):
        words = surface.split()
        tail = kinds.get(" ".join(words[1:]))
        if len(words) < 3 or counted.most_common(1)[0][0] != "person" or not tail:
            continue
        kind, _ = min(tail.items(), key=lambda item: (-item[1], item[0]))
        if kind != "person" and tail["person"] == 0:
            candidates[surface] = kind
    surnames = _surnames_of(
        {surface: counted for surface, counted in kinds.items() if surface not in candidates}
    )
    return {surface: kind for surface, kind in candidates.items() if surface.split()[0] in surnames}


def _surnames_of(kinds: Mapping[str, Counter[EntityType]]) -> set[str]:
    """Words that stand for a person's surname: the last word of a two-word person's name, and a
    one-word person's name that opens no person's name of two words or more (a given name does)."""
    people = [surface.split() for surface, counted in kinds.items() if counted["person"]]
    given = {words[0] for words in people if len(words) > 1}
    surnames = {words[-1] for words in people if len(words) == 2}
    surnames.update(words[0] for words in people if len(words) == 1 and words[0] not in given)
    return surnames


def _teams_read_as_places(decided: Mapping[str, EntityType], after_the: set[str]) -> set[str]:
    """Places of two words or more whose last word the story writes alone after "the", and not as a
    place ("Lisk Gulls" and "the Gulls"): a team named by its city, as the tagger does not know."""
    return {
        surface
        for surface, kind in decided.items()
        if kind == "place"
        and len(words := surface.split()) >= 2
        and words[-1] in after_the
        and decided.get(words[-1]) not in (None, "place")
        and country_for_name(surface) is None
    }


def _read_as_body(raw: Sequence[_Sentences]) -> set[str]:
    """Folded names the tagger read as an organization, place or other name more often than as a person."""
    tally: defaultdict[str, int] = defaultdict(int)
    for sentences in raw:
        for _, found in sentences:
            for mention in found:
                tally[_fold(mention.surface)] += -1 if mention.type == "person" else 1
    return {surface for surface, balance in tally.items() if balance > 0}


def _other_given_name_forms(decided: dict[str, EntityType]) -> set[str]:
    """Two-word names of another type made of a form of a person's given name and the person's surname."""
    given_by_surname: defaultdict[str, set[str]] = defaultdict(set)
    for surface, kind in decided.items():
        words = surface.split()
        if kind == "person" and len(words) == 2:
            given_by_surname[words[1]].add(words[0])
    found: set[str] = set()
    for surface, kind in decided.items():
        words = surface.split()
        if kind == "person" or len(words) != 2 or not words[0].isalpha():
            continue
        if any(given_name_forms(words[0], given) for given in given_by_surname.get(words[1], ())):
            found.add(surface)
    return found


def _glued_names(decided: Mapping[str, EntityType]) -> set[Key]:
    """Keys of people's names of three words or more whose words after the first are another
    person's name: "Gulls Ana Roe" is Ana Roe with a team's name glued before it, so a bare
    "Gulls" elsewhere is no short name of hers."""
    people = {surface for surface, kind in decided.items() if kind == "person" and " " in surface}
    glued: set[Key] = set()
    for surface in people:
        words = surface.split()
        tail = " ".join(words[1:])
        # "Ana L. Roe" is no "Ana" glued to "L. Roe"; "Velmish Ana Roe" is keyed as Ana Roe already.
        if len(words) > 2 and tail in people and len(words[1].rstrip(".")) > 1:
            key = _person_key(surface)
            if key != _person_key(tail):
                glued.add(key)
    return glued


def _person_name_tails(mentions: Sequence[NameMention], press: set[str]) -> tuple[set[str], set[str]]:
    """The folded full names of people (two words or more), and their last two or more words."""
    full: set[str] = set()
    tails: set[str] = set()
    for mention in mentions:
        words = _fold(mention.surface).split()
        if mention.type == "person" and len(words) > 1 and _fold(mention.surface) not in press:
            full.add(" ".join(words))
            tails.update(" ".join(words[-size:]) for size in range(2, len(words)))
    return full, tails


def _names_person(surface: str, people: tuple[set[str], set[str]]) -> bool:
    """Whether a folded name is the last words of a person's name, or ends in a person's full name."""
    full, tails = people
    words = surface.split()
    return len(words) > 1 and (surface in tails or " ".join(words[1:]) in full)


def _adorned_person(surface: str, full: set[str]) -> bool:
    key = _person_key(surface)
    return len(surface.split()) > 2 and len(key) == 3 and f"{key[1]} {key[2]}" in full


def _opens_as_place(surface: str) -> bool:
    words = surface.split()
    return len(words) > 1 and words[0] in PLACE_OPENERS


def _names_without_middle(full: set[str]) -> set[str]:
    """The first and last words of each person's name of three words or more: "ana roe" for "ana lee roe"."""
    return {f"{parts[0]} {parts[-1]}" for name in full if len(parts := name.split()) > 2}


def _press_names(mentions: Iterable[NameMention]) -> set[str]:
    """Names shaped like a newspaper's ("Le Quotidien") read as an organization at least once.

    The tagger calls such a name a person wherever no context says otherwise;
    one sighting as an outlet outweighs those votes, since no person is named
    "La Voz" or "Harbour Times".
    """
    return {_fold(m.surface) for m in mentions if m.type == "organization" and is_press_shaped(m.surface)}


def _fold(surface: str) -> str:
    return " ".join(plain(_strip_article(surface)).casefold().split())


def _with_titles(text: str, sentences: _Sentences, votes: dict[str, EntityType]) -> list[_Found]:
    """Each mention with the story's vote on its type, and its titles when that vote makes it a person."""
    found: list[_Found] = []
    for sentence, raw in sentences:
        for mention in raw:
            kind = votes.get(_fold(mention.surface), mention.type)
            titles = tuple(span.of(text) for span in mention.titles) if kind == "person" else ()
            found.append(_Found(dataclasses.replace(mention, type=kind), sentence, titles))
    return found


def _with_outlets(
    text: str, sentence: Span, mentions: list[NameMention], outlets: dict[str, list[str]]
) -> list[NameMention]:
    """Add each word-bounded occurrence of a story outlet's name as an organization mention."""
    added: list[NameMention] = []
    for outlet in outlets:
        at = text.find(outlet, sentence.start, sentence.end)
        while at >= 0:
            end = at + len(outlet)
            if _word_bounded(text, at, end):
                added.append(NameMention(at, end, "organization", outlet))
            at = text.find(outlet, end, sentence.end)
    if not added:
        return mentions
    added.sort(key=lambda m: (m.start, m.end))
    ends = [a.end for a in added]
    kept = [m for m in mentions if not _overlaps_any(m, added, ends)]
    return sorted([*kept, *added], key=lambda m: (m.start, m.end))


def _overlaps_any(mention: NameMention, added: Sequence[NameMention], ends: Sequence[int]) -> bool:
    """Whether ``mention`` overlaps one of ``added`` (sorted, non-overlapping, ``ends`` their ends)."""
    at = bisect.bisect_right(ends, mention.start)
    return at < len(added) and added[at].start < mention.end


def _word_bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def _mark_outlet(builder: _Builder, outlets: dict[str, list[str]]) -> None:
    if builder.type != "organization":
        return
    for outlet, article_ids in outlets.items():
        if outlet.casefold() in {surface.casefold() for surface in builder.surfaces}:
            for article_id in article_ids:
                builder.add_role(OUTLET_ROLE, article_id)


# --- linking within one article -----------------------------------------------------------------------


def _link_article(
    story: _Story, order: int, article: Article, found: Sequence[_Found]
) -> list[tuple[_Found, set[Key]]]:
    """Link every mention it can; return the one-word person names left for story-wide linking,
    each with the full names of the article it could stand for."""
    article_full = _full_names_by_word(story, found)
    where = _Where.of_article(article)
    # word -> the full names with it so far -> sentence and paragraph numbers where last written
    introduced: defaultdict[str, dict[Key, tuple[int, int]]] = defaultdict(dict)
    waiting: list[_Found] = []
    for item in found:
        kind, key = _key(item.mention)
        if kind == "person" and len(key) == 2:
            word = key[1]
            target = _bare_name_target(story, item, introduced[word], where)
            if target is None:
                waiting.append(item)
            else:
                _record(story, target, kind, order, article, item)
            continue
        _record(story, key, kind, order, article, item)
        if kind in ("organization", "other"):
            _note_acronym(story, article.text, item.mention, key)
        if kind == "person":
            for word in story.name_words(key):
                introduced[word][key] = where.of(item.mention.start)
                story.full_names[word].add(key)
    left: list[tuple[_Found, set[Key]]] = []
    for item in waiting:
        word = _key(item.mention)[1][1]
        only = _only_bearer(article_full.get(word, set()), word)
        if only is None:
            left.append((item, article_full.get(word, set())))
        else:
            _record(story, only, "person", order, article, item)
    return left


@dataclass(frozen=True, slots=True)
class _Where:
    """Which sentence and which paragraph of an article an offset falls in."""

    sentence_starts: tuple[int, ...]
    paragraph_starts: tuple[int, ...]

    @classmethod
    def of_article(cls, article: Article) -> _Where:
        return cls(tuple(s.start for s in article.sentences), tuple(p.start for p in article.paragraphs))

    def of(self, offset: int) -> tuple[int, int]:
        return (
            bisect.bisect_right(self.sentence_starts, offset),
            bisect.bisect_right(self.paragraph_starts, offset),
        )


def _bare_name_target(
    story: _Story, item: _Found, candidates: dict[Key, tuple[int, int]], where: _Where
) -> Key | None:
    """The full name a bare "Wang" stands for here, or None to decide later (or leave it alone).

    ``candidates`` are the full names with the word written so far in the
    article (a reader meets "Wang" knowing those), each with the sentence and
    paragraph where it was last written. With one, it is that one. With
    several, the context must support exactly one: a title next to the bare
    name that only one of them holds ("Foreign Minister Wang"), or being the
    only one written in this sentence or the one before or, failing that, the
    only one written earlier in the same paragraph. Otherwise
    the name stays unresolved rather than going to whichever was mentioned
    last, however far back.
    """
    if len(candidates) <= 1:
        return next(iter(candidates), None)
    surname_of = [key for key in sorted(candidates) if key[-1] == item.mention.surface.casefold()]
    if len(surname_of) == 1:
        return surname_of[0]
    if item.titles:
        fitting = [key for key in sorted(candidates) if _titles_fit(story.builders.get(key), item.titles)]
        if len(fitting) == 1:
            return fitting[0]
    here_sentence, here_paragraph = where.of(item.mention.start)
    # How close each was last written: this or the sentence before (0), the same paragraph (1).
    closeness: dict[int, list[Key]] = defaultdict(list)
    for key, (sentence, paragraph) in sorted(candidates.items()):
        if here_sentence - sentence <= 1:
            closeness[0].append(key)
        elif paragraph == here_paragraph and where.paragraph_starts:
            closeness[1].append(key)
    nearest = closeness[min(closeness)] if closeness else []
    return nearest[0] if len(nearest) == 1 else None


def _titles_fit(builder: _Builder | None, titles: Sequence[str]) -> bool:
    """Whether every word of one of these titles is in one of the person's titles so far."""
    if builder is None:
        return False
    known = [set(folded.replace("'s", " ").replace("’s", " ").split()) for folded in builder.roles]
    return any(
        words and any(words <= role for role in known)
        for words in (set(title.casefold().replace("'s", " ").replace("’s", " ").split()) for title in titles)
    )


def _full_names_by_word(story: _Story, found: Iterable[_Found]) -> dict[str, set[Key]]:
    names: defaultdict[str, set[Key]] = defaultdict(set)
    for item in found:
        kind, key = _key(item.mention)
        if kind == "person" and len(key) == 3:
            for word in story.name_words(key):
                names[word].add(key)
    return names


def _link_single_story_wide(
    story: _Story, order: int, article: Article, item: _Found, candidates: set[Key], weights: dict[Key, int]
) -> None:
    """Link a bare name its article left open: to the one bearer in the story, or to the bearer
    the story is about (:func:`_dominant_bearer`), or to an entity of its own."""
    word = _key(item.mention)[1][1]
    story_wide = story.full_names.get(word, set())
    key = (
        _only_bearer(story_wide, word)
        or _dominant_bearer(candidates or story_wide, weights)
        or ("person", word)
    )
    _record(story, key, "person", order, article, item)


#: How many times more mentions than all the others together make a bearer the one a story is about.
_DOMINANCE = 3


def _dominant_bearer(keys: set[Key], weights: dict[Key, int]) -> Key | None:
    """The full name the story mentions far more than every other full name with the same word.

    News names its subject's relatives and namesakes in full ("his brother Louis Roe") and the
    subject by the bare surname, so a bare name that no context settles is the story's main bearer
    of it, when there is one by a wide margin; otherwise (two people named about as often) it is none.
    """
    if len(keys) < 2:
        return None
    ranked = sorted(keys, key=lambda key: (-weights.get(key, 0), key))
    # One person written with two forms of the given name ("Fred Roe" and "Frederick Roe", folded
    # together later) weighs as one: the forms are not two bearers splitting the story between them.
    groups = [
        {other for other in ranked if other == key or _given_name_forms_of(key, other)} for key in ranked
    ]
    best = max(range(len(ranked)), key=lambda at: (sum(weights.get(key, 0) for key in groups[at]), -at))
    top = sum(weights.get(key, 0) for key in groups[best])
    others = sum(weights.get(key, 0) for key in ranked if key not in groups[best])
    heaviest = next(key for key in ranked if key in groups[best])  # the form the story writes most
    return heaviest if top >= _DOMINANCE * max(others, 1) else None


def _given_name_forms_of(one: Key, other: Key) -> bool:
    """Whether two full names are one surname after two forms of one given name ("Fred", "Frederick")."""
    return len(one) == len(other) == 3 and one[2] == other[2] and given_name_forms(one[1], other[1])


def _only_bearer(keys: set[Key], word: str) -> Key | None:
    """The one full name a bare name stands for: the only one with that word or, among several,
    the only one whose last name it is ("Roe" is Ana Roe's surname, not "Roe Harbour Trust")."""
    return _only(keys) or _only({key for key in keys if key[-1] == word})


def _only(keys: set[Key]) -> Key | None:
    return next(iter(keys)) if len(keys) == 1 else None


def _record(story: _Story, key: Key, kind: EntityType, order: int, article: Article, item: _Found) -> None:
    builder = story.builder(key, kind)
    mention = item.mention
    builder.surfaces[mention.surface] += 1
    builder.mentions.append((order, Citation(article.id, mention.start, mention.end)))
    for title in item.titles:
        builder.add_role(title, article.id)


def _split_by_middle_initials(story: _Story, articles: Sequence[Article]) -> None:
    """Two people of one given name and surname told apart by their middle initials ("Ana J.
    Roe", "Ana L. T. Roe": a mother and her daughter, two presidents) are two entities.

    A person is keyed by the first and last words of the name, so both come together; the
    mentions written with the middle initials most mentions have keep the entity, with those
    written without any ("Ana Roe", "Roe"), and each other set of middle initials makes an
    entity of its own: news writes one person's initials one way ("H. W." and "W." are two men).
    """
    for key, builder in sorted(story.builders.items()):
        if builder.type != "person" or len(key) != 3:
            continue
        by_middle: defaultdict[str, list[tuple[int, Citation]]] = defaultdict(list)
        for order, citation in builder.mentions:
            middle = _middle_initials(articles[order].text[citation.start : citation.end])
            by_middle[middle].append((order, citation))
        written = sorted((middle for middle in by_middle if middle), key=lambda m: (-len(by_middle[m]), m))
        for middle in written[1:]:
            _move_mentions(story, builder, by_middle[middle], ("person", middle, key[2]), articles)


def _middle_initials(surface: str) -> str:
    """The letters of the middle initials of a person's name ("hw" in "Ana H.W. Roe"), or ""."""
    words = _name_words_of_person(surface)
    middles = [word.replace(".", "") for word in words[1:-1]]
    if not middles or not all(1 <= len(letters) <= 2 and letters.isalpha() for letters in middles):
        return ""
    return "".join(middles)


def _move_mentions(
    story: _Story,
    source: _Builder,
    mentions: Sequence[tuple[int, Citation]],
    key: Key,
    articles: Sequence[Article],
) -> None:
    target = story.builder(key, source.type)
    moving = set(mentions)
    source.mentions = [mention for mention in source.mentions if mention not in moving]
    for order, citation in mentions:
        surface = articles[order].text[citation.start : citation.end]
        source.surfaces[surface] -= 1
        if source.surfaces[surface] <= 0:
            del source.surfaces[surface]
        target.surfaces[surface] += 1
        target.mentions.append((order, citation))


def _key(mention: NameMention) -> tuple[EntityType, Key]:
    """The type and the folding key of a mention (persons that are really countries become places)."""
    surface = _strip_article(mention.surface)
    country = country_for_name(surface) or country_for_demonym(surface)
    if country is not None:
        return "place", ("place", country.casefold())
    if mention.type == "person":
        return "person", _person_key(surface)
    return mention.type, (mention.type, " ".join(plain(surface).casefold().split()))


def _person_key(surface: str) -> Key:
    """A person's key: the first and last words of the name, or its one word."""
    words = _name_words_of_person(surface)
    return ("person", words[0]) if len(words) == 1 else ("person", words[0], words[-1])


#: Generational suffixes: "Ana Roe Jr." is keyed as "Ana Roe".
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


#: Joining words a name never ends in, though the recognizer runs on into them: "Ana Roe and".
_RUN_ON_WORDS = frozenset({"and", "or", "&", "in", "of", "on", "at"})


def _name_words_of_person(surface: str) -> list[str]:
    """The words a person's key is made of: no initials before the given name ("J. Ana Roe"),
    no generational suffix ("Jr."), no title or demonym the recognizer took in ("Mr Roe"), no
    joining word it ran on into ("Ana Roe and")."""
    raw = _without_run_on_words(plain(surface)).split()
    while len(raw) > 1 and _stray_lower_word(raw[0]) and raw[1][:1].isupper():
        raw.pop(0)  # "yellow jersey Roe", "Lisk's Roe" cut after the apostrophe: no part of the name
    while len(raw) > 1 and _post_nominal(raw[-1]) and not all(word.isupper() for word in raw[:-1]):
        raw.pop()  # "Ana Roe RB", "Ana Roe MP": letters after a name are a position or honour
    words = [word.casefold().rstrip(".,") for word in raw]
    words = [word for word in words if any(char.isalnum() for char in word)]  # no "-" of "- Roe"
    while len(words) > 2 and words[-1] in _NAME_SUFFIXES:
        words.pop()
    words = _with_initials_joined(words)
    while len(words) > 1 and (
        is_title_word(words[0])
        or is_title_word(words[0] + ".")
        or country_for_demonym(words[0])
        or words[0] in _NO_NAME_OPENERS
        or words[0] in _KEY_HONORIFICS
    ):
        words.pop(0)
    while len(words) > 2 and len(words[0]) == 1:
        words.pop(0)
    return words or [surface.casefold()]


#: Words a headline or a sentence sets before a name that are never a given name: a party
#: member's label ("Democrat Roe") and a conjunction opening a clause ("If Roe wins").
_NO_NAME_OPENERS = frozenset(
    {"democrat", "republican", "tory", "socialist", "libertarian", "if", "when", "while", "because", "unless"}
)

#: Forms of address and office nouns that open a person's name written with them ("Sir Ana Roe",
#: "Commissioner Roe", "Trooper Ana Roe") and are no given name: left out of the key, the name
#: is the surname alone, linked like any bare surname. The title words proper are left out
#: already (:func:`is_title_word`); these are the rest of the office nouns titles are read by.
#: ("Miss" is not among them: the surname alone would go to the nearest bearer, whatever their sex.)
_KEY_HONORIFICS = OFFICE_NOUNS | word_list(
    "sir lord trooper reverend rev pastor bishop cardinal rabbi imam ayatollah coach"
)

#: Lower-case words that do belong to a name: "Ana de Roe", "Ivo van Lisk", "Omar bin Lisk".
_NAME_PARTICLES = frozenset(
    {"de", "del", "della", "der", "den", "van", "von", "da", "di", "du", "la", "le", "bin", "ibn", "al", "el"}
)


def _stray_lower_word(word: str) -> bool:
    """Whether a word opening a person's name is a lower-case word the recognizer took in (a
    common noun before the name, a possessive's "s"), not a particle of the name."""
    return word[:1].islower() and word.casefold() not in _NAME_PARTICLES


def _with_initials_joined(words: list[str]) -> list[str]:
    """The words with the spaced initials that open them as one dotted word: outlets write
    "A. J. Roe" and "A.J. Roe" for one person, and both are keyed "a.j roe". Initials that
    spell a country ("U. S.") are no given name and stay apart."""
    run = 0
    while run < len(words) - 1 and len(words[run]) == 1 and words[run].isalpha():
        run += 1
    joined = ".".join(words[:run])
    if run < 2 or country_for_name(joined + "."):
        return words
    return [joined, *words[run:]]


def _post_nominal(word: str) -> bool:
    """Two or three capitals after a name (a position, an honour), not a generational numeral."""
    letters = word.rstrip(".,")
    return (
        letters.isupper()
        and letters.isalpha()
        and len(letters) <= 3
        and letters.casefold() not in _NAME_SUFFIXES
    )


def _strip_article(surface: str) -> str:
    """The name without a leading "the", whatever space follows it (web text writes a no-break one)."""
    return surface[4:] if surface[:3].casefold() == "the" and surface[3:4].isspace() else surface


# --- acronyms ------------------------------------------------------------------------------------------

_ACRONYM_AFTER = re.compile(r"\s?\(([A-Z]{2,8})\)")
_MINOR_WORDS = frozenset({"of", "and", "the", "for", "on", "in", "&"})


def _note_acronym(story: _Story, text: str, mention: NameMention, key: Key) -> None:
    """Remember "Harbour Trust (HT)": the acronym in brackets is another name of the mention."""
    match = _ACRONYM_AFTER.match(text, mention.end, mention.end + 12)
    if match is None:
        return
    acronym = match.group(1)
    initials = _initials(_strip_article(mention.surface))
    if initials.upper() == acronym:
        for kind in ("organization", "other", "place"):
            story.acronyms.setdefault((kind, acronym.casefold()), key)


def _infer_acronyms(story: _Story, articles: Sequence[Article]) -> None:
    """Pair an acronym never introduced in brackets with the one long name whose initials it spells.

    Articles often write "Harbour Trust" in one place and "HT" in another
    without ever putting them side by side. When exactly one organization or
    other name of the story has those initials (a leading "The" counted when
    the story writes it: "THR"), or exactly one organization among several
    such names, the acronym stands for it; otherwise it stays its own entity.
    Failing those, the acronym may stand for a name the votes made a person
    but the tagger read, in one of its forms, mostly as a body or a thing
    (:func:`_misread_people_by_initials`); that name is then no person.
    """
    by_initials: defaultdict[str, list[Key]] = defaultdict(list)
    for key, builder in sorted(story.builders.items()):
        if builder.type in ("organization", "other", "place") and len(_hyphens_spaced(key[1]).split()) >= 2:
            for initials in _initials_of_forms(key[1], " ".join(_name_words(builder))):
                by_initials[initials].append(key)
                if _written_with_the(builder, articles):
                    by_initials["T" + initials].append(key)  # "THR" for "The Harbour Review"
    misread = _misread_people_by_initials(story)
    places = {" ".join(_name_words(b)) for b in story.builders.values() if b.type == "place"}
    for key, builder in sorted(story.builders.items()):
        if key in story.acronyms or " " in key[1]:
            continue
        # "P&G" spells "Procter & Gamble" as "PG" does, "L.H.A." "Lisk Harbour Authority" as "LHA".
        spelled = key[1].upper().replace("&", "").replace(".", "")
        if builder.type == "person":
            if not _acronym_read_as_person(builder):
                continue
            # The tagger reads an unknown acronym as a person ("CTU said"): it stands for the one
            # organization with those initials, never for a person.
            organizations = [
                target
                for target in by_initials.get(spelled, [])
                if story.builders[target].type == "organization"
            ]
            targets = _one_per_spelling(story, organizations)
        elif not any(surface.isupper() and 2 <= len(surface) <= 8 for surface in builder.surfaces):
            continue
        else:
            located = (
                builder.type == "place" and _written_as_place(builder, articles)
            ) or _written_as_a_state(builder, articles, places)
            candidates = [
                target
                for target in by_initials.get(spelled, [])
                if _may_spell(builder, story.builders[target], spelled, located, articles)
            ]
            targets = _one_per_spelling(story, candidates) or ([] if located else misread.get(spelled, []))
        if len(targets) > 1:
            # An acronym names a body far more often than a work or an event: among several
            # names with those initials, the one organization.
            targets = [target for target in targets if story.builders[target].type == "organization"]
        if len(targets) == 1:
            story.acronyms[key] = targets[0]
            target = story.builders[targets[0]]
            if target.type == "person":
                target.type = builder.type


#: Last words of a place's name that its initials leave out: "Lisk County" is no "LC".
_DIVISION_WORDS = frozenset({"county", "province", "region", "state", "district", "prefecture"})


def _may_spell(
    acronym: _Builder, target: _Builder, spelled: str, located: bool, articles: Sequence[Article]
) -> bool:
    """Whether an acronym may stand for a long name with its initials.

    A place's initials the story writes where a place stands ("in L.V.") name a place, no body.
    A place's name is spelled by an acronym of three letters or more ("NYC"), or of two read as
    a place ("N.J."): two capitals read as a body are more often an outlet's ("AP"). Two letters
    are a state's or a province's, never a town's that the story writes with its state ("Bay
    City, Lisk"); and a division's name ("Lisk County") goes by no initials.
    """
    if target.type != "place":
        return not located
    if _name_words(target)[-1] in _DIVISION_WORDS:
        return False
    if len(spelled) >= _PLACE_ACRONYM_MIN:
        return True
    return acronym.type == "place" and not _written_with_its_state(target, articles)


_PLACE_ACRONYM_MIN = 3

#: A comma, then one capitalised word or an abbreviation closing the phrase: a town's state.
_WITH_STATE = re.compile(r",[^\S\n]+(?:[A-Z][a-z]+\.?|(?:[A-Z]\.){2})(?=[^\S\n]|[,.;:]|$)")


def _written_with_its_state(builder: _Builder, articles: Sequence[Article]) -> bool:
    """Whether the story writes the place as a town, with its state after a comma ("Bay City,
    Lisk", "Bay City, L.V."), not as an item of a list ("Lisk, Velmar and Orr")."""
    for order, citation in builder.mentions:
        text = articles[order].text
        match = _WITH_STATE.match(text, citation.end)
        if match is not None and _LIST_GOES_ON.match(text, match.end()) is None:
            return True
    return False


#: A capitalised name and a comma right before a mention: the town of "Lisk, LV".
_TOWN_BEFORE = re.compile(r"([A-Z][\w.'’-]*(?:[^\S\n]+[A-Z][\w.'’-]*){0,2}),[^\S\n]+$")


def _written_as_a_state(builder: _Builder, articles: Sequence[Article], places: AbstractSet[str]) -> bool:
    """Whether initials are written after a place of the story and a comma ("Lisk, LV", "Lake
    Lisk, LV"): they are the state the town is in, no body's initials."""
    for order, citation in builder.mentions:
        text = articles[order].text
        match = _TOWN_BEFORE.search(text, max(0, citation.start - 40), citation.start)
        if match is None:
            continue
        words = match.group(1).casefold().replace(".", "").split()
        if any(" ".join(words[start:]) in places for start in range(len(words))):
            return True
    return False


#: What follows an item of a list of places: "and", "or", or a comma and another name.
_LIST_GOES_ON = re.compile(r",?[^\S\n]+(?:and|or)\b|,[^\S\n]+[A-Z]")


#: How long an acronym the tagger read as a person may be: "CTU", "UCGS".
_PERSON_ACRONYM_LENGTHS = range(3, 7)


def _acronym_read_as_person(builder: _Builder) -> bool:
    """Whether a "person" is only ever written as capitals of three to six letters ("CTU"):
    two letters are as often a person's initials ("DM" for a staffer)."""
    return all(
        surface.isupper() and surface.isalpha() and len(surface) in _PERSON_ACRONYM_LENGTHS
        for surface in builder.surfaces
    )


def _one_per_spelling(story: _Story, keys: list[Key]) -> list[Key]:
    """The names, less those that are another's spelling (:func:`other_name_variants`): "Harbour
    Trust" and its slip "Harbor Trust" are one candidate for "HT", not two."""
    if len(keys) < 2:
        return keys
    names = {
        key: (
            story.builders[key].type,
            " ".join(_name_words(story.builders[key])),
            len(story.builders[key].mentions),
        )
        for key in keys
    }
    spellings = other_name_variants(names)
    return [key for key in keys if key not in spellings]


def _misread_people_by_initials(story: _Story) -> dict[str, list[Key]]:
    """Initials -> the full "person" names with them that the tagger read otherwise in some form.

    The small model calls a product or a team made of two capitalised words a person
    ("Coral Browser") while it reads the short form as a body ("Browser"). People are
    seldom written by their initials, and a real person's bare surname is read as a
    person, so only such a misread name may take an acronym ("CB").
    """
    found: defaultdict[str, list[Key]] = defaultdict(list)
    for key, builder in sorted(story.builders.items()):
        if builder.type != "person" or len(key) != 3:
            continue
        if any(_fold(surface) in story.read_as_body for surface in builder.surfaces):
            found[_initials(" ".join(_name_words(builder))).upper()].append(key)
    return found


def _written_with_the(builder: _Builder, articles: Sequence[Article]) -> bool:
    """Whether the story writes the name with "The": in the name the recognizer read, or as a
    capital "The" right before it ("according to The Harbour Review"), which opens the name."""
    if any(_strip_article(surface) != surface for surface in builder.surfaces):
        return True
    for order, citation in builder.mentions:
        before = articles[order].text[max(0, citation.start - 4) : citation.start]
        if before == "The " and _mid_sentence(articles[order], citation.start - 4):
            return True
    return False


def _mid_sentence(article: Article, offset: int) -> bool:
    """Whether ``offset`` is inside a sentence, past its first word (a capital there is no evidence)."""
    starts = [sentence.start for sentence in article.sentences]
    at = bisect.bisect_right(starts, offset) - 1
    start = starts[at] if at >= 0 else 0
    return bool(article.text[start:offset].strip(" \n\"'‘’“”«(["))


def _initials_of_forms(name: str, plain_name: str) -> list[str]:
    """The initials an acronym of a long name may spell: of the name as keyed and of its plain form
    (no company designator: "HPC" and "HP" for "Hollis-Pardee Co."), each with its hyphened words
    spelled part by part."""
    forms = {name, plain_name}
    return sorted({_initials(spelled).upper() for form in forms for spelled in (form, _hyphens_spaced(form))})


def _hyphens_spaced(name: str) -> str:
    """A name with its hyphens as spaces: an acronym spells each part of a hyphened word
    ("LVP" for "Lisk-Velmar Press", as "AFP" for "Agence France-Presse")."""
    return re.sub(r"[-‐–]", " ", name)


def _initials(name: str) -> str:
    """The first letter of each word but the minor ones; all the letters of a word that is itself
    written as initials ("USGS" for "U.S. Geological Survey")."""
    return "".join(
        word.replace(".", "") if _DOTTED_INITIALS.fullmatch(word) else word[0]
        for word in name.split()
        if word.lower() not in _MINOR_WORDS
    )


#: A word written as initials with dots: "U.S.", "u.k".
_DOTTED_INITIALS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]?\.?")


def _fold_acronyms(story: _Story) -> None:
    """Fold each acronym's entity into the entity of the long name it stands for."""
    _fold_into(story, story.acronyms)


def _fold_nicknames(story: _Story) -> None:
    """Fold the names a person goes by into one: "Ana Roe", "Nan Roe" for Ana "Nan" Roe.

    Each such group goes into the name of it with the most mentions (the one most articles use).
    """
    people: dict[Key, _Builder] = {
        key: b for key, b in story.builders.items() if b.type == "person" and len(key) == 3
    }
    targets: dict[Key, Key] = {}
    for key, builder in sorted(people.items()):
        for surface in sorted(builder.surfaces):
            forms = nickname_keys(surface)
            if forms is None:
                continue
            main, nicknamed = forms
            group = {key, _person_key(main), *(_person_key(form) for form in nicknamed)} & people.keys()
            target = max(sorted(group), key=lambda member: len(people[member].mentions))
            targets.update({member: target for member in group if member != target})
    _fold_into(story, {short: full for short, full in targets.items() if full not in targets})


def _fold_variants(story: _Story, articles: Sequence[Article]) -> None:
    """Fold each name into the one other spelling of it the story uses (:mod:`.variants`)."""
    people: dict[Key, tuple[tuple[str, str], int]] = {
        key: ((key[1], key[2]), len(builder.mentions))
        for key, builder in story.builders.items()
        if builder.type == "person" and len(key) == 3
    }
    _fold_into(story, _hyphen_spellings(story))
    people = {key: value for key, value in people.items() if key in story.builders}
    _fold_into(story, name_variants(people, _relatives_apart(story, list(people), articles)))
    _fold_into(story, _middle_name_slips(story))
    others: dict[Key, tuple[EntityType, str, int]] = {
        key: (builder.type, " ".join(_name_words(builder)), len(builder.mentions))
        for key, builder in story.builders.items()
        if builder.type != "person"
    }
    _fold_into(story, other_name_variants(others))


def _hyphen_spellings(story: _Story) -> dict[Key, Key]:
    """Key -> the key of the person whose name it is, written with or without a hyphen.

    "Ana-Li Roe" and "Ana Li Roe", "Kim Jong-un" and "Kim Jong Un" are one name, keyed apart by
    their first and last words; so is a two-word name that another person's hyphened surname
    spells out ("Lopez Garcia" for "Ana Lopez-Garcia"). Each goes into the spelling with the
    most mentions, and only where exactly one fits.
    """
    people: dict[Key, _Builder] = {
        key: builder
        for key, builder in sorted(story.builders.items())
        if builder.type == "person" and len(key) == 3
    }
    by_form: defaultdict[tuple[str, ...], set[Key]] = defaultdict(set)
    for key, builder in people.items():
        for surface in builder.surfaces:
            words = " ".join(_name_words_of_person(surface)).replace("-", " ").split()
            if len(words) > 1:  # a full name: a bare "Roe" is every Roe's
                by_form[tuple(words)].add(key)
    fits: defaultdict[Key, set[Key]] = defaultdict(set)
    for keys in by_form.values():
        for key in keys:
            fits[key] |= keys - {key}
    hyphened: defaultdict[str, set[Key]] = defaultdict(set)
    for key in people:
        if "-" in key[2]:
            hyphened[key[2]].add(key)
    for key, builder in people.items():
        spelled = hyphened.get(f"{key[1]}-{key[2]}", set()) - {key}
        if len(spelled) == 1 and len(_name_words(builder)) == 2:
            fits[key] |= spelled
            fits[next(iter(spelled))].add(key)
    weight = {key: (len(builder.mentions), key) for key, builder in people.items()}
    found: dict[Key, Key] = {}
    for key, others in sorted(fits.items()):
        if len(others) != 1:
            continue
        target = next(iter(others))
        if len(fits[target]) == 1 and weight[key] < weight[target]:
            found[key] = target
    return found


def _middle_name_slips(story: _Story) -> dict[Key, Key]:
    """Key -> the key of the one longer name whose middle name the two-word name misspells.

    "Omar Siddique Roe" may be written "Sidique Roe" with the first given name left off; the
    two differ in the middle name's spelling, so no containment finds them. (Spelled alike,
    containment does.) Only a slip counts, and only one bearer of such a middle name.
    """
    middles: defaultdict[str, list[tuple[str, Key]]] = defaultdict(list)
    two_words: list[Key] = []
    for key, builder in sorted(story.builders.items()):
        if builder.type != "person" or len(key) != 3:
            continue
        words = [_name_words_of_person(surface) for surface in builder.surfaces]
        found = sorted({name[1] for name in words if len(name) == 3})
        middles[key[2]].extend((middle, key) for middle in found)
        if all(len(name) == 2 for name in words):
            two_words.append(key)
    targets: dict[Key, Key] = {}
    for key in two_words:
        bearers = {other for middle, other in middles[key[2]] if spelling_slip(key[1], middle)}
        if len(bearers) == 1:
            targets[key] = bearers.pop()
    return targets


#: Words for a relative: "his stepson, Ana Roe", "Ana Roe, one of the deputy's sons".
_KIN_WORDS = word_list(
    """
    son sons daughter daughters stepson stepdaughter child children brother sister father mother
    stepfather stepmother wife husband widow widower nephew niece cousin uncle aunt grandson
    granddaughter grandfather grandmother twin sibling fiance fiancee
    """
)
#: How many words before a full name, and after the comma behind it, are read for a relative.
_KIN_WINDOW = 4
_KIN_APPOSITION = 8


def _relatives_apart(
    story: _Story, keys: Sequence[Key], articles: Sequence[Article]
) -> frozenset[frozenset[Key]]:
    """Pairs of full names of one surname that the story shows to be two people of one family.

    One is written as someone's relative ("her stepson, Jeremy Roe") in an article that writes
    the other out too ("Deputy Jerry Roe"), and the other is never written as a relative: the
    article names the relative beside the person the story is about. (Two names both written
    as relatives, "his sister Katie Roe" and "his sister Kathryn Roe", may be one person.)
    """
    written: dict[Key, set[str]] = {key: set() for key in keys}
    as_kin: dict[Key, set[str]] = {key: set() for key in keys}
    for key in keys:
        for order, citation in story.builders[key].mentions:
            text = articles[order].text
            if _person_key(text[citation.start : citation.end]) != key:
                continue  # a bare surname linked to the person, not the name itself
            written[key].add(citation.article_id)
            if _written_as_relative(text, citation.start, citation.end):
                as_kin[key].add(citation.article_id)
    by_surname: defaultdict[str, list[Key]] = defaultdict(list)
    for key in keys:
        by_surname[key[2]].append(key)
    return frozenset(
        frozenset({kin, other})
        for kin in keys
        if as_kin[kin]
        for other in by_surname[kin[2]]
        if other != kin and as_kin[kin] & written[other] and not as_kin[other]
    )


def _written_as_relative(text: str, start: int, end: int) -> bool:
    """Whether a name is written as someone's relative: a word for kin right before it ("her
    stepson, Ana Roe") or in the apposition after it ("Ana Roe, one of the deputy's sons")."""
    line_start = text.rfind("\n", 0, start) + 1
    before = _plain_words(text[max(line_start, start - 60) : start])[-_KIN_WINDOW:]
    line_end = text.find("\n", end)
    after = text[end : min(end + 80, len(text) if line_end < 0 else line_end)]
    apposition = _plain_words(re.split(r"[.;:!?]", after[1:], maxsplit=1)[0])[:_KIN_APPOSITION]
    return bool(_KIN_WORDS & set(before) or (after.startswith(",") and _KIN_WORDS & set(apposition)))


def _plain_words(text: str) -> list[str]:
    """Case-folded words of ``text`` without punctuation or a possessive ("deputy's" -> "deputy")."""
    return [re.sub(r"['’]s$", "", word) for word in re.findall(r"[\w'’-]+", text.casefold())]


def _fold_places_named_for_people(story: _Story, articles: Sequence[Article]) -> None:
    """Fold a person's name that always stands for a place named after them ("checked into Ana
    Roe") into that place (:mod:`.namesakes`)."""
    people: dict[Key, tuple[tuple[str, ...], list[str]]] = {}
    others: dict[Key, tuple[EntityType, tuple[str, ...]]] = {}
    for key, builder in story.builders.items():
        if builder.type == "person" and len(key) == 3:
            people[key] = (_name_words(builder), [_word_before(articles[o], c) for o, c in builder.mentions])
        elif builder.type != "person":
            others[key] = (builder.type, _name_words(builder))
    _fold_into(story, places_named_for_people(people, others))


def _word_before(article: Article, citation: Citation) -> str:
    """The case-folded word right before a mention, "" at the start of the text."""
    before = article.text[max(0, citation.start - 40) : citation.start].split()
    return before[-1].casefold() if before else ""


def _fold_contained(story: _Story, articles: Sequence[Article]) -> None:
    """Fold each short name into the one longer name of the story it stands for (:mod:`.containment`)."""
    names: dict[Key, tuple[EntityType, tuple[str, ...]]] = {}
    for key, builder in story.builders.items():
        if builder.type in _CONTAINED_TYPES and not _is_country(builder):
            names[key] = (builder.type, _name_words(builder))
    weights = {key: len(builder.mentions) for key, builder in story.builders.items()}
    acronyms = {key for key in names if _written_as_acronym(story.builders[key])}
    located = {key for key in names if _written_as_place(story.builders[key], articles)}
    folds = contained_names(names, weights, acronyms, located)
    _fold_into(
        story, {short: full for short, full in folds.items() if not _titled_into_body(story, short, full)}
    )


def _titled_into_body(story: _Story, short: Key, full: Key) -> bool:
    """Whether a person the story gives a title ("President Roe") would go into a body's or
    a thing's name ("Roe To Resign", a headline read as a name): a titled person is no body."""
    person, other = story.builders[short], story.builders[full]
    if person.type != "person" or other.type == "person":
        return False
    # A title word closes the role ("President", "Deputy Mayor"): the recognizer also reads runs of
    # words before a name as a role, which say nothing of it being a person.
    return any(is_title_word(title.split()[-1].casefold()) for title, _ in person.roles.values() if title)


#: Words after which a name is where something is or happens: "in Lisk", "near Lisk".
_LOCATIVE = frozenset({"in", "near"})


def _written_as_place(builder: _Builder, articles: Sequence[Article]) -> bool:
    """Whether a name is written where a place stands ("in Lisk") in the story at least once:
    a place's reading by the tagger is borne out, and the name is no team's or person's
    misread; any other name so written may be a place too ("in Lisk Valley Park"). Not
    when a possessive or another capitalised word follows ("in Roe's suit", "in Lisk Telecom's
    cables"): the place word then only opens what the preposition governs."""
    return any(
        _word_before(articles[order], citation) in _LOCATIVE and not _name_goes_on(articles[order], citation)
        for order, citation in builder.mentions
    )


_GOES_ON = re.compile(r"['’]s\b|[^\S\n]+[A-Z]")


def _name_goes_on(article: Article, citation: Citation) -> bool:
    return _GOES_ON.match(article.text, citation.end) is not None


def _written_as_acronym(builder: _Builder) -> bool:
    """Whether every form of the name is one word in capitals ("LBC"), as an acronym is written."""
    return all(
        len(word := _strip_article(surface)) >= 2 and word.isupper() and " " not in word
        for surface in builder.surfaces
    )


#: Types whose short names are folded into longer ones; places only into another type's
#: name ("Chiefs" read as a place, "Kansas City Chiefs"): "Kansas" is not "Kansas City".
_CONTAINED_TYPES: frozenset[EntityType] = frozenset({"person", "organization", "other", "place"})


def _is_country(builder: _Builder) -> bool:
    return builder.type == "place" and country_for_name(builder.key[1]) is not None


def _name_words(builder: _Builder) -> tuple[str, ...]:
    """The case-folded words of an entity's longest name, without dots or a leading "the"
    (and for a person, without the titles and letters the recognizer took in)."""
    longest = max(builder.surfaces, key=lambda surface: (len(surface.split()), surface))
    if builder.type == "person":
        return tuple(word.rstrip(".") for word in _name_words_of_person(_strip_article(longest)))
    name = _strip_article(longest)
    plain_name = normalised(name.casefold(), builder.type, opens_in_capitals=name.split()[0].isupper())
    return tuple(word.rstrip(".") for word in plain_name.split())


def _fold_bare_names_left(story: _Story) -> None:
    """Fold a bare surname left on its own into the one person of the story who still bears it.

    A bare "Roe" read while the story held two names of that surname ("Ken Roe", "Kenneth Roe")
    stayed apart; once those are known to be one person (:func:`_fold_variants`,
    :func:`_fold_contained`), nothing is left to tell apart and the bare name is that person.
    So it is when its titles fit only one of them ("President Roe" and "President Ana Roe", not
    "Ivo Roe").
    (A relative named in full is no reason to give the bare name to the other bearer: the
    relative may be the one who speaks, "Ivo Roe, mother of ...", then "Roe said".)
    A name no person bears last is the one person's who bears it first, as when it was read
    ("Kim" for "Kim Jong Un" once "Kim Jong-un" is known to be him).
    """
    bearers: defaultdict[str, list[Key]] = defaultdict(list)
    first_bearers: defaultdict[str, list[Key]] = defaultdict(list)
    for key, builder in sorted(story.builders.items()):
        if builder.type == "person" and len(key) == 3 and key not in story.glued:
            bearers[key[2]].append(key)
            first_bearers[key[1]].append(key)
    targets: dict[Key, Key] = {}
    for key, builder in sorted(story.builders.items()):
        if builder.type != "person" or len(key) != 2:
            continue
        candidates = bearers.get(key[1]) or first_bearers.get(key[1], [])
        if len(candidates) > 1:
            titles = [title for title, _ in builder.roles.values()]
            fitting = [other for other in candidates if _titles_fit(story.builders[other], titles)]
            candidates = fitting if titles else []
        if len(candidates) == 1:
            targets[key] = candidates[0]
    _fold_into(story, targets)


def _fold_into(story: _Story, targets: Mapping[Key, Key]) -> None:
    """Fold each ``short`` entity into the ``full`` one: its surfaces, mentions and roles move over."""
    for short, full in sorted(targets.items()):
        source = story.builders.get(short)
        target = story.builders.get(full)
        if source is None or target is None or source is target:
            continue
        target.surfaces.update(source.surfaces)
        target.mentions.extend(source.mentions)
        for title, ids in source.roles.values():
            for article_id in ids:
                target.add_role(title, article_id)
        del story.builders[short]


def _move_team_mentions(story: _Story, articles: Sequence[Article]) -> None:
    """Move a place's mentions that stand for its team ("a win over Lisk") to the one team of the
    story whose name opens with the place's ("Lisk Gulls"): see :mod:`.teams`."""
    opening: defaultdict[tuple[str, ...], list[_Builder]] = defaultdict(list)
    for builder in story.builders.values():
        if builder.type in ("organization", "other") and may_be_team(words := _name_words(builder)):
            for size in range(1, len(words)):
                opening[words[:size]].append(builder)
    emptied: list[Key] = []
    for key, builder in sorted(story.builders.items()):
        if builder.type != "place" or _is_country(builder):
            continue
        teams = opening.get(_name_words(builder), [])
        if len(teams) != 1:
            continue
        moved = [pair for pair in builder.mentions if _stands_for_team(articles[pair[0]], pair[1])]
        if not moved:
            continue
        teams[0].mentions.extend(moved)
        builder.mentions = [pair for pair in builder.mentions if pair not in moved]
        left = Counter(builder.surfaces)
        for order, citation in moved:
            surface = articles[order].text[citation.start : citation.end]
            teams[0].surfaces[surface] += 1
            left[surface] -= 1
        builder.surfaces = +left or builder.surfaces  # a place keeps a name while it has mentions
        if not builder.mentions:
            emptied.append(key)
    for key in emptied:
        del story.builders[key]


def _stands_for_team(article: Article, citation: Citation) -> bool:
    sentences = article.sentences or (Span(0, len(article.text)),)
    at = bisect.bisect_right([sentence.start for sentence in sentences], citation.start) - 1
    sentence = sentences[max(at, 0)]
    return reads_as_team(article.text, sentence.start, sentence.end, citation.start, citation.end)


# --- nominal references ("the minister") --------------------------------------------------------------


def _add_nominal_references(story: _Story, articles: Sequence[Article]) -> None:
    """Point "the minister" at the one person already named in the article whose title fits."""
    people = [b for b in story.builders.values() if b.type == "person" and b.roles]
    # article order -> {position in people: first mention start in that article}
    first_seen: defaultdict[int, dict[int, int]] = defaultdict(dict)
    for position, builder in enumerate(people):
        for order, citation in builder.mentions:
            seen = first_seen[order]
            seen[position] = min(seen.get(position, citation.start), citation.start)
    for order, article in enumerate(articles):
        known = first_seen.get(order)
        if not known:
            continue
        for start, end, head, qualifier in nominal_references(article.text, article.sentences):
            fitting = [
                p for p, first in known.items() if first < start and _role_fits(people[p], head, qualifier)
            ]
            if len(fitting) == 1:
                people[fitting[0]].mentions.append((order, Citation(article.id, start, end)))


def _role_fits(builder: _Builder, head: str, qualifier: str | None) -> bool:
    """Whether one of the person's titles has this head noun (and names the qualifier's country)."""
    country = None if qualifier is None else country_for_demonym(qualifier) or country_for_name(qualifier)
    for folded in builder.roles:
        words = folded.replace("'s", " ").replace("’s", " ").split()
        if head not in words:
            continue
        if qualifier is None or qualifier.casefold() in words:
            return True
        if country is not None and any(_country_of(word) == country for word in words):
            return True
    return False


def _country_of(word: str) -> str | None:
    return country_for_demonym(word) or country_for_name(word)


# --- output -------------------------------------------------------------------------------------------


def _entities(builders: Iterable[_Builder]) -> tuple[Entity, ...]:
    made: list[tuple[tuple[int, int], Entity]] = []
    used: set[str] = set()
    for builder in builders:
        mentions = sorted(set(builder.mentions), key=lambda pair: (pair[0], pair[1].start, pair[1].end))
        name = _display_name(builder)
        entity_id = _entity_id(builder.type, name)
        if entity_id in used:
            entity_id = _entity_id(builder.type, name + "|" + "|".join(builder.key))
        used.add(entity_id)
        entity = Entity(
            id=entity_id,
            name=name,
            type=builder.type,
            aliases=tuple(sorted(s for s in builder.surfaces if s != name)),
            roles=tuple(Role(title, tuple(ids)) for title, ids in builder.roles.values()),
            mentions=tuple(citation for _, citation in mentions),
        )
        first = mentions[0]
        made.append(((first[0], first[1].start), entity))
    made.sort(key=lambda pair: (pair[0], pair[1].id))
    return tuple(entity for _, entity in made)


def _display_name(builder: _Builder) -> str:
    if builder.type == "place":
        country = country_for_name(builder.key[1])
        if country is not None:
            return country
    candidates = [_strip_article(surface) for surface in builder.surfaces]
    if builder.type == "person":
        candidates = [_without_run_on_words(c) for c in candidates]
    if builder.type == "person" and len(builder.key) == 3:
        # A name folded in with a word before it ("Striker Ana Roe") does not name the person.
        own = [c for c in candidates if _person_key(c) == builder.key]
        candidates = own or candidates
    counts: Counter[str] = Counter()
    for surface, count in builder.surfaces.items():
        counts[_without_run_on_words(_strip_article(surface))] += count
    longest = max(len(c.split()) for c in candidates)
    full = [c for c in candidates if len(c.split()) == longest]
    return min(full, key=lambda c: (-counts[c], c))


def _without_run_on_words(surface: str) -> str:
    """A person's name without the joining words the recognizer ran on into ("Ana Roe and")."""
    words = surface.split()
    while len(words) > 1 and words[-1] in _RUN_ON_WORDS:
        words.pop()
    return " ".join(words)


def _entity_id(kind: str, name: str) -> str:
    return stable_id("e", f"{kind}:{name}")
