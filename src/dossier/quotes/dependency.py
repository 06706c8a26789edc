"""Who a quotation's sentence says spoke it, read from the dependency parse.

A quotation hangs from the verb that reports it: the quoted clause is that
verb's complement or object ("“We will rebuild,” the mayor said"; "She called
the plan “a betrayal”"). Climbing the heads from the words in the marks to the
first reporting verb outside them, then taking that verb's subject, finds the
speaker however the sentence is ordered, with any verb of speech, and skips the
people the quotation itself talks about ("Lee said Park “cannot be trusted”":
Park is the subject inside the reported clause, Lee the subject of "said").

A reporting verb with no subject of its own ("..., adding that ...",
"..., declaring it ...") takes the subject of the verb it depends on. Two
clauses around a quotation with no verb of its own name its speaker too: a bare
"Vask said." right after it (:func:`bare_attribution`), and a sentence before it
whose root is a verb of speech (:func:`lead_in_subject`).
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass

from dossier.analysis import Tokens
from dossier.words import word_list

#: Lemmas of verbs that report speech or writing. General English, not any outlet's habits.
REPORTING_LEMMAS = word_list("""
    say tell add stress warn ask note insist explain argue declare state claim reply respond write
    recall acknowledge admit emphasize emphasise reiterate urge announce conclude suggest observe remark
    caution describe call report concede confirm counter maintain promise vow pledge underscore tweet
    complain predict lament shout exclaim decry denounce chant joke quip testify contend assert
    proclaim praise criticize criticise blast slam accuse dub label brand hail mock scoff boast charge
    demand allege recount scream yell whisper snap retort fume rail thunder muse sigh plead characterize
    characterise chide scold lash tout bark gush riff wonder protest exhort cite
""")
#: Verbs of a sentence that hands over to the quotation after it: those of speech, and those that say a
#: speaker goes on or joins in ("Lee agreed. “…”", "Lee continued his remarks. “…”").
_LEAD_IN_LEMMAS = REPORTING_LEMMAS | frozenset({"agree", "continue", "elaborate", "concur", "echo"})
#: Nouns of the words a speaker puts out in writing or in full ("issued a statement", "sent a letter").
_ISSUED_WORDS = word_list("statement release letter memo message email announcement")
#: Verbs of speech whose passive subject is the one spoken to or of, never the speaker ("Lee was asked",
#: "the crews were told", "Lee was accused by Roe of …", "the plan was called …"): all but those whose
#: passive subject is still who spoke ("Lee is said to have called it …", "Lee was reported as saying").
_ADDRESSING_LEMMAS = REPORTING_LEMMAS - frozenset({"say", "report"})
#: Dependency labels of a verb's subject, active and passive.
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: Labels by which a reporting verb without a subject of its own hangs from another verb.
_BORROWS_SUBJECT = frozenset({"advcl", "xcomp", "conj", "ccomp", "acl"})
#: Labels by which a subjectless verb of speech hangs on a verb of the clause another verb reports, and
#: borrows that clause's subject only by the parser's choice: a participle or a coordinated verb.
_JOINS_A_REPORTED_CLAUSE = frozenset({"advcl", "conj"})
#: Labels of the words a subject noun phrase keeps before its head ("the Texas delegate Bill Eastland").
_NOUN_MODIFIERS = frozenset({"compound", "det", "amod", "poss", "nummod", "flat", "nmod", "case", "quantmod"})
#: Labels the parser gives the verb of a relative clause it hung on the verb of speech after it.
_MISPARSED_RELATIVES = frozenset({"ccomp", "advcl", "parataxis"})
#: Labels the tagger gives a name it misread in the subject's place before a verb.
_MODIFIER_LABELS = frozenset({"advmod", "npadvmod", "compound", "nmod"})
#: Marks that end a sentence or a clause of its own: a noun phrase never reaches back over one, and a
#: speaker's name is never sought past one.
STOP_MARKS = frozenset({".", "!", "?", ";", ":"})
#: How many heads a quotation climbs to reach its reporting verb: a clause or two, no further.
VERB_CLIMB = 6
#: How many heads :func:`enclosing_subject` climbs: a sentence's clauses nest a dozen deep at most.
_ENCLOSING_CLIMB = 12
#: Verbs that, alone with their subject, attribute the quotation before them ("Trump said.").
#: Not "respond" or "report": "X did not respond", "Y reported from Z" say who wrote, not who spoke.
_BARE_LEMMAS = word_list("""
    say add tweet write ask exclaim shout yell scream declare explain insist reply quip joke note warn
    tell read continue question press bark opine gush chant sing muse marvel remark
""")
#: What a bare attribution never has: something else it reports or does, a negation, or a particle that
#: makes its verb another one ("wrote off"). To whom and while doing what it may say ("“…” Lee told
#: reporters as she left").
_NOT_BARE = frozenset({"ccomp", "xcomp", "parataxis", "attr", "oprd", "conj", "neg", "acomp", "prt"})
#: After a comma-closed quotation the clause may say to whom, how and when, but never report a clause of
#: its own or deny: "“…,” Lee told reporters after the vote" attributes, "“…,” Lee said he doubted" does not.
_NOT_BARE_AFTER_COMMA = frozenset({"ccomp", "xcomp", "parataxis", "attr", "oprd", "neg", "acomp"})
#: What the parser calls a subject that follows its reporting verb ("said Okafor": advmod; "asked the boy":
#: dobj), besides the subject labels themselves.
_INVERTED_SUBJECTS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "advmod", "npadvmod", "attr", "dative", "appos"}
)
#: How far after the verb the inverted subject's head may stand ("said Oversight ranking Democrat Ann Lee").
_INVERTED_REACH = 10
#: The longest bare attribution ("the state's senior senator said on Tuesday"), in tokens.
_BARE_CLAUSE_TOKENS = 14
#: First words of a subject that names nobody ("a reporter", "one voter", "another").
_INDEFINITE_OPENINGS = frozenset({"a", "an", "one", "another", "some", "several", "two", "three"})
#: What may head the phrase naming a speaker: a noun, a name, an adjective used as a noun ("the 38-year-old").
_PHRASE_HEADS = frozenset({"NOUN", "PROPN", "ADJ"})
#: A subject this many tokens away from its verb is a parse going astray.
_SUBJECT_REACH = 40


@dataclass(frozen=True, slots=True)
class Subject:
    """The reporting verb (token index) and its subject's head token and noun phrase (token indexes)."""

    verb: int
    head: int
    first: int  # first token of the noun phrase the head ends
    last: int  # the head, or the last token of the apposition right after it


def token_range(tokens: Tokens, start: int, end: int) -> tuple[int, int]:
    """The indexes [first, last) of the tokens starting inside ``[start, end)``."""
    return bisect.bisect_left(tokens.starts, start), bisect.bisect_left(tokens.starts, end)


def reporting_subject(tokens: Tokens, first: int, last: int) -> Subject | None:
    """The subject of the reporting verb that governs tokens ``[first, last)`` (a quotation), if any."""
    for exit_head in _heads_leaving(tokens, first, last):
        verb = _climb_to_reporting_verb(tokens, exit_head, first, last)
        if verb is None:
            continue
        subject = subject_of(tokens, verb, first, last)
        if subject is not None:
            return subject
    return None


def outer_reporter(tokens: Tokens, subject: Subject, first: int, last: int) -> Subject | None:
    """The subject of the reporting verb whose reported clause holds ``subject``'s verb, when that
    subject is a pronoun ("The senator said he rarely asks for help, “except from friends”")."""
    verb = subject.verb
    if tokens.pos[subject.head] != "PRON" or tokens.deps[verb] != "ccomp":
        return None
    outer = tokens.heads[verb]
    if outer == verb or tokens.lemmas[outer].casefold() not in REPORTING_LEMMAS:
        return None
    return subject_of(tokens, outer, first, last)


def subject_of(tokens: Tokens, verb: int, first: int, last: int) -> Subject | None:
    """The subject of ``verb`` outside ``[first, last)``, or of the verb it borrows its subject from."""
    at = verb
    for _ in range(VERB_CLIMB):
        subjects = [i for i in children(tokens, at) if tokens.deps[i] in SUBJECTS and not first <= i < last]
        if subjects:
            # Two subjects is a parse gone wrong, mostly over a dateline ("VELM — Minister X said"): the
            # nearer one is the verb's.
            head = min(subjects, key=lambda i: (abs(i - at), i))
            if tokens.deps[head] == "nsubjpass" and tokens.lemmas[at].casefold() in _ADDRESSING_LEMMAS:
                # "Lee was asked by the host, “…”": the one asked or told is not the speaker; the agent is.
                agent = _agent_of(tokens, at)
                if agent is None:
                    return None
                head = agent
            if (
                at != verb
                and tokens.deps[verb] in _JOINS_A_REPORTED_CLAUSE
                and tokens.lemmas[at].casefold() not in REPORTING_LEMMAS
            ):
                head = _reporter_of_clause(tokens, at, first, last) or head
            return Subject(verb, head, noun_phrase_start(tokens, head), _apposition_end(tokens, head))
        if tokens.heads[at] == at or not (tokens.deps[at] in _BORROWS_SUBJECT or _issued_words(tokens, at)):
            return _misparsed_subject(tokens, at, first, last)
        at = tokens.heads[at]
    return None


def _misparsed_subject(tokens: Tokens, verb: int, first: int, last: int) -> Subject | None:
    """The subject the parse failed to hang on a verb of speech that has none, read from the clause before it.

    The small parser loses the subject of "Lee, who sits on the board, said …" to the relative clause,
    whose verb it makes a complement of "said" with "Lee" for subject: a noun set off by a comma and a
    relative "who" before the verb is the verb's subject.
    """
    if tokens.lemmas[verb].casefold() not in REPORTING_LEMMAS:
        return None
    if any(tokens.deps[i] in SUBJECTS for i in children(tokens, verb)):
        return None
    for clause in children(tokens, verb):
        if clause > verb or tokens.deps[clause] not in _MISPARSED_RELATIVES:
            continue
        for head in children(tokens, clause):
            if (
                head < clause
                and tokens.deps[head] == "nsubj"
                and tokens.pos[head] in ("NOUN", "PROPN")
                and not first <= head < last
                and _relative_after(tokens, head, verb)
            ):
                return Subject(verb, head, noun_phrase_start(tokens, head), head)
    return _modifier_before(tokens, verb, first, last)


def _modifier_before(tokens: Tokens, verb: int, first: int, last: int) -> Subject | None:
    """A proper noun right before a verb of speech with no subject, which the tagger read as its modifier
    ("And Roe called the plan …" with "Roe" an adverb): a verb of speech is said by someone, and the
    word in the subject's place is who."""
    before = verb - 1
    if before < 0 or first <= before < last or tokens.heads[before] != verb:
        return None
    if tokens.pos[before] not in ("PROPN", "ADV") or tokens.deps[before] not in _MODIFIER_LABELS:
        return None
    return Subject(verb, before, noun_phrase_start(tokens, before), before)


def _issued_words(tokens: Tokens, noun: int) -> bool:
    """Whether ``noun`` is a statement or a letter that the verb it is the object of puts out ("Lee's office
    issued a statement saying …"): a participle of speech on it speaks for that verb's subject."""
    return tokens.deps[noun] == "dobj" and tokens.lemmas[noun].casefold() in _ISSUED_WORDS


def _relative_after(tokens: Tokens, noun: int, verb: int) -> bool:
    """Whether a comma and then "who" follow ``noun`` before ``verb`` ("Lee, meanwhile, who …")."""
    if noun + 1 >= verb or tokens.lemmas[noun + 1] != ",":
        return False
    return any(
        tokens.lemmas[i].casefold() == "who" and tokens.pos[i] == "PRON" for i in range(noun + 2, verb)
    )


def _agent_of(tokens: Tokens, verb: int) -> int | None:
    """The noun of a passive verb's "by" phrase ("asked by the host" → host), if any."""
    for by in children(tokens, verb):
        if tokens.deps[by] == "agent":
            nouns = [i for i in children(tokens, by) if tokens.deps[i] == "pobj"]
            return nouns[0] if nouns else None
    return None


def _reporter_of_clause(tokens: Tokens, clause: int, first: int, last: int) -> int | None:
    """The subject of the reporting verb whose reported clause ``clause`` is, if any.

    A participle of speech ("adding", "saying") hangs on the last verb before it, which may be one of
    the words reported ("Lee told them that the port had failed, adding, “…”"): whoever reported them
    is the one adding. A verb of speech it hangs on speaks for itself ("…,” Lee added, saying").
    A verb of speech the parser joined to the reported clause is the reporter's next act too ("Lee
    said the port had failed and called the plan “a farce”": Lee called it, not the port).
    """
    if tokens.deps[clause] != "ccomp" or tokens.heads[clause] == clause:
        return None
    reporter = tokens.heads[clause]
    if tokens.lemmas[reporter].casefold() not in REPORTING_LEMMAS:
        return None
    subjects = [i for i in children(tokens, reporter) if tokens.deps[i] in SUBJECTS and not first <= i < last]
    return min(subjects, key=lambda i: (abs(i - reporter), i)) if subjects else None


def governing_verb(tokens: Tokens, first: int, floor: int) -> int | None:
    """The verb a quotation's first token hangs from, found by climbing its heads to before ``floor``."""
    at = first
    for _ in range(VERB_CLIMB):
        head = tokens.heads[at]
        if head == at:
            return None
        at = head
        if tokens.pos[at] in ("VERB", "AUX") and tokens.starts[at] < floor:
            return at
    return None


def enclosing_subjects(tokens: Tokens, start: int, first: int) -> Iterator[Subject]:
    """The subjects before token ``first`` of the verbs that ``start`` hangs from, nearest first.

    A partial quotation inside the writer's own sentence has no reporting verb of its
    own ("Lee ripped the board for acting as “judge, jury and executioner”"): the
    words are credited to whoever the sentence says acted, the subject of a verb
    above the quotation.
    """
    at = start
    for _ in range(_ENCLOSING_CLIMB):
        if tokens.pos[at] in ("VERB", "AUX"):
            subjects = [i for i in children(tokens, at) if tokens.deps[i] in SUBJECTS and i < first]
            if subjects:
                head = max(subjects)
                if tokens.deps[head] == "nsubjpass" and tokens.lemmas[at].casefold() in _ADDRESSING_LEMMAS:
                    agent = _agent_of(tokens, at)
                    if agent is None:
                        return  # "Lee was asked, “…”": the one asked is not the speaker, nor anyone above
                    head = agent
                yield Subject(at, head, noun_phrase_start(tokens, head), _apposition_end(tokens, head))
        if tokens.heads[at] == at:
            return
        at = tokens.heads[at]


def children(tokens: Tokens, head: int) -> Iterator[int]:
    """The tokens whose head is ``head``, near it (a clause spans at most a few dozen tokens)."""
    for index in range(max(0, head - _SUBJECT_REACH), min(len(tokens), head + _SUBJECT_REACH)):
        if index != head and tokens.heads[index] == head:
            yield index


def noun_phrase_start(tokens: Tokens, head: int) -> int:
    """The first token of the noun phrase that ``head`` ends: its modifiers right before it.

    A token glued to the phrase without a space ("two-term") belongs to it whatever its label.
    """
    start = head
    while start > 0 and (
        _glued(tokens, start - 1)
        or (tokens.deps[start - 1] in _NOUN_MODIFIERS and _within(tokens, start - 1, head))
    ):
        start -= 1
    return start


def _glued(tokens: Tokens, index: int) -> bool:
    """Whether token ``index`` is glued to the next one as part of one word ("two-term", a no-break space
    in a name): not a line break or the full stop of the sentence before ("said.\nThe witness")."""
    return (
        tokens.ends[index] == tokens.starts[index + 1]
        and "\n" not in tokens.lemmas[index]
        and tokens.lemmas[index] not in STOP_MARKS
    )


def lead_in_subject(tokens: Tokens, before: int) -> Subject | None:
    """The speaker a lead-in sentence names: the subject of its root, when that is a reporting verb.

    "Sanders said Tuesday he would stay in the race. “We will fight on.”": the
    sentence before the quotation reports what someone said, and the quotation
    that follows, with no cue of its own, gives that person's words.
    """
    if before <= 0:
        return None
    root = _root_of(tokens, before - 1)
    if root is None:
        return None
    speaking = (
        root
        if tokens.lemmas[root].casefold() in _LEAD_IN_LEMMAS or _puts_out_words(tokens, root)
        else _speaking_complement(tokens, root)
    )
    if speaking is None:
        reporter = _reporter_hung_below(tokens, root)
        if reporter is not None:
            root = speaking = reporter
    if speaking is None or any(
        tokens.deps[i] == "neg" for i in (*children(tokens, root), *children(tokens, speaking))
    ):
        return None
    subject = subject_of(tokens, root, before, before)
    # The cue is the verb of speech, not the "was" of "was quick to add".
    return None if subject is None else dataclasses.replace(subject, verb=speaking)


def _reporter_hung_below(tokens: Tokens, root: int) -> int | None:
    """A verb of speech with a subject of its own that the parse hung below the root it reports, before
    it ("Roe argued in his email, the rule is a relic": "argued" under "is").

    The small parser often makes a long reported clause the root and the reporting clause its
    complement; the sentence still reports what its speaker said.
    """
    for verb in children(tokens, root):
        if verb > root or tokens.deps[verb] not in ("ccomp", "parataxis"):
            continue
        if tokens.lemmas[verb].casefold() not in _LEAD_IN_LEMMAS:
            continue
        if any(tokens.deps[i] in SUBJECTS and i < verb for i in children(tokens, verb)):
            return verb
    return None


def _puts_out_words(tokens: Tokens, verb: int) -> bool:
    """Whether ``verb`` has for its object a statement or a letter, whatever the verb ("the board issued a
    statement", "Lee put out a release"): the words that follow are that statement's."""
    return any(
        tokens.deps[i] == "dobj" and tokens.lemmas[i].casefold() in _ISSUED_WORDS
        for i in children(tokens, verb)
    )


def _speaking_complement(tokens: Tokens, root: int) -> int | None:
    """A verb of speech the root's subject goes on to ("Lee was quick to add …", "Lee went on to say …"):
    an open complement of the root, or of its adjective, shares the root's subject."""
    for complement in children(tokens, root):
        if tokens.deps[complement] not in ("xcomp", "acomp"):
            continue
        for verb in (complement, *children(tokens, complement)):
            if tokens.deps[verb] == "xcomp" and tokens.lemmas[verb].casefold() in _LEAD_IN_LEMMAS:
                return verb
    return None


def _root_of(tokens: Tokens, index: int) -> int | None:
    at = index
    for _ in range(_SUBJECT_REACH):
        if tokens.heads[at] == at:
            return at
        at = tokens.heads[at]
    return None


def bare_attribution(tokens: Tokens, start: int, quoted_from: int | None = None) -> Subject | None:
    """A short clause from token ``start`` that only says who spoke ("Trump said.", "one person tweeted").

    It follows a quotation whose closing mark ended the sentence: its reporting
    verb has a subject and nothing else it reports, so the words it reports are
    the quotation before it. A quotation closed by a comma (“…,” Lee barked) is
    an unfinished sentence that the clause after it completes: any verb there
    reports it, and the verb may also say to whom or how (“…,” Lee told the crowd
    as she left). ``quoted_from`` is then the quotation's first token, and the
    quoted words may hang from that verb.
    """
    if start >= len(tokens):
        return None
    root = _clause_root(tokens, start)
    comma_closed = quoted_from is not None
    if root is None or not _reports_bare(tokens, root, comma_closed):
        return None
    floor = start if quoted_from is None else quoted_from
    attached = [i for i in children(tokens, root) if tokens.pos[i] != "PUNCT" and not floor <= i < start]
    refused = _NOT_BARE_AFTER_COMMA if comma_closed else _NOT_BARE
    if any(tokens.deps[i] in refused for i in attached) or any(i < start for i in attached):
        return None
    # What follows a comma after the verb is an aside of time or place ("…” Lee said, three days after
    # the vote, on a call with donors): the clause that attributes ends at the comma.
    comma = next(
        (i for i in range(root + 1, len(tokens)) if tokens.lemmas[i] == "," or i - root > 40), len(tokens)
    )
    end = max([root, *(i for i in attached if i < comma)])
    if end - start > _BARE_CLAUSE_TOKENS:
        return None
    return subject_of(tokens, root, floor, start)


def closing_attribution(tokens: Tokens, start: int) -> Subject | None:
    """A clause from token ``start`` naming who spoke and ending the sentence ("…,” the senator said.").

    After a quotation closed by a comma nothing else can come in that shape: the
    clause attributes the quotation whatever the parse made of the sentence
    before it (a parse may hang the quoted words on another verb of speech in it).
    Only nouns and their modifiers stand before the verb; after it, at most a
    short phrase of place or time ("on Tuesday", "in a statement"), no verb. A
    pronoun is left to the parse of the whole sentence, which may name whom it
    stands for ("Lee said the port has “…,” he said.").
    """
    at = start
    while at < len(tokens) and tokens.pos[at] == "PUNCT":
        at += 1
    verb = None
    for index in range(at, min(len(tokens), at + _BARE_CLAUSE_TOKENS)):
        if tokens.pos[index] in ("VERB", "AUX"):
            verb = index
            break
        if tokens.pos[index] == "PUNCT" and tokens.lemmas[index] not in (",", "-", "—", "–"):
            return None
    if verb is None or tokens.lemmas[verb].casefold() not in _BARE_LEMMAS or verb == at:
        return None
    subjects = [i for i in children(tokens, verb) if _subject_label(tokens, i) and at <= i < verb]
    if not subjects or tokens.pos[subjects[0]] == "PRON":
        return None
    for index in range(verb + 1, min(len(tokens), verb + _BARE_CLAUSE_TOKENS)):
        if tokens.pos[index] in ("VERB", "AUX"):
            return None
        if tokens.lemmas[index] in (".", "!", "?") or tokens.starts[index] > tokens.ends[index - 1] + 1:
            head = subjects[0]
            return Subject(verb, head, noun_phrase_start(tokens, head), _apposition_end(tokens, head))
    return None


def _subject_label(tokens: Tokens, index: int) -> bool:
    """Whether token ``index`` is its verb's subject, or a name the parser wrongly hung on the verb as a
    compound (“…,” Conway notes.): a verb has no compounds, so the name before it is who acts."""
    if tokens.deps[index] in SUBJECTS:
        return True
    return tokens.deps[index] == "compound" and tokens.pos[index] == "PROPN" and tokens.heads[index] > index


def _clause_root(tokens: Tokens, start: int) -> int | None:
    """The root of the clause that opens at token ``start``: its heads climbed until one leads back before it.

    The parser sometimes hangs the clause after a quotation on a word inside it ("… the mosques," the
    candidate said → "said" a relative clause of "mosques"); the clause is still its own.
    """
    root = start
    for _ in range(VERB_CLIMB):
        head = tokens.heads[root]
        if head == root or head < start:
            return root
        root = head
    return None


def inverted_subject(tokens: Tokens, start: int) -> Subject | None:
    """The subject after a reporting verb that opens the clause right after a quotation (“…,” said Lee).

    English puts the subject after the verb there, and the small parser often
    reads that subject as the verb's object or an adverb ("said Okafor", "asked
    the boy"). Right after a quotation nothing else can follow the verb: the
    first word hanging from it heads the phrase of who spoke.
    """
    verb = start
    if verb >= len(tokens) or tokens.lemmas[verb].casefold() not in _BARE_LEMMAS:
        return None
    if tokens.pos[verb] not in ("VERB", "AUX"):
        return None
    for index in range(verb + 1, min(len(tokens), verb + _INVERTED_REACH)):
        if tokens.heads[index] == verb and tokens.deps[index] in _INVERTED_SUBJECTS:
            # Not only nouns: the tagger reads some surnames as adverbs. Whether a name or a noun phrase
            # stands there is for the caller, who knows the article's mentions, to decide.
            return Subject(verb, index, noun_phrase_start(tokens, index), _apposition_end(tokens, index))
        if tokens.pos[index] == "PUNCT":
            return None
    return None


def participle_attribution(tokens: Tokens, start: int) -> Subject | None:
    """A noun phrase right after a quotation with a verb of speech the parser hung on it as a modifier.

    “…?” the pilot asked in the clip: the small parser reads "the pilot asked" as a noun
    with a participle ("acl"), as in "the question asked". Right after a quotation the
    phrase is the clause's subject and the participle its verb, unless the verb reports
    something else of its own.
    """
    at = start
    while at < len(tokens) and tokens.pos[at] == "PUNCT":
        at += 1
    root = _clause_root(tokens, at) if at < len(tokens) else None
    if root is None or tokens.pos[root] not in _PHRASE_HEADS or noun_phrase_start(tokens, root) > at:
        return None
    for verb in children(tokens, root):
        if verb < root or tokens.deps[verb] != "acl" or tokens.pos[verb] != "VERB":
            continue
        if tokens.lemmas[verb].casefold() not in _BARE_LEMMAS:
            return None
        if any(tokens.deps[i] in _NOT_BARE for i in children(tokens, verb)):
            return None
        return Subject(verb, root, at, _apposition_end(tokens, root))
    return None


def unnamed_tail_subject(tokens: Tokens, start: int) -> Subject | None:
    """An indefinite subject opening the clause right after a quotation, whose verbs speak.

    “…?” a reporter can be heard asking the mayor: the phrase that says who spoke names
    nobody, and the one spoken to must not take the words. The clause's verb, or a verb
    hanging from it, is one of speech.
    """
    at = start
    while at < len(tokens) and tokens.pos[at] == "PUNCT":
        at += 1
    if at >= len(tokens) or tokens.lemmas[at].casefold() not in _INDEFINITE_OPENINGS:
        return None
    head = at
    while head + 1 < len(tokens) and tokens.deps[head] not in SUBJECTS and tokens.heads[head] > head:
        head += 1  # the determiner and modifiers lead to the phrase's head
    if tokens.deps[head] not in SUBJECTS or tokens.pos[head] not in _PHRASE_HEADS:
        return None
    verb = tokens.heads[head]
    speaking = [verb, *(i for i in children(tokens, verb) if tokens.deps[i] in _BORROWS_SUBJECT)]
    if not any(tokens.lemmas[i].casefold() in _BARE_LEMMAS | REPORTING_LEMMAS for i in speaking):
        return None
    return Subject(verb, head, at, _apposition_end(tokens, head))


def _reports_bare(tokens: Tokens, root: int, comma_closed: bool) -> bool:
    if tokens.lemmas[root].casefold() in _BARE_LEMMAS:
        return True
    return comma_closed and tokens.pos[root] == "VERB"


def _apposition_end(tokens: Tokens, head: int) -> int:
    """The last token of an apposition right after ``head`` ("the harbour master, Piet Olsen,"), else head."""
    appositions = [i for i in children(tokens, head) if i > head and tokens.deps[i] == "appos"]
    return appositions[0] if appositions else head


def _within(tokens: Tokens, index: int, head: int) -> bool:
    """Whether ``head`` is an ancestor of ``index`` through noun modifiers only."""
    at = index
    for _ in range(8):
        if at == head:
            return True
        if tokens.deps[at] not in _NOUN_MODIFIERS or tokens.heads[at] == at:
            return False
        at = tokens.heads[at]
    return False


def _heads_leaving(tokens: Tokens, first: int, last: int) -> Iterator[int]:
    """Heads outside ``[first, last)`` of tokens inside it, in text order, each once."""
    seen: set[int] = set()
    for index in range(first, last):
        head = tokens.heads[index]
        if head != index and not first <= head < last and head not in seen:
            seen.add(head)
            yield head


def _climb_to_reporting_verb(tokens: Tokens, start: int, first: int, last: int) -> int | None:
    at = start
    for _ in range(VERB_CLIMB):
        if first <= at < last:
            return None
        if tokens.pos[at] in ("VERB", "AUX") and tokens.lemmas[at].casefold() in REPORTING_LEMMAS:
            return at
        head = tokens.heads[at]
        if head == at:
            return None
        at = head
    return None
