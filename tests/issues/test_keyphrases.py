"""Keyphrase-seeded grouping on hand-written sentences: which phrases count, how they cluster."""

from __future__ import annotations

from collections import Counter

import numpy as np

from dossier.briefing import Citation, Entity
from dossier.embed.tfidf import TfidfEncoder
from dossier.issues.keyphrases import (
    MAX_ISSUES_PER_SENTENCE,
    KeyPhrase,
    assign_sentences,
    cluster_phrases,
    is_strong,
    key_phrases,
    phrase_groups,
    same_word,
)

ENCODER = TfidfEncoder()

# A fictional harbour story told by three outlets: the town, pay talks, the lifeboat inspection, a bridge.
SENTENCES = [
    ("a", "The Kelport dockers met the port authority about the wage offer on Monday."),
    ("b", "Dockers in Kelport rejected the wage offer and asked for a cost of living payment."),
    ("c", "The Kelport port authority said the wage offer was final and the cost of living was rising."),
    ("a", "Inspectors found corroded winches on the Tarn lifeboat after the storm."),
    ("b", "The Tarn lifeboat was withdrawn until the corroded winches are replaced by the yard."),
    ("c", "Volunteers said the Tarn lifeboat crew had warned about the winches for a year."),
    ("a", "Harbourmaster Ilse Varga said the Kelport port authority would pay for the repairs."),
    ("b", "Ilse Varga told the council that the town needs the Tarn lifeboat back."),
    ("c", "A new footbridge over the Kelport canal opened to walkers on Sunday."),
    ("a", "Kelport traders said the footbridge had brought visitors to the canal shops."),
    ("b", "The weather in Kelport was mild and the town market was busy."),
    ("c", "Kelport schools closed early for the holiday."),
]
TEXTS = [text for _, text in SENTENCES]
ARTICLES = [(article,) for article, _ in SENTENCES]
HARBOURMASTER = Entity("e-varga", "Ilse Varga", "person", mentions=(Citation("a", 0, 1),), aliases=("Varga",))


def _keys(phrases: list[KeyPhrase]) -> set[str]:
    return {p.key for p in phrases}


def test_distinctive_phrases_used_by_several_outlets_are_kept() -> None:
    keys = _keys(key_phrases(TEXTS, ARTICLES, (HARBOURMASTER,)))
    assert "wage offer" in keys
    assert "tarn lifeboat" in keys
    assert "corroded winches" in keys


def test_the_story_wide_name_and_people_are_not_key_phrases() -> None:
    keys = _keys(key_phrases(TEXTS, ARTICLES, (HARBOURMASTER,)))
    assert "kelport" not in keys  # in most sentences: it names the story, not an issue
    assert not any("varga" in key or "ilse" in key for key in keys)


def test_a_fragment_of_a_longer_phrase_is_dropped_for_it() -> None:
    keys = _keys(key_phrases(TEXTS, ARTICLES))
    assert "corroded winches" in keys
    assert "corroded" not in keys


def test_a_phrase_from_one_outlet_only_is_not_key() -> None:
    keys = _keys(key_phrases(TEXTS, ARTICLES))
    assert "town market" not in keys


def test_phrases_used_together_cluster_and_unrelated_ones_do_not() -> None:
    clusters = cluster_phrases(key_phrases(TEXTS, ARTICLES, (HARBOURMASTER,)), ENCODER)
    home = {p.key: n for n, cluster in enumerate(clusters) for p in cluster}
    assert home["tarn lifeboat"] == home["corroded winches"]
    assert home["wage offer"] != home["tarn lifeboat"]
    assert all(any(is_strong(p) for p in cluster) for cluster in clusters)


def test_sentences_without_a_key_phrase_stay_unassigned() -> None:
    vectors = ENCODER.encode(TEXTS)
    groups = phrase_groups(TEXTS, ARTICLES, vectors, ENCODER, related=0.99, entities=(HARBOURMASTER,))
    assigned = {m for g in groups for m in g.members}
    assert 10 not in assigned and 11 not in assigned  # weather, schools: no issue of their own
    lifeboat = next(g for g in groups if any(p.key == "corroded winches" for p in g.phrases))
    assert {3, 4, 5} <= set(lifeboat.members)


def test_a_sentence_supports_two_groups_at_most_and_grouping_is_deterministic() -> None:
    vectors = ENCODER.encode(TEXTS)
    first = phrase_groups(TEXTS, ARTICLES, vectors, ENCODER, related=0.5)
    again = phrase_groups(TEXTS, ARTICLES, vectors, ENCODER, related=0.5)
    assert first == again
    members = Counter(m for g in first for m in g.members)
    assert max(members.values()) <= MAX_ISSUES_PER_SENTENCE


def test_a_sentence_naming_two_issues_supports_both() -> None:
    texts = [*TEXTS, "The wage offer and the corroded winches go to the council on Friday."]
    articles = [*ARTICLES, ("c",)]
    vectors = ENCODER.encode(texts)
    groups = phrase_groups(texts, articles, vectors, ENCODER, related=0.99, entities=(HARBOURMASTER,))
    both = len(texts) - 1
    pay = next(g for g in groups if any(p.key == "wage offer" for p in g.phrases))
    lifeboat = next(g for g in groups if any(p.key == "corroded winches" for p in g.phrases))
    assert both in pay.members and both in lifeboat.members
    assert sum(both in g.members for g in groups) == 2


# One outlet ("c") comes back to the night ferry three times; the others never mention it.
OWN = [
    ("c", "The night ferry to Orrin will stop running while the dockers strike."),
    ("c", "Families on Orrin rely on the night ferry for hospital visits."),
    ("c", "Ferry crews said the night ferry timetable could return next month."),
    ("b", "Union leaders asked the mayor to postpone arbitration until the inquiry ends."),
    ("b", "The mayor declined to postpone arbitration, a union leader said."),
    ("a", "However the dockers kept the cranes idle on Tuesday night."),
    ("a", "However the mood on the quay stayed calm and friendly."),
    ("a", "One trader mentioned the orchard fair in passing."),
]
OWN_TEXTS = [*TEXTS, *(text for _, text in OWN)]
OWN_ARTICLES = [*ARTICLES, *((article,) for article, _ in OWN)]


def test_a_phrase_one_outlet_dwells_on_is_kept_as_single_source() -> None:
    phrases = {p.key: p for p in key_phrases(OWN_TEXTS, OWN_ARTICLES, (HARBOURMASTER,))}
    assert phrases["night ferry"].single_source
    assert not phrases["wage offer"].single_source
    assert "orchard fair" not in phrases  # once only: a mention, not an issue
    assert "town market" not in phrases


def test_a_verb_phrase_or_a_sentence_opener_from_one_outlet_is_not_kept() -> None:
    phrases = {p.key: p for p in key_phrases(OWN_TEXTS, OWN_ARTICLES, (HARBOURMASTER,))}
    assert "postpone arbitration" not in phrases  # "to postpone arbitration": a verb phrase
    assert "however" not in phrases or not is_strong(phrases["however"])


def test_a_single_source_phrase_clusters_only_with_what_it_is_used_with() -> None:
    clusters = cluster_phrases(key_phrases(OWN_TEXTS, OWN_ARTICLES, (HARBOURMASTER,)), ENCODER)
    home = {p.key: n for n, cluster in enumerate(clusters) for p in cluster}
    assert home["night ferry"] == home["orrin"]
    assert home["night ferry"] != home["wage offer"]
    assert home["night ferry"] != home["tarn lifeboat"]


def test_inflected_forms_of_one_word_are_one_topic() -> None:
    texts = [
        "Voters in Marrow went to the polls for the harbour election on Sunday.",
        "The harbour election drew a record crowd of voters to Marrow.",
        "Observers said both elections in Marrow were orderly and calm.",
        "Two elections in one month tired the clerks in Marrow.",
        "The lighthouse keeper repainted the Marrow lighthouse in May.",
        "Visitors climbed the Marrow lighthouse on Saturday morning.",
    ]
    articles = [("a",), ("b",), ("a",), ("b",), ("a",), ("b",)]
    clusters = cluster_phrases(key_phrases(texts, articles), ENCODER)
    home = {p.key: n for n, cluster in enumerate(clusters) for p in cluster}
    assert "elections" in home and "harbour election" in home
    assert home["elections"] == home["harbour election"]
    assert home["harbour election"] != home["marrow lighthouse"]


def test_no_phrases_means_no_groups() -> None:
    assert assign_sentences([], np.zeros((3, 4), dtype=np.float32), 0.5) == []
    assert phrase_groups([], [], np.zeros((0, 4), dtype=np.float32), ENCODER, 0.5) == []


def test_hostile_text_does_not_break_it() -> None:
    texts = ["\x00\x01 ((((( '''' ", "x" * 50_000, "9" * 400 + " percent", "", "«»“”"] * 4
    articles = [(str(n % 3),) for n in range(len(texts))]
    vectors = ENCODER.encode(texts)
    groups = phrase_groups(texts, articles, vectors, ENCODER, related=0.5)
    assert all(0 <= m < len(texts) for g in groups for m in g.members)


def test_same_word_joins_inflections_and_demonyms_but_not_short_or_unrelated_words() -> None:
    assert same_word("election", "elections")
    assert same_word("veskara", "veskaran")
    assert same_word("elections", "harbour election")  # a lone word against a phrase's head
    assert not same_word("port", "portrait")  # too short a stem, too long a suffix
    assert not same_word("harbour election", "harbour elections")  # two phrases are never compared
    assert not same_word("lifeboat", "winches")


# A fictional ferry sinking reported by three outlets: a nationality word recurs all over the story.
SINKING = [
    ("a", "The Veldarian coast guard searched the strait for the missing ferry overnight."),
    ("b", "Rescuers from the Veldarian coast guard pulled two survivors from the strait."),
    ("c", "The Veldarian coast guard said the search would resume at dawn."),
    ("a", "It was the worst ferry disaster since the harbour fire, the Veldarian minister said."),
    ("b", "Relatives gathered at the Veldarian port as the worst ferry disaster since the fire unfolded."),
    ("c", "Veldarian divers reached the hull and recovered the cargo manifest from the wreck."),
    ("a", "Investigators studied the cargo manifest for signs of overloading."),
    (
        "b",
        "The cargo manifest listed forty trucks, more than the deck was rated for, a Veldarian source said.",
    ),
    ("c", "The weather on the strait was calm when the ferry left."),
    ("a", "Schools in the port town closed for a day of mourning."),
]
SINKING_TEXTS = [text for _, text in SINKING]
SINKING_ARTICLES = [(article,) for article, _ in SINKING]


def test_no_key_phrase_ends_or_starts_on_a_function_word() -> None:
    keys = _keys(key_phrases(SINKING_TEXTS, SINKING_ARTICLES))
    assert any("ferry disaster" in key for key in keys)
    assert not any(key.split()[-1] in {"since", "than", "the", "ago"} for key in keys)
    assert not any(key.split()[0] in {"since", "than", "the", "every"} for key in keys)


def test_a_lone_nationality_word_is_neither_a_name_nor_a_strong_phrase() -> None:
    texts = [
        "Veldarian engineers inspected the dam on Monday.",
        "The dam cracked after Veldarian inspections ended, local papers said.",
        "Veldarian crews and local crews argued over the dam repairs.",
        "The Veldarian team left the valley.",
        "Dam repairs will cost more than planned.",
    ]
    articles = [("a",), ("b",), ("c",), ("a",), ("b",)]
    phrases = {p.key: p for p in key_phrases(texts, articles)}
    assert phrases["dam repairs"].nominal
    assert not phrases["veldarian"].nominal
    assert not is_strong(phrases["veldarian"])


def test_a_country_adjective_the_gazetteer_knows_is_a_lone_demonym_too() -> None:
    texts = [
        "French engineers inspected the dam on Monday.",
        "The dam cracked after French inspections ended, local papers said.",
        "French crews and local crews argued over the dam repairs.",
        "The French team left the valley.",
    ]
    phrases = {p.key: p for p in key_phrases(texts, [("a",), ("b",), ("c",), ("a",)])}
    assert not is_strong(phrases["french"])


def test_a_nationality_word_joined_to_a_noun_stays_a_strong_name() -> None:
    phrases = {p.key: p for p in key_phrases(SINKING_TEXTS, SINKING_ARTICLES)}
    assert phrases["veldarian coast guard"].nominal
    assert is_strong(phrases["veldarian coast guard"])
