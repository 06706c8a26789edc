"""Attribution within one article: each quotation, its kind, its speaker and its cue.

The article is read once for quotation marks (:mod:`dossier.quotes.find`) and
once for speaker mentions outside them (:mod:`dossier.quotes.speakers`). Each
quotation first takes the subject of the reporting verb it hangs from in the
dependency parse (:mod:`dossier.quotes.dependency`), else looks for a cue in its
tail and its lead (:mod:`dossier.quotes.cues`); where neither gives a verb of speech, a name
label set by the page's layout ("Ada Roe, 34, Harwich" above, before or under the words,
:mod:`dossier.quotes.labels`) names the speaker; pronouns, nominals and body phrases ("the
ministry") are resolved to the nearest compatible earlier mention ("he" and
"she" only to a person of a compatible gender, :mod:`dossier.quotes.gender`;
"they" only to a group or body), and a quotation with no cue continues the
previous quotation's speaker when nothing stands between them.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dossier.analysis import NameMention, Tokens
from dossier.article import Span
from dossier.briefing import QuoteKind
from dossier.quotes.cues import ACCORDING_TO, CUE_WINDOW, Cue, lead_cue, sentence_cue, tail_cue
from dossier.quotes.dependency import (
    REPORTING_LEMMAS,
    STOP_MARKS,
    SUBJECTS,
    VERB_CLIMB,
    Subject,
    bare_attribution,
    children,
    closing_attribution,
    enclosing_subjects,
    inverted_subject,
    lead_in_subject,
    noun_phrase_start,
    outer_reporter,
    participle_attribution,
    reporting_subject,
    subject_of,
    token_range,
    unnamed_tail_subject,
)
from dossier.quotes.find import QUOTATION_MARKS, QuoteSpan, find_quotes
from dossier.quotes.gender import Gender, infer_genders, pronoun_gender
from dossier.quotes.kind import MIN_FULL_WORDS, quote_kind
from dossier.quotes.labels import LabelLayout, interviewee, is_aged, name_label
from dossier.quotes.speakers import NameIndex, SpeakerCandidate, find_mentions, mark_subjects, resolve
from dossier.quotes.words import ORGANIZATION_HEADS, REPORTING_VERBS, ROLE_WORDS, SPEAKING_NOUNS
from dossier.words import word_list

_TERMINALS = ".!?…"
#: Mentions further than this before a quotation cannot be its speaker's antecedent.
_ANTECEDENT_REACH = 3000
# ", the Iranian defense chief said." at the very end of a quote's words: at most six words then a verb.
_INNER_ATTRIBUTION = re.compile(r",\s+((?:[\w.’'\-]+ ){1,6}?)([a-z]+)\.?$")
_INNER_REACH = 100
_PREVIOUS_PARAGRAPH_REACH = 400


@dataclass(frozen=True, slots=True)
class Attributed:
    """One quotation of an article with what attribution found for it.

    ``speaker`` is the mention that names the speaker (the antecedent, for a
    pronoun or a nominal), ``speaker_name`` its display name, and ``resolution``
    how the cue reached it: the cue mention's kind, or "continuation".
    """

    quote: QuoteSpan
    kind: QuoteKind
    speaker: SpeakerCandidate | None
    speaker_name: str | None
    cue: str | None
    resolution: str | None = None
    #: The words at the cue that stand for the speaker ("he", "the governor"): the evidence in the quote's
    #: own sentence, which ``speaker`` (the name they resolve to) may lie far from.
    cue_mention: SpeakerCandidate | None = None


@dataclass(frozen=True, slots=True)
class ArticleQuotes:
    """The attributed quotations of one article and the full person names it mentions."""

    quotes: tuple[Attributed, ...]
    person_names: tuple[str, ...]


def attribute_quotes(
    text: str, sentences: Sequence[Span], names: Sequence[NameMention], tokens: Tokens | None = None
) -> ArticleQuotes:
    """Find and attribute every quotation of ``text``, whose sentences and named entities are given.

    With the article's parsed ``tokens``, a quotation that no cue attributes takes the subject of
    the verb that governs it ("Hollande denounced the remarks as “hurtful”").
    """
    quotes = find_quotes(text)
    if not quotes:
        return ArticleQuotes((), ())
    sentences = sentences or (Span(0, len(text)),)
    quotes, inner_tails = _split_misplaced_attributions(text, quotes)
    masked = [
        (q.open_at, q.end if q.close_at is None or q.open_at in inner_tails else q.close_at + 1)
        for q in quotes
    ]
    mentions = _with_person_names(find_mentions(text, names, masked))
    if tokens is not None:
        mentions = _with_missed_surnames(text, mentions, tokens, masked)
    sentence_starts = [span.start for span in sentences]
    # An owner may still be who the sentence is about ("Lee's campaign said he…"); objects are not.
    parsed_object = None if tokens is None else (lambda mention: _top_label(tokens, mention) in _OBJECT_ROLES)
    mentions = mark_subjects(text, mentions, sentence_starts, parsed_object)
    genders = infer_genders(text, mentions, sentence_starts, masked)
    quote_lines = tuple(q.open_at for q in quotes if _bare_paragraph(text, q))
    context = _Context(text, sentences, mentions, inner_tails, genders, tokens, quote_lines)
    attributed: list[Attributed] = []
    for index, quote in enumerate(quotes):
        previous = quotes[index - 1] if index else None
        following = quotes[index + 1] if index + 1 < len(quotes) else None
        attributed.append(
            context.attribute(quote, previous, following, attributed[-1] if attributed else None)
        )
    persons = sorted({m.name for m in mentions if m.kind == "name" and m.person and " " in m.name})
    return ArticleQuotes(tuple(attributed), tuple(persons))


def _split_misplaced_attributions(
    text: str, quotes: tuple[QuoteSpan, ...]
) -> tuple[tuple[QuoteSpan, ...], dict[int, int]]:
    """Move an attribution the closing mark wrongly swallowed (“..., the chief said.”) out of the quote.

    Returns the quotes with such endings cut at the comma, and for each cut
    quote (keyed by its opening mark) where its attribution now starts.
    """
    fixed: list[QuoteSpan] = []
    inner_tails: dict[int, int] = {}
    for quote in quotes:
        floor = max(quote.start, quote.end - _INNER_REACH)
        match = _INNER_ATTRIBUTION.search(text, floor, quote.end)
        # Words, not stray marks: „ „ „ „ before ", he said" leaves nothing quoted.
        words_before = _word_count(text[quote.start : match.start()]) if match else 0
        if match is None or match.group(2) not in REPORTING_VERBS or words_before < MIN_FULL_WORDS:
            fixed.append(quote)
            continue
        fixed.append(dataclasses.replace(quote, end=match.start()))
        inner_tails[quote.open_at] = match.start()
    return tuple(fixed), inner_tails


def _with_person_names(mentions: tuple[SpeakerCandidate, ...]) -> tuple[SpeakerCandidate, ...]:
    """Canonicalise short names and share each person's role words across all its mentions."""
    names = [m for m in mentions if m.kind == "name"]
    index = NameIndex(names)
    canonical: dict[int, str] = {}
    roles: dict[str, frozenset[str]] = {}
    persons: set[str] = set()
    for mention in names:
        full = index.full_name(mention.name, mention.start)
        canonical[mention.start] = full
        roles[full] = roles.get(full, frozenset()) | mention.role
        if mention.person:
            persons.add(full)
    enriched: list[SpeakerCandidate] = []
    for mention in mentions:
        if mention.kind != "name":
            enriched.append(mention)
            continue
        full = canonical[mention.start]
        person = full in persons
        enriched.append(
            dataclasses.replace(
                mention, name=full, role=roles[full], person=person, place=mention.place and not person
            )
        )
    return tuple(enriched)


def _with_missed_surnames(
    text: str, mentions: tuple[SpeakerCandidate, ...], tokens: Tokens, masked: Sequence[tuple[int, int]]
) -> tuple[SpeakerCandidate, ...]:
    """Add the bare surnames the recognizer missed where the parse has them as a clause's subject.

    "Fallon fired back: …" after "spokesman Brian Fallon": the name is the same person's, and a
    later "he" must find it as the nearest subject.
    """
    index = NameIndex([m for m in mentions if m.kind == "name"])
    starts = [m.start for m in mentions]
    added: list[SpeakerCandidate] = []
    for at in range(len(tokens)):
        # The tagger reads some surnames as common nouns; the capital and a known full name decide.
        if not (
            (tokens.deps[at] in SUBJECTS and tokens.pos[at] in ("PROPN", "NOUN"))
            or _surname_read_as_auxiliary(tokens, at)
        ):
            continue
        start, end = tokens.starts[at], tokens.ends[at]
        if not text[start].isupper():
            continue
        if any(low <= start < high for low, high in masked):
            continue
        near = bisect.bisect_right(starts, start)
        if any(m.start <= start < m.end for m in mentions[max(0, near - 2) : near]):
            continue
        word = text[start:end]
        full = index.full_name(word, start)
        if full != word:
            added.append(SpeakerCandidate(start, end, full, "name", person=True))
    if not added:
        return mentions
    return tuple(sorted((*mentions, *added), key=lambda m: (m.start, m.end)))


def _surname_read_as_auxiliary(tokens: Tokens, at: int) -> bool:
    """Whether token ``at`` is a surname that is also an auxiliary ("Will", "May"), which the tagger
    took for one: an auxiliary of a verb that has no subject of its own ("…,” Will urged the party").

    Only a capital and a full name of the article ending in the word make it a name (the caller checks).
    """
    if tokens.deps[at] != "aux" or tokens.pos[at] != "AUX":
        return False
    verb = tokens.heads[at]
    if verb <= at or tokens.pos[verb] != "VERB":
        return False
    return not any(tokens.deps[i] in SUBJECTS for i in children(tokens, verb))


class _Context:
    """The article text, its sentence bounds and mentions, with the lookups attribution needs."""

    def __init__(
        self,
        text: str,
        sentences: Sequence[Span],
        mentions: tuple[SpeakerCandidate, ...],
        inner_tails: dict[int, int],
        genders: Mapping[str, Gender],
        tokens: Tokens | None = None,
        quote_lines: tuple[int, ...] = (),
    ) -> None:
        self.text = text
        self.tokens = tokens
        # Grows as "he"/"she" cues resolve: a resolved pronoun is evidence for later ones.
        self.genders = dict(genders)
        self.inner_tails = inner_tails
        self.sentence_starts = [span.start for span in sentences]
        self.sentence_ends = [span.end for span in sentences]
        self.mentions = mentions
        self.mention_starts = [m.start for m in mentions]
        self.known = frozenset(mentions)
        self.names = NameIndex([m for m in mentions if m.kind == "name"])
        #: Where the bare quotation paragraphs open (their first mark), and the name labels, read on demand.
        self.quote_lines = quote_lines
        self.label_layout: LabelLayout | None = None

    def attribute(
        self,
        quote: QuoteSpan,
        previous: QuoteSpan | None,
        following: QuoteSpan | None,
        last: Attributed | None,
    ) -> Attributed:
        kind = quote_kind(self.text, quote)
        # The parse first: it finds the speaker of any sentence shape; the cue patterns read what it misses.
        # Words that are someone's promise or remark ("Roe's promise to “…”") are that someone's whatever
        # verb the sentence puts them under ("Lee mocked Roe's promise to “…”").
        possessed = self._possessor_cue(quote) if kind == "partial" else None
        cue = possessed or self._dependency_cue(quote) or self._cue(quote, previous, following)
        if cue is None or cue.verb is None:
            # A name label above or before the words outranks a guess from a lead-in with no verb of speech.
            cue = self._label_cue(quote) or cue
        if cue is None and kind == "partial":
            cue = (
                self._rest_of_sentence_cue(quote) or self._according_to_cue(quote) or self._subject_cue(quote)
            )
        if cue is None:
            cue = (
                self._lead_clause_cue(quote)
                or self._signature_cue(quote)
                or self._according_to_cue(quote)
                or self._named_tail_cue(quote)
            )
        if cue is None:
            if last is not None and self._continues(quote, previous, last):
                return Attributed(quote, kind, last.speaker, last.speaker_name, None, "continuation")
            cue = self._lead_in_cue(quote)
        if cue is None:
            return Attributed(quote, kind, None, None, None)
        speaker = self._resolve(cue.mention)
        name = None if speaker is None else speaker.name
        resolution = None if speaker is None else cue.mention.kind
        return Attributed(quote, kind, speaker, name, cue.verb, resolution, cue.mention)

    def _cue(self, quote: QuoteSpan, previous: QuoteSpan | None, following: QuoteSpan | None) -> Cue | None:
        tail = self._tail(quote, following)
        if tail is not None:
            cue = tail_cue(self.text, tail[0], tail[1], self._window(*tail))
            if cue is not None:
                return cue
        lead_start, lead_stop = self._lead(quote, previous)
        cue = lead_cue(self.text, lead_start, lead_stop, self._window(lead_start, lead_stop))
        if cue is not None and self._refused_lead(cue, lead_start, quote):
            cue = None
        if cue is not None and cue.verb is None:
            cue = self._parsed_lead_in(lead_stop, quote, cue)
        if cue is None and not self.text[quote.line_start : quote.open_at].strip():
            cue = self._colon_paragraph_cue(quote)
        if cue is None and tail is not None:
            cue = self._described_name_cue(*tail) or self._speaking_phrase_cue(*tail)
        return cue

    def _label_cue(self, quote: QuoteSpan) -> Cue | None:
        """The person a name label introduces the quotation with (:mod:`.labels`): the lead of its line
        up to a colon ("Ada Roe, 34, Harwich: “…”"), or, for a quotation that opens its paragraph, the
        rest of its line ("“…” — Ada Roe, 34") or the paragraph of the label (above or under it)."""
        if self.tokens is None:
            return None
        before = self.text[quote.line_start : quote.open_at].rstrip()
        if not before:
            label = self._signed_on_its_line(quote) or self._layout().speaker(quote.open_at)
            return None if label is None else Cue(None, label)
        stop = quote.line_start + len(before)
        answerer = interviewee(self.text, (quote.line_start, stop), self.mentions, self.tokens)
        if answerer is not None:
            return Cue(None, answerer)
        if not before.endswith(_LABEL_MARKS):
            return self._glued_label_cue(quote.line_start, stop)
        surname = self._surname_label(before, quote.line_start)
        if surname is not None:
            return Cue(None, surname)
        # The label opens the line, or follows the writer's words after a dash ("… contests — Ada Roe: “…”").
        dash = max((before.rfind(mark), len(mark)) for mark in _LABEL_DASHES)
        starts = [quote.line_start] + ([quote.line_start + sum(dash)] if dash[0] >= 0 else [])
        for start in starts:
            label = name_label(self.text, start, stop, self._window(start, stop), self.tokens)
            if label is not None:
                return Cue(None, label)
        return self._topic_under_label(before, quote.line_start)

    def _topic_under_label(self, before: str, line_start: int) -> Cue | None:
        """The label above a line that opens on a short topic naming nobody before a colon ("On the
        closures: “…”"): round-ups sort a person's words by topic under their name."""
        stop = line_start + len(before)
        if not before.endswith(":") or len(before.split()) > _TOPIC_WORDS:
            return None
        if any(m.kind in ("name", "pronoun") for m in self._window(line_start, stop)):
            return None  # a name or a pronoun may speak: "Her verdict:", "Lee's answer:"
        label = self._layout().speaker(line_start)
        return None if label is None else Cue(None, label)

    def _surname_label(self, before: str, line_start: int) -> SpeakerCandidate | None:
        """The person a lone surname before a colon names ("Roe: “…”", "ROE: “…”"), as transcripts and
        round-ups write once the page has named them in full: the last earlier person whose name ends
        in that word. The speaker is the surname where it stands, under that person's name."""
        if not before.endswith(":"):
            return None
        word = _MARKUP_MARKS.sub(" ", before.removesuffix(":")).strip()
        if not word.isalpha() or not word[0].isupper():
            return None
        surname = word.casefold()
        earlier = self.mentions[: bisect.bisect_left(self.mention_starts, line_start)]
        people = [
            m
            for m in earlier
            if m.kind == "name"
            and m.person
            and len(m.name.split()) > 1
            and m.name.split()[-1].casefold() == surname
        ]
        if not people:
            return None
        start = line_start + before.index(word)
        return SpeakerCandidate(start, start + len(word), people[-1].name, "name", person=True)

    def _glued_label_cue(self, start: int, stop: int) -> Cue | None:
        """A label the extractor glued to the words with no mark between ("Ada Roe, 34, Harwich “…”"):
        only one with an age, which no clause or heading carries, is read so."""
        assert self.tokens is not None
        label = name_label(self.text, start, stop, self._window(start, stop), self.tokens)
        return None if label is None or not is_aged(self.text, label, stop) else Cue(None, label)

    def _signed_on_its_line(self, quote: QuoteSpan) -> SpeakerCandidate | None:
        """The label that ends the quotation's paragraph after its closing mark, set off by a dash or
        brackets or standing alone ("“…” — Ada Roe, 34, Harwich", "“…” (Ada Roe, crane driver)")."""
        assert self.tokens is not None
        if quote.close_at is None:
            return None
        opening = _SIGNATURE_OPENING.match(self.text, quote.close_at + 1, quote.line_end)
        assert opening is not None  # every part of it is optional
        start = opening.end()
        line = self.text[start : quote.line_end].rstrip()  # the line's rest only: no copy of the text before
        stop = start + len(line.removesuffix(")") if opening.group(1) == "(" else line)
        if stop <= start:
            return None
        return name_label(self.text, start, stop, self._window(start, stop), self.tokens)

    def _layout(self) -> LabelLayout:
        """The article's name-label lines, read once, when a quotation paragraph first needs them."""
        assert self.tokens is not None
        if self.label_layout is None:
            self.label_layout = LabelLayout(self.text, self.quote_lines, self.mentions, self.tokens)
        return self.label_layout

    def _refused_lead(self, cue: Cue, lead_start: int, quote: QuoteSpan) -> bool:
        """Whether the parse shows that the lead's word of speech does not report the quotation: it is a
        noun ("Lee tweeted a warning. “…”"), or it speaks in a side clause (:meth:`_said_aside`)."""
        tokens = self.tokens
        if tokens is None or cue.verb is None:
            return False
        first, last = token_range(tokens, lead_start, quote.open_at)
        verbs = [
            i
            for i in range(first, last)
            if self.text[tokens.starts[i] : tokens.ends[i]].casefold() == cue.verb
        ]
        if not verbs:
            return False
        verb = min(verbs, key=lambda i: abs(tokens.starts[i] - cue.mention.start))
        return tokens.pos[verb] in _NOUN_TAGS or self._said_aside(verb, quote)

    def _said_aside(self, verb: int, quote: QuoteSpan) -> bool:
        """Whether the verb of speech ``verb`` heads a side clause of time, cause or condition, after which
        the sentence's own subject speaks the quotation ("When Lee suggested a deal, Park shot back:
        “…”"): the side clause's speaker is not the quotation's."""
        tokens = self.tokens
        assert tokens is not None
        if tokens.deps[verb] != "advcl":
            return False
        if not any(
            tokens.deps[i] in ("mark", "advmod") and tokens.lemmas[i].casefold() in _SIDE_CLAUSE_MARKS
            for i in children(tokens, verb)
        ):
            return False
        # The sentence goes on with a subject of its own before the quotation: the side clause is over.
        main = tokens.heads[verb]
        opening = token_range(tokens, quote.open_at, quote.open_at)[0]
        return any(tokens.deps[i] in SUBJECTS and verb < i < opening for i in children(tokens, main))

    def _described_name_cue(self, start: int, stop: int) -> Cue | None:
        """A name after a closing mark behind lower-case words that describe it (",” screenwriter Ada Roe
        wrote"): the words are the name's own descriptor, so the name before the verb speaks."""
        head = _DESCRIBED_NAME.match(self.text, start, stop)
        if head is None:
            return None
        words = head.group(1).casefold().split()
        if any(word in _CLAUSE_WORDS or word in REPORTING_VERBS for word in words):
            return None  # a clause of the writer's ("and then Roe said"), or a verb ("told Roe")
        names = [m for m in self._window(head.end(), stop) if m.kind == "name" and m.start == head.end()]
        if not names or not names[0].person:
            return None
        verb = _VERB_AFTER_NAME.match(self.text, names[0].end, stop)
        if verb is None or verb.group(1).casefold() not in REPORTING_VERBS:
            return None
        return Cue(verb.group(1).casefold(), names[0])

    def _speaking_phrase_cue(self, start: int, stop: int) -> Cue | None:
        """A phrase after a closing mark whose head carries or speaks words and that no mention covers
        (",” the editorial read.", ",” said the woman."): it speaks in its own words."""
        for pattern in (_PHRASE_THEN_VERB, _VERB_THEN_PHRASE):
            match = pattern.match(self.text, start, stop)
            if match is None or match.group("verb").casefold() not in REPORTING_VERBS:
                continue
            head = match.group("head").casefold()
            if not ({head, head.removesuffix("s")} & (SPEAKING_NOUNS | ROLE_WORDS | ORGANIZATION_HEADS)):
                continue
            phrase_start, phrase_end = match.span("phrase")
            phrase = SpeakerCandidate(phrase_start, phrase_end, match.group("phrase"), "unnamed")
            return Cue(match.group("verb").casefold(), phrase)
        return None

    def _colon_paragraph_cue(self, quote: QuoteSpan) -> Cue | None:
        """A quote paragraph introduced by a previous paragraph ending in a colon ("She said:")."""
        floor = max(0, quote.line_start - _PREVIOUS_PARAGRAPH_REACH)
        before = self.text[floor : quote.line_start].rstrip()
        if not before.endswith(":"):
            return None
        stop = floor + len(before)
        start = max(floor, self.text.rfind("\n", floor, stop) + 1, self._sentence_start(stop - 1))
        cue = lead_cue(self.text, start, stop, self._window(start, stop))
        if cue is not None and cue.verb is None:
            return self._parsed_lead_in(stop, quote, cue, start)
        return cue

    def _parsed_lead_in(
        self, stop: int, quote: QuoteSpan, first_mention: Cue, floor_at: int | None = None
    ) -> Cue:
        """The speaker of a lead-in with no verb of speech that ends in a colon or dash at ``stop``: the
        subject of the clause it closes, when the parse has one that can speak, over its first mention.

        "When Lee retired in 1998, Mayor Park released the following statement:" hands the quotation
        to Park, who released it, not to Lee, whom the side clause names first.
        """
        tokens = self.tokens
        if tokens is None:
            return first_mention
        floor = bisect.bisect_left(tokens.starts, quote.line_start if floor_at is None else floor_at)
        last_word = bisect.bisect_left(tokens.starts, stop) - 1
        while last_word >= floor and tokens.pos[last_word] == "PUNCT":
            last_word -= 1
        if last_word < floor:
            return first_mention
        first = bisect.bisect_left(tokens.starts, quote.open_at)
        parsed = self._main_clause_speaker(last_word, first, floor)
        if parsed is None or parsed.mention.kind == "unnamed":
            return self._name_at_colon(stop) or first_mention
        chosen, fallback = parsed.mention, first_mention.mention
        if chosen.start < fallback.end and fallback.start < chosen.end:
            return first_mention  # the same speaker: the lead-in needs no verb ("Lee was blunt: “…”")
        return parsed

    def _dependency_cue(self, quote: QuoteSpan) -> Cue | None:
        """The subject of the reporting verb the quotation hangs from, in the parse (:mod:`.dependency`)."""
        tokens = self.tokens
        if tokens is None:
            return None
        first, last = token_range(tokens, quote.start, quote.end)
        subject = None
        if quote.close_at is not None and self._comma_after(quote):
            after = token_range(tokens, quote.close_at + 1, quote.close_at + 1)[0]
            subject = closing_attribution(tokens, after)
        if subject is None and first < last:
            subject = reporting_subject(tokens, first, last)
            outer = None if subject is None else outer_reporter(tokens, subject, first, last)
            if subject is not None and outer is not None and self._same_number(subject.head, outer.head):
                # "The senator said he rarely asks…, “…”": the pronoun is the senator, whom the sentence
                # names as its source; "Sources said he told them “…”" keeps "he", someone else.
                subject = outer
        if subject is None and quote.close_at is not None:
            after = token_range(tokens, quote.close_at + 1, quote.close_at + 1)[0]
            # A quotation that ends its paragraph has no attribution after it: the next paragraph is new.
            if after < len(tokens) and "\n" not in self.text[quote.close_at + 1 : tokens.starts[after]]:
                subject = (
                    inverted_subject(tokens, self._first_word(after))
                    or bare_attribution(tokens, after, first if self._comma_closed(quote) else None)
                    or participle_attribution(tokens, after)
                    or unnamed_tail_subject(tokens, after)
                )
        if subject is None:
            return None
        # "One of" speaks only in the attribution after a quotation ("…,” said one of the guards); before
        # it, as the subject of the verb the quotation hangs from, it is a count ("one of the aims").
        counted = quote.close_at is not None and tokens.starts[subject.head] > quote.close_at
        mention = self._relative_antecedent(subject) or self._subject_mention(subject, counted)
        if mention is None:
            return None
        if not counted and not self._can_speak(mention, subject.head):
            # "Lee said the plan would fail, and called it “a gift to the few”": the parse hung the
            # second verb on the reported clause, whose subject is a thing; the reporter above speaks.
            above = self._reporter_above(subject.verb, first)
            if above is not None:
                return above
        verb = subject.verb
        return Cue(self.text[tokens.starts[verb] : tokens.ends[verb]], mention)

    def _relative_antecedent(self, subject: Subject) -> SpeakerCandidate | None:
        """The one a relative pronoun subject stands for ("the report, which notes “…”", "Roe, who told
        reporters “…”"): the noun its clause describes speaks. The cue stays on the pronoun, where the
        sentence names the source; the speaker is the noun's mention."""
        tokens = self.tokens
        assert tokens is not None
        pronoun = subject.head
        if tokens.lemmas[pronoun].casefold() not in _RELATIVE_PRONOUNS or tokens.deps[pronoun] != "nsubj":
            return None
        # Only a clause set off by a comma or a dash adds what its noun did; a restrictive one ("a video
        # that said", "a surrogate who said") picks a thing or person out, often the carrier of others' words.
        if pronoun == 0 or tokens.lemmas[pronoun - 1] not in _CLAUSE_SETTERS:
            return None
        clause = tokens.heads[pronoun]
        noun = tokens.heads[clause]
        # The pronoun is the subject of the verb of speech itself, not of a verb it borrows its subject
        # from ("Roe, who could be celebrating being dubbed “…”": others dub her).
        if clause != subject.verb or tokens.deps[clause] != "relcl" or noun >= pronoun:
            return None
        if tokens.pos[noun] not in _NOUN_TAGS:
            return None
        phrase_start = noun_phrase_start(tokens, noun)
        antecedent = self._subject_mention(Subject(subject.verb, noun, phrase_start, noun))
        if antecedent is None or antecedent.kind == "pronoun":
            return None
        indefinite = tokens.lemmas[phrase_start].casefold() in _INDEFINITE_STARTS
        if antecedent.kind == "name" and (indefinite or not antecedent.person):
            return None  # a group's name in an unnamed source's phrase ("one Democrat …, who added")
        return dataclasses.replace(antecedent, start=tokens.starts[pronoun], end=tokens.ends[pronoun])

    def _reporter_above(self, verb: int, first: int) -> Cue | None:
        """The speaking subject of a reporting verb above ``verb``, before token ``first``."""
        tokens = self.tokens
        assert tokens is not None
        if tokens.heads[verb] == verb:
            return None
        for subject in enclosing_subjects(tokens, tokens.heads[verb], first):
            if tokens.lemmas[subject.verb].casefold() not in REPORTING_LEMMAS:
                continue
            mention = self._subject_mention(subject)
            if mention is not None and self._can_speak(mention, subject.head):
                return Cue(self.text[tokens.starts[subject.verb] : tokens.ends[subject.verb]], mention)
            return None
        return None

    def _same_number(self, pronoun: int, noun: int) -> bool:
        """Whether a singular pronoun ("he") meets a singular noun, or "they" a plural one."""
        tokens = self.tokens
        assert tokens is not None
        word = self.text[tokens.starts[noun] : tokens.ends[noun]].casefold()
        singular = tokens.pos[noun] == "PROPN" or word == tokens.lemmas[noun].casefold()
        plural_pronoun = tokens.lemmas[pronoun].casefold() in ("they", "we")
        return singular != plural_pronoun

    def _first_word(self, index: int) -> int:
        """The first token from ``index`` on that is not punctuation (the comma after a closing mark)."""
        tokens = self.tokens
        assert tokens is not None
        while index < len(tokens) and tokens.pos[index] == "PUNCT":
            index += 1
        return index

    def _comma_after(self, quote: QuoteSpan) -> bool:
        """Whether a comma ends the quotation, inside its closing mark or right after it."""
        assert quote.close_at is not None
        inside = self.text[quote.start : quote.close_at].rstrip()
        return inside.endswith(",") or self.text[quote.close_at + 1 : quote.close_at + 2] == ","

    def _comma_closed(self, quote: QuoteSpan) -> bool:
        """Whether the quotation opens its sentence and a comma ends it, inside or after its closing mark.

        Only then is the clause after it sure to be its attribution (“…,” Lee barked); after a quotation
        inside a sentence a comma ends a clause of the writer's own ("… is “sure of it,” she may …").
        """
        assert quote.close_at is not None
        if self.text[self._sentence_start(quote.open_at) : quote.open_at].strip():
            return False
        inside = self.text[quote.start : quote.close_at].rstrip()
        return inside.endswith(",") or self.text[quote.close_at + 1 : quote.close_at + 2] == ","

    def _named_tail_cue(self, quote: QuoteSpan) -> Cue | None:
        """A person's name right after a comma-closed quotation, when the verb of speech later in the
        sentence has no subject in the parse (“…,” Ada Roe, wearing a “Vote Roe” badge, said …; “…,” Ada
        Roe, the pollster who founded the survey tweeted): a long description between them threw the
        parser, and the name where the attribution's subject stands is who spoke."""
        tokens = self.tokens
        if tokens is None or quote.close_at is None or not self._comma_closed(quote):
            return None
        start = quote.close_at + 1
        low = bisect.bisect_left(tokens.starts, start)
        while low < len(tokens) and tokens.pos[low] == "PUNCT":
            low += 1
        # The words that open the attribution: up to its first comma, verb or end of clause.
        stop = low
        while stop < len(tokens) and tokens.pos[stop] not in ("VERB", "AUX", "PUNCT"):
            stop += 1
        if low == stop or stop >= len(tokens):
            return None
        opening_end = tokens.starts[stop]
        names = [m for m in self._window(start, opening_end) if m.start >= start and m.end <= opening_end]
        persons = [m for m in names if m.kind == "name" and m.person]
        if not persons or self.text[persons[-1].end : persons[-1].end + 2] in _POSSESSIVES:
            return None  # no person named there, or the name owns who spoke ("Roe's aide")
        high = bisect.bisect_left(tokens.starts, self._sentence_end(quote.close_at))
        for verb in range(stop, high):
            if tokens.lemmas[verb] in STOP_MARKS:
                return None  # a lead-in of its own starts ("… by Ada Roe: “…”")
            if tokens.pos[verb] == "VERB" and tokens.lemmas[verb].casefold() in REPORTING_LEMMAS:
                if any(tokens.deps[i] in SUBJECTS for i in children(tokens, verb)):
                    return None  # someone else the parse saw speak
                return Cue(self.text[tokens.starts[verb] : tokens.ends[verb]], persons[-1])
        return None

    def _lead_in_cue(self, quote: QuoteSpan) -> Cue | None:
        """A quotation opening a sentence after one that reports someone's words.

        The sentence before is in the same paragraph, or, for a paragraph that is
        the quotation alone, ends the paragraph before ("Lee said the port would
        stay open.¶“We will not close it.”").
        """
        tokens = self.tokens
        if tokens is None or self.text[self._sentence_start(quote.open_at) : quote.open_at].strip():
            return None
        if not self.text[quote.line_start : quote.open_at].strip() and not self._alone_on_line(quote):
            return None  # it opens a paragraph that goes on: the sentence before belongs to another one
        opening = token_range(tokens, quote.open_at, quote.open_at)[0]
        subject = lead_in_subject(tokens, opening)
        mention = None if subject is None else self._subject_mention(subject)
        if subject is None or mention is None:
            return self._according_to_lead_in(opening)
        return Cue(self.text[tokens.starts[subject.verb] : tokens.ends[subject.verb]], mention)

    def _according_to_lead_in(self, opening: int) -> Cue | None:
        """The source a lead-in sentence gives its whole main clause to ("According to Roe, the piers will
        close.¶“We have no money left.”"): the quotation after it goes on in that source's words.

        Only an "according to" that governs the sentence's root counts; one inside a side clause
        ("…, which fell, according to the poll") vouches for that clause alone."""
        tokens = self.tokens
        assert tokens is not None
        if opening <= 0:
            return None
        sentence = self._sentence_start(tokens.starts[opening - 1])
        low, high = token_range(tokens, sentence, tokens.starts[opening])
        if any(self.text[tokens.starts[i]] in QUOTATION_MARKS for i in range(low, high)):
            return None  # the sentence quotes someone itself: whose words follow is for other rules
        for word in range(low, high):
            if tokens.deps[word] != "pobj":
                continue
            cue = self._according_to_object(word)
            according = tokens.heads[tokens.heads[word]]
            if cue is not None and tokens.deps[tokens.heads[according]] == "ROOT":
                return cue
        return None

    def _alone_on_line(self, quote: QuoteSpan) -> bool:
        """Whether the quotation is its whole paragraph, bar punctuation after the closing mark."""
        if quote.close_at is None:
            return False
        rest = self.text[quote.close_at + 1 : quote.line_end]
        return not any(char.isalnum() for char in rest)

    def _subject_mention(self, subject: Subject, counted: bool = False) -> SpeakerCandidate | None:
        """The mention the subject's noun phrase holds; else the phrase itself as an unnamed source.

        A bare pronoun no mention covers ("it", "this") names nobody.
        """
        tokens = self.tokens
        assert tokens is not None
        start, end = tokens.starts[subject.first], tokens.ends[subject.last]
        head_at = tokens.starts[subject.head]
        # A mention may run on past the head ("a senior official involved in the talks").
        inside = [m for m in self._window(start, end + _MENTION_REACH) if m.start < end]
        covering = [m for m in inside if m.start <= head_at < m.end]
        # A name before the head is the speaker only when it is a person's, split off its own head by the
        # tagger; otherwise it modifies the head ("a New Hampshire Republican", "Lee's campaign").
        named = [
            m
            for m in inside
            if m.kind == "name" and (m.end > head_at or (m.person and tokens.pos[subject.head] == "PROPN"))
        ]
        if covering:
            return covering[-1]
        if named:
            return named[-1]
        word = self.text[head_at : tokens.ends[subject.head]]
        full = self.names.full_name(word, head_at) if word[:1].isupper() else word
        if full != word:
            # The recognizer missed a bare surname ("…,” said Okafor) of a person the article names in full.
            return SpeakerCandidate(head_at, tokens.ends[subject.head], full, "name", person=True)
        phrase_end = self._unnamed_phrase_end(subject.head, counted)
        if phrase_end is None:
            return None
        while start < phrase_end and not self.text[start].isalnum():
            start += 1  # a bracket or mark the phrase's first word is glued to
        if start >= phrase_end:
            return None  # marks only: the parser read a stray mark as a noun
        return SpeakerCandidate(start, phrase_end, self.text[start:phrase_end], "unnamed")

    def _unnamed_phrase_end(self, head: int, counted: bool) -> int | None:
        """Where a subject phrase that no mention covers ends, if it can speak: a noun, or, when
        ``counted`` people may speak (after the quotation), "one of" a noun or an adjective used as one."""
        tokens = self.tokens
        assert tokens is not None
        if tokens.pos[head] in _NOUN_TAGS:
            return tokens.ends[head]
        determined = any(tokens.deps[i] == "det" for i in children(tokens, head))
        if counted and tokens.pos[head] == "ADJ" and determined:
            # An adjective standing for a person in the attribution after a quotation ("…,” said the
            # 46-year-old): the grammar makes it the speaker, as it would a noun.
            return tokens.ends[head]
        if tokens.lemmas[head].casefold() in _STANDING_ALONE and next(children(tokens, head), None) is None:
            # "Another said", "Yet another wrote": one more of the people just quoted, named by nobody.
            return tokens.ends[head]
        if tokens.pos[head] != "NUM" or not counted:
            return None
        # "one of two witnesses", "two of the aides": the number counts people the phrase goes on to name.
        for prep in children(tokens, head):
            if prep > head and tokens.lemmas[prep].casefold() == "of":
                nouns = [i for i in children(tokens, prep) if tokens.pos[i] in _NOUN_TAGS]
                return tokens.ends[nouns[0]] if nouns else None
        return None

    def _subject_cue(self, quote: QuoteSpan) -> Cue | None:
        """A partial quotation of some length in the writer's sentence: the subject of a verb above it.

        The first subject, climbing, that names a person or a source is taken ("Lee, the board's
        critic, ripped it for acting as “judge, jury and executioner”" → Lee).
        """
        tokens = self.tokens
        if tokens is None or len(self.text[quote.start : quote.end].split()) < _SUBJECT_MIN_WORDS:
            return None
        first, last = token_range(tokens, quote.start, quote.end)
        if first >= last:
            return None
        at = first
        for _ in range(VERB_CLIMB):
            if not first <= at < last or tokens.heads[at] == at:
                break
            at = tokens.heads[at]
        if first <= at < last:
            return None
        return self._speaking_subject(at, first, 0)

    def _possessor_cue(self, quote: QuoteSpan) -> Cue | None:
        """The owner of the words a partial quotation spells out ("Roe's promise to “…”", "his call for
        “…”"): climbing from the quotation, a noun of utterance with a possessor, before any verb."""
        tokens = self.tokens
        if tokens is None or len(self.text[quote.start : quote.end].split()) < _SUBJECT_MIN_WORDS:
            return None
        first, last = token_range(tokens, quote.start, quote.end)
        at = first
        for _ in range(VERB_CLIMB):
            head = tokens.heads[at]
            if head == at or _describes(tokens, at):
                return None  # "played down Lee's remarks as “…”": the words are the describer's
            if not first <= head < last:
                if tokens.pos[head] in ("VERB", "AUX"):
                    return None
                if _spells_out(tokens, at):
                    owner = self._owner_of_words(head, first, last)
                    if owner is not None:
                        return owner
            at = head
        return None

    def _in_owners_words(self, noun: int, first: int) -> Cue | None:
        """The owner a lead-in "In X's words," or "In his statement," names, ``noun`` ending it."""
        tokens = self.tokens
        assert tokens is not None
        preposition = tokens.heads[noun]
        if tokens.deps[noun] != "pobj" or tokens.lemmas[preposition].casefold() != "in":
            return None
        return self._owner_of_words(noun, first, first)

    def _owner_of_words(self, noun: int, first: int, last: int) -> Cue | None:
        """The possessor of ``noun`` when it names someone's words ("Roe's remarks", "his pledge")."""
        tokens = self.tokens
        assert tokens is not None
        if tokens.pos[noun] != "NOUN" or tokens.lemmas[noun].casefold() not in _UTTERANCE_NOUNS:
            return None
        owners = [i for i in children(tokens, noun) if tokens.deps[i] == "poss" and not first <= i < last]
        if not owners:
            return None
        owner = owners[0]
        if tokens.pos[owner] == "PRON":
            # "his claim that …": on train the pronoun resolved to the wrong person, or the parse hung
            # someone else's words on the claim, as often as it found the owner; no guess, then.
            return None
        mention = self._subject_mention(Subject(noun, owner, noun_phrase_start(tokens, owner), owner))
        if mention is None or not self._can_speak(mention, owner):
            return None
        return Cue(self.text[tokens.starts[noun] : tokens.ends[noun]], mention)

    def _lead_clause_cue(self, quote: QuoteSpan) -> Cue | None:
        """A quotation after a clause of its paragraph that a comma, colon or dash hands over to it.

        "Lee shot back at the critics, “…”", "The leaflet goes on to say: “…”", "As Lee put it, “…”":
        the clause is the writer's lead-in, and the subject of its verb speaks. "According to X, “…”"
        names X.
        """
        tokens = self.tokens
        # A short quotation after a comma is a scare quote in a list ("rights, “unfair” practices").
        if tokens is None or len(self.text[quote.start : quote.end].split()) < _SUBJECT_MIN_WORDS:
            return None
        # A doubled opening mark (“ “…) is a typing slip: the lead-in ends before the first.
        before = self.text[quote.line_start : quote.open_at].rstrip().rstrip("\u201c").rstrip()
        if not before.endswith(_HANDOVER_MARKS):
            return None
        mark = bisect.bisect_left(tokens.starts, quote.line_start + len(before) - 1)
        floor = bisect.bisect_left(tokens.starts, quote.line_start)
        first = bisect.bisect_left(tokens.starts, quote.open_at)
        last_word = mark - 1
        if last_word < floor or tokens.pos[last_word] == "PUNCT":
            return None  # nothing but marks before it, or the end of an earlier quotation
        source = (
            self._according_to_object(last_word)
            or self._quoted_from(last_word, floor, before)
            or self._in_owners_words(last_word, first)
        )
        if source is not None:
            return source
        return self._speaking_subject(last_word, first, floor) or self._name_at_colon(
            quote.line_start + len(before)
        )

    def _signature_cue(self, quote: QuoteSpan) -> Cue | None:
        """A quotation that is its whole paragraph, signed by a dash line after it ("— Anna Pell.").

        Fact checks and letters pages print the words first and the speaker's name under them.
        """
        if not self._alone_on_line(quote):
            return None
        start = quote.line_end
        while start < len(self.text) and self.text[start].isspace():
            start += 1
        end = self.text.find("\n", start)
        end = len(self.text) if end < 0 else end
        line = self.text[start:end]
        if not line.startswith(_SIGNATURE_DASHES) or len(line.split()) > _SIGNATURE_WORDS:
            return None
        # A label under the dash gives its name, not a place among its descriptors ("— Ada Roe, 34, Harwich").
        label = (
            None
            if self.tokens is None
            else name_label(self.text, start, end, self._window(start, end), self.tokens)
        )
        if label is not None:
            return Cue(None, label)
        names = [m for m in self._window(start, end) if m.kind == "name"]
        return Cue(None, names[0]) if names else None

    def _speaking_subject(self, start: int, first: int, floor: int) -> Cue | None:
        """The first subject, climbing from token ``start``, that can speak, at or after token ``floor``.

        A subject that cannot speak is passed over ("the fee would remain"), unless it counts or
        leaves undefined who acts ("one of her flyers asks"): a name above it would then be a guess.
        """
        tokens = self.tokens
        assert tokens is not None
        reporter = False
        for subject in enclosing_subjects(tokens, start, first):
            if subject.head < floor:
                return None  # a subject in an earlier paragraph: the parse ran across the break
            if self._reported_clause(subject.verb, first):
                # "Lee asks whether the board has “lost its way”": the words are Lee's, not the board's.
                reporter = True
                continue
            # The subject of the verb of speech above a reported clause speaks whatever its noun
            # ("one attendee said the message was “…”"), in its own words when it names nobody; so does
            # that of a verb of speech that hands over to the quotation ("As one clerk told the paper, “…”").
            speaks = reporter or tokens.lemmas[subject.verb].casefold() in _SPEECH_LEMMAS
            mention = self._subject_mention(subject, counted=speaks)
            if mention is not None and (speaks or self._can_speak(mention, subject.head)):
                return Cue(self.text[tokens.starts[subject.verb] : tokens.ends[subject.verb]], mention)
            if tokens.lemmas[subject.first].casefold() in _INDEFINITE_STARTS:
                return None
        return None

    def _reported_clause(self, verb: int, first: int) -> bool:
        """Whether ``verb``, not itself one of speech, heads a clause that a verb of speech above it and
        before token ``first`` (the quotation's) reports.

        A partial quotation inside such a clause is the reporter's wording of what someone else did or
        is ("Lee asked whether the board had “lost its way”"), so the subject of the clause is not its
        speaker; the reporter, the next subject up, is.
        """
        tokens = self.tokens
        assert tokens is not None
        if tokens.lemmas[verb].casefold() in _SPEECH_LEMMAS or tokens.deps[verb] != "ccomp":
            return False
        reporter = tokens.heads[verb]
        return reporter < first and reporter != verb and tokens.lemmas[reporter].casefold() in _SPEECH_LEMMAS

    def _according_to_object(self, word: int) -> Cue | None:
        """The source "according to" names when ``word`` ends its object ("according to the paper")."""
        tokens = self.tokens
        assert tokens is not None
        to = tokens.heads[word]
        if tokens.deps[word] != "pobj" or tokens.lemmas[to].casefold() != "to":
            return None
        if tokens.lemmas[tokens.heads[to]].casefold() not in ("accord", "according"):
            return None
        subject = Subject(to, word, noun_phrase_start(tokens, word), word)
        mention = self._subject_mention(subject)
        # "According to" makes its object a source whatever its noun: a name the recognizer missed
        # ("according to PierWatch") speaks as surely as one it found.
        proper = tokens.pos[word] == "PROPN"
        if mention is None or not (self._can_speak(mention, word) or proper):
            return None
        if proper and mention.kind == "unnamed":
            mention = dataclasses.replace(mention, kind="name")  # it names its source: no unnamed one
        return Cue("according to", mention)

    def _quoted_from(self, word: int, floor: int, before: str) -> Cue | None:
        """The source a lead-in that is only "From X:" names ("From the report: “…”"): the words are X's.

        ``word`` ends the lead-in, ``floor`` is its line's first token and ``before`` its line's text up to
        the quotation. The lead-in must open its sentence on "From" and end in a colon, and X be one who
        can speak or a carrier of words ("the report", "the filing"), not a place ("From Paris: “…”").
        """
        tokens = self.tokens
        assert tokens is not None
        if not before.endswith(":") or tokens.deps[word] != "pobj":
            return None
        opening = tokens.heads[word]
        if tokens.lemmas[opening].casefold() != "from" or opening < floor:
            return None
        if self._sentence_start(tokens.starts[opening]) != tokens.starts[opening]:
            return None  # "Lee heard from the board:": a clause of its own names who spoke, or nobody
        mention = self._subject_mention(Subject(opening, word, noun_phrase_start(tokens, word), word))
        if mention is None or not self._can_speak(mention, word):
            return None
        if mention.kind == "name" and not mention.person:
            return None  # a place or a body's name after "From" says where the words come from, not whose
        return Cue("from", mention)

    def _name_at_colon(self, stop: int) -> Cue | None:
        """The person's name that ends a lead-in right at its colon at ``stop`` ("… doesn't surprise
        pollster Ada Roe: “…”", "More from the harbour — Ada Roe: “…”"), when the lead-in's own subject
        cannot speak.

        The colon hands the name its words: a name there is who speaks next, as in a transcript.
        """
        colon = _end_before_spaces(self.text, stop) - 1
        if colon < 0 or self.text[colon] != ":":
            return None
        for mention in reversed(self._window(colon - _MENTION_REACH, colon)):
            if mention.kind == "name" and mention.person and not self.text[mention.end : colon].strip():
                return Cue(None, mention)
        return None

    def _main_clause_speaker(self, word: int, first: int, floor: int) -> Cue | None:
        """The subject of the main verb of the sentence that token ``word`` ends, between tokens ``floor``
        and ``first``, when it can speak.

        The main clause, not the nearest: in "Lee imagined Park was thinking: “…”" the words are Lee's.
        """
        tokens = self.tokens
        assert tokens is not None
        root = word
        for _ in range(VERB_CLIMB * 2):
            head = tokens.heads[root]
            if head == root or not floor <= head < first:
                break
            root = head
        subject = subject_of(tokens, root, first, len(tokens))
        if subject is None or not floor <= subject.head < first:
            return None
        mention = self._subject_mention(subject)
        if mention is None or not self._can_speak(mention, subject.head):
            return None
        return Cue(self.text[tokens.starts[root] : tokens.ends[root]], mention)

    def _according_to_cue(self, quote: QuoteSpan) -> Cue | None:
        """The source an "according to" of the quotation's sentence names, outside the quotation's marks.

        "According to his doctor, Lee was in “excellent health”" and "The rule applies “when …,”
        according to the paper": the sentence says whose words it gives, and no other cue said whose.
        """
        tokens = self.tokens
        if tokens is None or quote.close_at is None:
            return None
        sentence_start = self._sentence_start(quote.open_at)
        sentence_end = self._sentence_end(quote.close_at)
        low, high = token_range(tokens, sentence_start, sentence_end)
        for word in range(low, high):
            if quote.open_at <= tokens.starts[word] <= quote.close_at or tokens.deps[word] != "pobj":
                continue
            cue = self._according_to_object(word)
            if cue is not None:
                return cue
        return None

    def _can_speak(self, mention: SpeakerCandidate, head: int) -> bool:
        """Whether a subject names someone or something that can speak: a name, a mention the speaker
        layer found (a pronoun, a role, a body), or a phrase whose head is a person or a carrier of
        words ("the crowd", "the ad"), not any noun phrase ("the use of the server")."""
        if mention.kind == "name" or mention in self.known:
            return True
        assert self.tokens is not None
        lemma = self.tokens.lemmas[head].casefold()
        return lemma in SPEAKING_NOUNS or lemma in ROLE_WORDS or lemma in ORGANIZATION_HEADS

    def _rest_of_sentence_cue(self, quote: QuoteSpan) -> Cue | None:
        """A partial quote takes the speaker its sentence names anywhere after it, when that is a person.

        So far from the quotation, a place or a body the sentence names ("winning Florida", "telling
        the university") is what it talks about far more often than who spoke.
        """
        if quote.close_at is None:
            return None
        start = quote.close_at + 1
        # Cues read at most CUE_WINDOW characters: a longer range (a run-on "sentence") only costs time.
        stop = min(self._sentence_end(quote.close_at), quote.line_end, start + CUE_WINDOW)
        if stop <= start:
            return None
        cue = sentence_cue(self.text, start, stop, self._window(start, stop))
        if cue is None or (cue.mention.kind in ("name", "organization") and not cue.mention.person):
            return None
        return cue

    def _tail(self, quote: QuoteSpan, following: QuoteSpan | None) -> tuple[int, int] | None:
        """From the closing mark to the end of its sentence or the next opening mark."""
        if quote.close_at is None:
            return None
        inner = self.inner_tails.get(quote.open_at)
        if inner is not None:
            return inner, quote.close_at
        start = quote.close_at + 1
        if self.text[quote.end - 1 : quote.end] in tuple(_TERMINALS) and self._sentence_ends_at(start):
            return None  # “...a border.” closed the sentence: what follows is a new one
        # Cues read at most CUE_WINDOW characters: a longer range (a run-on "sentence") only costs time.
        stop = min(self._sentence_end(quote.close_at), quote.line_end, start + CUE_WINDOW)
        if following is not None and following.line_start == quote.line_start:
            stop = min(stop, following.open_at)
        return (start, stop) if stop > start else None

    def _lead(self, quote: QuoteSpan, previous: QuoteSpan | None) -> tuple[int, int]:
        """From the start of the sentence (or the previous closing mark) to the opening mark."""
        floor = quote.line_start
        if previous is not None and previous.line_start == quote.line_start:
            floor = previous.end if previous.close_at is None else previous.close_at + 1
        start = max(floor, self._sentence_start(quote.open_at), quote.open_at - CUE_WINDOW)
        if not self.text[start : quote.open_at].strip():
            start = max(
                floor, quote.open_at - CUE_WINDOW
            )  # “A,” he said. “B”: the cue is in the sentence before
        return start, quote.open_at

    def _continues(self, quote: QuoteSpan, previous: QuoteSpan | None, last: Attributed) -> bool:
        """A quotation with no cue keeps the previous speaker when nothing stands between them."""
        if last.speaker_name is None or previous is None:
            return False
        if quote.continues:
            return True
        gap_start = previous.end if previous.close_at is None else previous.close_at + 1
        gap = self.text[gap_start : quote.open_at]
        opens_line = not self.text[quote.line_start : quote.open_at].strip()
        if len(gap) > 400 or _paragraph_breaks(gap) > 1:
            # One paragraph of prose may stand between the two, where nobody else speaks in it.
            if not (opens_line and _paragraph_breaks(gap) <= 2 and len(gap) <= _PARAGRAPH_BETWEEN):
                return False
            return (
                last.kind == "full"
                and self._about_speaker(gap_start, quote.line_start, last)
                and self._spoken_by_only(gap_start, quote.open_at, last)
            )
        if not opens_line and previous.line_start != quote.line_start:
            return False
        cue = last.cue_mention
        for mention in self._window(gap_start, quote.open_at):
            if cue is not None and cue.start <= mention.start and mention.end <= cue.end:
                continue  # a word of the previous quotation's own speaker ("a Lisbon official")
            if cue is not None and self._object_in_attribution(mention, cue):
                continue  # whom or where the speaker told it ("told the Herald", "on Roe's show")
            if mention.kind in ("name", "unnamed", "organization") and mention.name != last.speaker_name:
                # Only a whole quotation's speaker holds the floor: a scare quote's or a title's does not.
                if not opens_line or last.kind != "full":
                    return False
                return self._spoken_by_only(gap_start, quote.open_at, last)
        return True

    def _spoken_by_only(self, start: int, stop: int, last: Attributed) -> bool:
        """Whether the prose between two quotations has nobody but ``last``'s speaker speak in it.

        A bare quotation paragraph goes on in the voice of the quotation before it though the prose
        between names other people ("“…,” Roe said.¶She met Lee on Monday.¶“…”"): they are spoken
        of. A verb of speech there whose subject is anyone else ("Lee told reporters …"), or whose
        subject the parse does not show, or an "according to", hands the floor to someone else.
        """
        tokens = self.tokens
        if tokens is None or ACCORDING_TO.search(self.text, start, stop):
            return False
        first, last_token = token_range(tokens, start, stop)
        for verb in range(first, last_token):
            if tokens.pos[verb] != "VERB" or tokens.lemmas[verb].casefold() not in _SPEECH_LEMMAS:
                continue
            subjects = [i for i in children(tokens, verb) if tokens.deps[i] == "nsubj"]
            if not subjects or not self._is_speaker(tokens.starts[subjects[0]], last):
                return False
        return True

    def _about_speaker(self, start: int, line_start: int, last: Attributed) -> bool:
        """Whether the paragraph right before the quotation's line has ``last``'s speaker for the subject
        of a main clause ("Roe is upbeat about the port.", "She pauses."): the prose between is still
        about the one speaking, not about a document or someone new."""
        tokens = self.tokens
        if tokens is None:
            return False
        stop = _end_before_spaces(self.text, line_start)
        paragraph = max(start, self.text.rfind("\n", start, stop) + 1)
        first, last_token = token_range(tokens, paragraph, stop)
        subjects = [
            self._is_speaker(tokens.starts[subject], last)
            for subject in range(first, last_token)
            if tokens.deps[subject] in ("nsubj", "nsubjpass") and tokens.deps[tokens.heads[subject]] == "ROOT"
        ]
        # Every main clause is about the speaker: another subject there ("Park chose four.") may be whom
        # the words are by or about.
        return bool(subjects) and all(subjects)

    def _is_speaker(self, at: int, last: Attributed) -> bool:
        """Whether the mention at ``at`` is ``last``'s speaker, by name or by a pronoun referring to them."""
        near = self._window(at - _MENTION_REACH, at + _MENTION_REACH)
        covering = [m for m in near if m.start <= at < m.end]
        if not covering:
            return False
        mention = covering[-1]
        if mention.kind != "name":
            earlier = self._window(mention.start - _ANTECEDENT_REACH, mention.start)
            mention = resolve(mention, earlier, self.genders) or mention
        return mention.kind == "name" and mention.name == last.speaker_name

    def _object_in_attribution(self, mention: SpeakerCandidate, cue: SpeakerCandidate) -> bool:
        """Whether ``mention`` stands after the speaker ``cue`` in its sentence as an object or a possessor.

        "…,” Lee told the Herald. “…”: the Herald is the one spoken to, not a new speaker, so the
        quotation after it goes on in Lee's voice. A subject there ("…,” Lee said, and Park agreed) is
        someone who may speak next.
        """
        tokens = self.tokens
        if tokens is None or mention.start < cue.end:
            return False
        if self._sentence_start(mention.start) != self._sentence_start(cue.start):
            return False
        return _top_label(tokens, mention) in _NOT_SPEAKING_ROLES

    def _resolve(self, mention: SpeakerCandidate) -> SpeakerCandidate | None:
        if mention.kind in ("name", "unnamed"):
            return mention
        earlier = self._window(mention.start - _ANTECEDENT_REACH, mention.start)
        antecedent = resolve(mention, earlier, self.genders)
        required = pronoun_gender(mention) if mention.kind == "pronoun" else None
        if required is not None and antecedent is not None and antecedent.kind == "name":
            self.genders.setdefault(antecedent.name, required)
        if antecedent is None and mention.kind == "nominal":
            # "the official" with nobody to refer to is an unnamed source in its own words.
            return dataclasses.replace(mention, name=self.text[mention.start : mention.end], kind="unnamed")
        if antecedent is None and mention.kind == "organization":
            # "the ministry" with no named ministry before it speaks in its own words.
            return mention
        return antecedent

    def _window(self, start: int, stop: int) -> Sequence[SpeakerCandidate]:
        low = bisect.bisect_left(self.mention_starts, start)
        high = bisect.bisect_left(self.mention_starts, stop)
        return [m for m in self.mentions[low:high] if m.end <= stop]

    def _sentence_start(self, at: int) -> int:
        index = bisect.bisect_right(self.sentence_starts, at) - 1
        return self.sentence_starts[index] if index >= 0 else 0

    def _sentence_end(self, at: int) -> int:
        index = bisect.bisect_right(self.sentence_starts, at) - 1
        if index < 0 or self.sentence_ends[index] <= at:
            return len(self.text)
        return self.sentence_ends[index]

    def _sentence_ends_at(self, at: int) -> bool:
        index = bisect.bisect_left(self.sentence_ends, at)
        return index < len(self.sentence_ends) and self.sentence_ends[index] == at


def _spells_out(tokens: Tokens, child: int) -> bool:
    """Whether ``child`` hangs on its noun as that noun's content ("promise to …", "call for …", "claim
    that …", "the “…” promise"), not as a name set beside it (an apposition) or a description."""
    label = tokens.deps[child]
    if label == "prep":
        return tokens.lemmas[child].casefold() in _CONTENT_PREPOSITIONS
    return label in _CONTENT_LABELS


def _describes(tokens: Tokens, index: int) -> bool:
    """Whether ``index`` is the "as" of a description ("called it as …", "saw the remarks as …")."""
    return tokens.deps[index] == "prep" and tokens.lemmas[index].casefold() == "as"


def _top_label(tokens: Tokens, mention: SpeakerCandidate) -> str | None:
    """The dependency label of the word the mention's other words hang from (None: no token)."""
    first, last = token_range(tokens, mention.start, mention.end)
    if first >= last:
        return None
    top = last - 1
    while first <= tokens.heads[top] < last and tokens.heads[top] != top:
        top = tokens.heads[top]
    return tokens.deps[top]


def _bare_paragraph(text: str, quote: QuoteSpan) -> bool:
    """Whether the quotation opens its line and nothing but marks follows its closing mark there."""
    if text[quote.line_start : quote.open_at].strip():
        return False
    if quote.close_at is None:
        return True
    return not any(char.isalnum() for char in text[quote.close_at + 1 : quote.line_end])


def _paragraph_breaks(gap: str) -> int:
    """How many paragraph breaks ``gap`` holds: a blank line or a lone line break each."""
    return len(_PARAGRAPH_BREAK.findall(gap))


def _end_before_spaces(text: str, stop: int) -> int:
    """Where ``text[:stop].rstrip()`` ends, found without copying the text before ``stop``."""
    while stop > 0 and text[stop - 1].isspace():
        stop -= 1
    return stop


def _word_count(text: str) -> int:
    return sum(1 for word in text.split() if any(char.isalnum() for char in word))


#: First words of a subject that leaves undefined who it is ("one of the flyers", "some voters").
_INDEFINITE_STARTS = frozenset(
    ("a", "an", "one", "some", "several", "many", "two", "three", "another", "few")
)
#: Verbs of speech that report a clause: the reporting verbs and those that ask one ("questioned whether").
_SPEECH_LEMMAS = REPORTING_LEMMAS | frozenset({"question", "wonder"})
#: Marks that open a line signing the quotation above it, and the most words such a line holds.
_SIGNATURE_DASHES = ("-", "—", "–")
_SIGNATURE_WORDS = 8
#: Spaced dashes that set a label off from the writer's words before it on the same line.
_LABEL_DASHES = (" - ", " — ", " – ", " -- ")
#: What may stand between a closing mark and a label signing the words on the same line: the quotation's
#: own stop or comma, then a dash or an opening bracket.
_SIGNATURE_OPENING = re.compile(r"[\s.,]*([—–-]+|\()?\s*")
#: A paragraph break as extractors leave it: one line break, or several with blanks between.
_PARAGRAPH_BREAK = re.compile(r"\n(?:[ \t]*\n)*")
#: The most characters of prose between two quotations that one speaker's words run on over.
_PARAGRAPH_BETWEEN = 600
#: Relative pronouns that stand for the noun their clause describes ("the report, which notes …").
_RELATIVE_PRONOUNS = frozenset({"who", "which"})
#: Marks that set a non-restrictive relative clause off from its noun.
_CLAUSE_SETTERS = frozenset({",", "-", "—", "–", "--"})
#: The most words a topic before a colon holds ("On the closures:").
_TOPIC_WORDS = 6
#: Emphasis marks around a label ("**Roe:**").
_MARKUP_MARKS = re.compile(r"[*_]")
#: What ends a name label on the quotation's own line ("Ada Roe, 34, Harwich: “…”", "Ada Roe, 34. “…”").
_LABEL_MARKS = (":", "—", "–", ".")
#: What ends a lead-in clause that hands the sentence over to the quotation after it.
_HANDOVER_MARKS = (",", ":", "—", "–", "--")
#: A shorter partial quotation is a scare quote or a title ("overcapacity"), not a speaker's words.
_SUBJECT_MIN_WORDS = 4
#: How far past a subject's head a mention that covers the head may run, in characters.
_MENTION_REACH = 200
#: Parts of speech of a subject that can speak in its own words ("the statement", "organizers").
_NOUN_TAGS = frozenset({"NOUN", "PROPN"})


#: Words that open a clause or a phrase of the writer's, not a descriptor of the name after them.
_CLAUSE_WORDS = word_list(
    """and but or nor so yet as while when whence because since though although if unless until after
    before then also even still just now only not never already again later earlier that which who
    whom whose where what to of in on at by for from with without than like about over into per
    the a an this these those his her their its our my your some any all one two"""
)
#: One to three lower-case words right after a closing mark (and its comma), before a name.
_DESCRIBED_NAME = re.compile(r"[,\s]*((?:[a-z][a-z\-]*\s+){1,3})(?=[A-Z])")
#: The word right after a name, over a comma-free adverb ("Roe wrote", "Roe later wrote").
_VERB_AFTER_NAME = re.compile(r"\s+(?:[a-z]+ly\s+)?([a-z]+)\b")
_DETERMINED = (
    r"(?P<phrase>(?:[Tt]he|[Tt]his|[Tt]hat|[Aa]n?|[Oo]ne|[Aa]nother) "
    r"(?:[\w\-’'.]+ ){0,3}?(?P<head>[a-z][\w\-]*))"
)
#: ",” the editorial read." and ",” read the editorial.": a determined phrase and a verb; the clause ends.
_PHRASE_THEN_VERB = re.compile(rf"[,\s]*{_DETERMINED}\s+(?P<verb>[a-z]+)\b(?=\s*[.,;:!?]|\s+(?:on|in|to)\b)")
_VERB_THEN_PHRASE = re.compile(rf"[,\s]*(?P<verb>[a-z]+)\s+{_DETERMINED}(?=\s*[.,;:!?])")
#: Dependency labels of a noun phrase spoken to or about, an owner, or a modifier of another noun
#: ("a Lee supporter"): never the one speaking.
_NOT_SPEAKING_ROLES = frozenset({"dobj", "pobj", "dative", "iobj", "poss", "compound"})
#: Of those, the labels of a mention that is never the subject a later "he" or "she" refers to.
_OBJECT_ROLES = _NOT_SPEAKING_ROLES - {"poss"}
#: Words that open a side clause of time, cause, condition or concession ("when", "after", "if"), whose
#: verb of speech is not the sentence's. Not "as": "As Lee put it, “…”" hands over to the quotation.
_SIDE_CLAUSE_MARKS = word_list(
    "when whenever after before because since if unless while whereas although though once until"
)
#: Words that stand alone for one more unnamed person ("Another said, “…”").
_STANDING_ALONE = frozenset({"another"})
#: Nouns of the words someone said or wrote: their possessor said them ("Roe's promise to “…”", "in her
#: words, “…”", "his call for “…”").
_UTTERANCE_NOUNS = word_list("""
    word words remark remarks comment comments promise promises pledge vow call claim assertion answer
    reply response warning argument description dictum phrase catchphrase slogan motto mantra quip
    retort plea demand complaint accusation charge insistence statement message tweet speech
""")
_POSSESSIVES = ("'s", "’s")
#: How the words hang on a noun of utterance when they are its content (see :func:`_spells_out`).
_CONTENT_LABELS = frozenset({"acl", "xcomp", "ccomp", "compound", "nmod", "amod"})
_CONTENT_PREPOSITIONS = frozenset({"for", "of", "to"})
