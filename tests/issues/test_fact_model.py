"""The learned same-fact decision: signals weighed together, lemmas from the analysis, figures still veto."""

from __future__ import annotations

import numpy as np
import pytest

from dossier.analysis import Analysis, AnalyzerKey, Tokens
from dossier.briefing import Citation
from dossier.errors import UsageError
from dossier.figures import extract_measures
from dossier.issues.corroborate import FactKey, FactMatcher
from dossier.issues.fact_model import DEFAULT_FACT_MODEL, FACT_FEATURES, FactModel, fact_model_for, fit
from dossier.issues.pool import Candidate
from dossier.issues.similarity import Thresholds
from dossier.story import Story

LIMITS = Thresholds(same=0.88, related=0.63, corroborate=0.55)

# Two reports of one find, worded apart: only "hiker", "found" and the mountain's name are shared.
FOUND = "Rangers found the lost hiker on the slopes of Mount Ardel at dawn."
FOUND_AGAIN = "A hiker who went missing near Ardel was finally found by searchers, his sister wrote."
FOUND_LEMMAS = [("ranger", "NOUN"), ("find", "VERB"), ("lose", "VERB"), ("hiker", "NOUN"), ("slope", "NOUN")]
FOUND_AGAIN_LEMMAS = [
    ("hiker", "NOUN"),
    ("go", "VERB"),
    ("find", "VERB"),
    ("searcher", "NOUN"),
    ("write", "VERB"),
]


def learned(
    texts: list[str], cosine: float, lemmas: list[list[tuple[str, str]]] | None = None
) -> FactMatcher:
    similarity = np.full((len(texts), len(texts)), cosine, dtype=np.float32)
    np.fill_diagonal(similarity, 1.0)
    figures = [extract_measures(text) for text in texts]
    return FactMatcher(texts, similarity, LIMITS, figures, lemmas=lemmas, model=DEFAULT_FACT_MODEL)


def test_a_shared_event_verb_and_place_carry_a_loose_rewording() -> None:
    texts = [FOUND, FOUND_AGAIN]
    assert learned(texts, 0.5, [FOUND_LEMMAS, FOUND_AGAIN_LEMMAS]).reporting(0) == [1]
    # The hand-set rules miss it: three shared words, under a third of the shorter sentence's.
    similarity = np.array([[1.0, 0.5], [0.5, 1.0]], dtype=np.float32)
    assert FactMatcher(texts, similarity, LIMITS).reporting(0) == []


def test_without_the_analysis_the_same_pair_falls_short() -> None:
    # The verbs "found" and "lost" / "went missing" only meet as lemmas; the words alone are too few.
    assert learned([FOUND, FOUND_AGAIN], 0.5).reporting(0) == []


def test_another_fact_about_the_same_place_is_not_cited() -> None:
    texts = [
        "A gunman shot and wounded two guards outside the Velmar depot on Tuesday night.",
        "The Velmar depot will reopen next month after a renovation, its owners said.",
    ]
    lemmas = [
        [("gunman", "NOUN"), ("shoot", "VERB"), ("wound", "VERB"), ("guard", "NOUN"), ("depot", "NOUN")],
        [("depot", "NOUN"), ("reopen", "VERB"), ("month", "NOUN"), ("renovation", "NOUN"), ("owner", "NOUN")],
    ]
    assert learned(texts, 0.6, lemmas).reporting(0) == []


def test_figures_that_clash_still_veto_the_model() -> None:
    texts = [
        "A gunman shot 2 guards outside the Velmar depot on Tuesday night.",
        "A gunman shot 3 guards outside the Velmar depot on Tuesday night.",
    ]
    lemmas = [[("gunman", "NOUN"), ("shoot", "VERB"), ("guard", "NOUN"), ("depot", "NOUN")]] * 2
    found = learned(texts, 0.8, lemmas)
    assert found.clash(0, 1)
    assert found.reporting(0) == []


def test_a_cosine_under_the_model_floor_is_never_one_fact() -> None:
    texts = [FOUND, FOUND]
    assert learned(texts, DEFAULT_FACT_MODEL.min_cosine - 0.05).reporting(0) == []


def test_the_matcher_reads_lemmas_from_the_story_analyses() -> None:
    texts = [FOUND, FOUND_AGAIN]
    analyses = {}
    candidates = []
    for n, (text, lemmas) in enumerate(zip(texts, [FOUND_LEMMAS, FOUND_AGAIN_LEMMAS], strict=True)):
        article = f"a{n}"
        # One token per lemma, each at the start of a word of the text (offsets only need to fall inside).
        starts = tuple(range(0, len(lemmas) * 5, 5))
        tokens = Tokens(
            starts=starts,
            ends=tuple(s + 4 for s in starts),
            lemmas=tuple(lemma for lemma, _ in lemmas),
            pos=tuple(pos for _, pos in lemmas),
            deps=("dep",) * len(lemmas),
            heads=tuple(range(len(lemmas))),
        )
        analyses[article] = Analysis(article_id=article, key=AnalyzerKey("test", "none", "0"), tokens=tokens)
        candidates.append(Candidate(text, (Citation(article, 0, len(text)),), n, 0, 12, True))
    story = Story(articles=(), analyses=analyses)
    similarity = np.array([[1.0, 0.5], [0.5, 1.0]], dtype=np.float32)
    found = FactMatcher.over(candidates, story, similarity, LIMITS, DEFAULT_FACT_MODEL)
    assert found.features(0, 1)["shared_verbs"] == 1.0
    assert found.reporting(0) == [1]


def test_features_are_capped_and_named_as_the_model_expects() -> None:
    key = FactKey.of(FOUND, (), FOUND_LEMMAS)
    values = key.features(key, 0.9)
    assert set(values) == set(FACT_FEATURES)
    assert values["shared_verbs"] == 2.0 and values["names_disjoint"] == 0.0
    assert values["shared_words"] <= 8.0 and values["word_overlap"] == 1.0
    assert "say" not in FactKey.of("Rangers said so.", (), [("say", "VERB")]).verbs


def test_the_model_holds_for_its_own_encoder_only() -> None:
    assert fact_model_for(DEFAULT_FACT_MODEL.encoder) is DEFAULT_FACT_MODEL
    assert fact_model_for("tfidf") is None


def test_a_model_with_an_unknown_feature_or_a_bad_threshold_is_refused() -> None:
    with pytest.raises(UsageError, match="unknown fact feature"):
        FactModel("static", 0.0, {"colour": 1.0}, threshold=0.5, min_cosine=0.3)
    with pytest.raises(UsageError, match="threshold"):
        FactModel("static", 0.0, {"cosine": 1.0}, threshold=1.0, min_cosine=0.3)


def test_fit_learns_which_way_a_signal_points() -> None:
    rows = [{"cosine": 0.2 + 0.05 * n, "shared_verbs": float(n % 2)} for n in range(12)]
    labels = [row["cosine"] > 0.45 or row["shared_verbs"] == 1.0 for row in rows]
    bias, coefficients = fit(rows, labels)
    assert coefficients["cosine"] > 0 and coefficients["shared_verbs"] > 0
    model = FactModel("static", bias, coefficients, threshold=0.5, min_cosine=0.0)
    assert model.probability({"cosine": 0.8, "shared_verbs": 1.0}) > model.probability({"cosine": 0.2})
    with pytest.raises(UsageError, match="both kinds"):
        fit(rows, [True] * len(rows))


def test_a_summary_refuses_only_what_the_strict_rules_call_a_restatement() -> None:
    found = learned([FOUND, FOUND_AGAIN], 0.5, [FOUND_LEMMAS, FOUND_AGAIN_LEMMAS])
    assert found.same_fact(0, 1)  # cited as the same find
    assert not found.restates(0, 1)  # but each may still be picked for what else it tells
    assert learned([FOUND, FOUND], 0.95).restates(0, 1)


# Two outlets on one mill fire: besides "mill" and "started", only the clock time is shared.
FIRE = "Neighbours said the fire started in the boiler room of the Halvern mill at 4:17 a.m. on a windy night"
FIRE_AGAIN = "Crews found the blaze had started at the mill at 4:17 a.m., long before anyone called them."
FIRE_LEMMAS = [
    ("neighbour", "NOUN"),
    ("fire", "NOUN"),
    ("start", "VERB"),
    ("boiler", "NOUN"),
    ("room", "NOUN"),
    ("mill", "NOUN"),
    ("night", "NOUN"),
]
FIRE_AGAIN_LEMMAS = [
    ("crew", "NOUN"),
    ("find", "VERB"),
    ("blaze", "NOUN"),
    ("start", "VERB"),
    ("mill", "NOUN"),
    ("call", "VERB"),
]


def test_a_shared_clock_time_carries_a_rewording_of_one_fact() -> None:
    found = learned([FIRE, FIRE_AGAIN], 0.4, [FIRE_LEMMAS, FIRE_AGAIN_LEMMAS])
    assert found.features(0, 1)["shared_values"] == 1.0
    assert found.reporting(0) == [1]
    # The same rewording with the time left vague shares too little to be cited.
    vague = FIRE_AGAIN.replace("at 4:17 a.m.", "before dawn")
    assert learned([FIRE, vague], 0.4, [FIRE_LEMMAS, FIRE_AGAIN_LEMMAS]).reporting(0) == []


def test_a_figure_written_two_ways_is_one_shared_value() -> None:
    texts = ["The harbour took in 1,200 tonnes of grain last week.", "Some 1200 tonnes of grain passed it."]
    found = learned(texts, 0.5)
    assert found.features(0, 1)["shared_values"] == 1.0


def test_a_small_number_in_common_does_not_make_one_fact() -> None:
    texts = [
        "The council shut 3 libraries across the district after the storm, the mayor said.",
        "Volunteers cleared 3 roads across the district by Sunday evening.",
    ]
    lemmas = [
        [("council", "NOUN"), ("shut", "VERB"), ("library", "NOUN"), ("district", "NOUN"), ("storm", "NOUN")],
        [("volunteer", "NOUN"), ("clear", "VERB"), ("road", "NOUN"), ("district", "NOUN")],
    ]
    found = learned(texts, 0.5, lemmas)
    assert found.features(0, 1)["shared_values"] == 0.0  # "3" is too common to tell one thing
    assert found.reporting(0) == []


def test_a_matcher_with_another_model_keeps_its_sentences() -> None:
    found = learned([FIRE, FIRE_AGAIN], 0.4, [FIRE_LEMMAS, FIRE_AGAIN_LEMMAS])
    assert found.with_model(None).reporting(0) == []  # the hand-set rules want three shared words
    assert found.reporting(0) == [1]  # the matcher itself is unchanged
