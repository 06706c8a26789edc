from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from dossier.errors import UsageError
from dossier.stories import Assignment, OnlineClusterer, Settings, find_stories, story_id_for
from dossier.stories import clusterer as clusterer_module
from dossier.stories.decision import RELATION_FEATURES, JoinModel
from stories.newsroom import (
    BUS_FARES,
    QUAKE_TOLMIR,
    QUAKE_VARNA,
    articles,
    make_article,
    related_stream,
    stream,
    varied_stream,
)


def groups(stories_articles: list[list[str]]) -> set[frozenset[str]]:
    return {frozenset(ids) for ids in stories_articles}


def test_interleaved_stories_are_told_apart_even_two_earthquakes() -> None:
    found, _ = find_stories(stream())
    by_story = [[article.source.split("-")[0] for article in story.articles] for story in found.stories]
    assert sorted(sorted(set(sources)) for sources in by_story) == [["fares"], ["tolmir"], ["varna"]]


def test_a_story_id_is_its_first_articles_id_and_never_changes_as_it_grows() -> None:
    items = stream()
    clusterer = OnlineClusterer()
    first = clusterer.add(items[0])
    assert first.started and first.story_id == story_id_for(items[0].id)
    for article in items[1:]:
        clusterer.add(article)
    assert clusterer.story_of(items[0].id) == first.story_id
    assert clusterer.story_of(items[-1].id) == first.story_id  # the third Varna article joined it


def test_the_same_input_in_the_same_order_gives_the_same_stories() -> None:
    one, _ = find_stories(stream())
    two, _ = find_stories(stream())
    assert one.to_json_dict() == two.to_json_dict()


def test_an_article_seen_again_keeps_its_story() -> None:
    items = stream()
    clusterer = OnlineClusterer()
    placed = [clusterer.add(article) for article in items]
    again = clusterer.add(items[3])
    assert again.story_id == placed[3].story_id and not again.started
    assert sum(story.size for story in clusterer.stories().stories) == len(items)


def test_a_near_copy_joins_its_original_and_is_marked() -> None:
    original = articles(QUAKE_VARNA, "varna")[1]
    copy = dataclasses.replace(
        make_article(
            original.title or "", original.text.split("\n", 1)[1] + " (Syndicated.)", source="copy.txt"
        ),
        outlet="Other Wire",
    )
    clusterer = OnlineClusterer()
    clusterer.add(original)
    placed = clusterer.add(copy)
    assert placed.duplicate_of == original.id
    story = clusterer.stories().stories[0]
    assert story.copies == 1 and story.outlets == ("Other Wire", "Test Wire")


def test_stories_are_listed_newest_first_with_a_verbatim_label() -> None:
    found, _ = find_stories(stream())
    lasts = [story.last_published.toordinal() if story.last_published else 0 for story in found.stories]
    assert lasts == sorted(lasts, reverse=True)
    titles = {article.title for story in found.stories for article in story.articles}
    assert all(story.label in titles for story in found.stories)


def test_a_bridging_article_merges_two_stories_and_the_older_id_survives() -> None:
    # Two halves of one story arrive apart; a later article that matches both joins them.
    first = make_article(*QUAKE_VARNA[0], source="a.txt")
    second = make_article(*QUAKE_VARNA[2], source="b.txt")
    bridge = make_article(*QUAKE_VARNA[1], source="c.txt")
    strict = Settings(join_threshold=1.0, merge_threshold=1.0)  # nothing joins
    clusterer = OnlineClusterer(strict)
    clusterer.add(first)
    clusterer.add(second)
    assert len(clusterer.stories().stories) == 2
    clusterer.settings = Settings(join_threshold=0.05, merge_threshold=0.05)
    placed = clusterer.add(bridge)
    assert placed.merges, "the bridge should have merged the two stories"
    merge = placed.merges[0]
    assert merge.survivor == story_id_for(first.id) and merge.absorbed == story_id_for(second.id)
    (story,) = clusterer.stories().stories
    assert story.id == story_id_for(first.id) and story.merged_from == (story_id_for(second.id),)
    assert clusterer.story_of(second.id) == story.id


def test_a_story_whose_centroid_fits_the_grown_one_is_merged_when_asked() -> None:
    first = make_article(*QUAKE_VARNA[0], source="a.txt")
    second = make_article(*QUAKE_VARNA[2], source="b.txt")
    bridge = make_article(*QUAKE_VARNA[1], source="c.txt")
    clusterer = OnlineClusterer(Settings(join_threshold=1.0, merge_threshold=1.0))
    clusterer.add(first)
    clusterer.add(second)
    # The bridge joins one story only (merge_threshold 1.0), but the two centroids fit: one story is left.
    clusterer.settings = Settings(join_threshold=0.01, merge_threshold=1.0, centroid_merge_threshold=0.01)
    assert clusterer.add(bridge).merges
    assert len(clusterer.stories().stories) == 1


def test_a_one_line_article_that_matches_nothing_is_flagged_thin() -> None:
    clusterer = OnlineClusterer()
    for article in articles(BUS_FARES, "fares"):
        clusterer.add(article)
    lonely = make_article("Kite festival moved to Saturday", "", source="kite.txt")
    placed = clusterer.add(lonely)
    assert placed.started and placed.thin


def test_undated_articles_are_placed_by_content() -> None:
    undated = articles(QUAKE_TOLMIR, "tolmir", start=None)
    found, placed = find_stories([*articles(QUAKE_VARNA, "varna"), *undated])
    assert placed[-1].story_id == placed[-2].story_id
    tolmir = next(story for story in found.stories if story.id == placed[-2].story_id)
    assert tolmir.first_published is None and tolmir.undated == 2


def test_a_story_far_away_in_time_is_penalised() -> None:
    early = articles(QUAKE_VARNA, "varna", dt.date(2020, 1, 1))
    late = articles(QUAKE_VARNA, "later", dt.date(2024, 1, 1))
    clusterer = OnlineClusterer()
    clusterer.add(early[0])
    near = OnlineClusterer()
    near.add(early[0])
    assert clusterer.add(late[1]).score < near.add(early[1]).score


def test_two_stories_of_one_kind_are_two_stories_of_one_topic_named_by_the_older() -> None:
    items = related_stream()
    found, _ = find_stories(items)
    by_source = {story.articles[0].source.split("-")[0]: story for story in found.stories}
    assert sorted(by_source) == ["fares", "okafor", "voss"]
    assert [len(story.articles) for story in by_source.values()] == [2, 2, 2]
    older = story_id_for(items[0].id)
    assert by_source["voss"].id == older
    assert by_source["voss"].topic == older and by_source["okafor"].topic == older
    assert by_source["fares"].topic == by_source["fares"].id  # unrelated: a topic of its own


def test_a_topic_id_only_ever_changes_to_that_of_an_older_story() -> None:
    clusterer = OnlineClusterer()
    started: dict[str, int] = {}  # story id -> when it started
    topics: dict[str, str] = {}
    for position, article in enumerate(varied_stream(160, seed=5)):
        assignment = clusterer.add(article)
        if assignment.started:
            started[assignment.story_id] = position
        for story in clusterer.stories().stories:
            assert story.topic is not None and started[story.topic] <= started[story.id]
            before = topics.get(story.id)
            if before is not None and before != story.topic:
                assert started[story.topic] < started[before]  # a join: the older topic id survives
            topics[story.id] = story.topic
    assert len(set(topics.values())) < len(topics)  # some topics did join


@pytest.mark.parametrize(
    "settings",
    [
        {"join_threshold": 0.0},
        {"topic_threshold": 0.0},
        {"topic_threshold": 1.5},
        {"join_threshold": 0.5, "merge_threshold": 0.4},
        {"time_scale_days": 0.0},
        {"query_terms": 0},
        {"first_join_threshold": 0.0},
        {"first_join_threshold": 1.5},
        {"relation_threshold": 0.0},
        {"relation_threshold": 1.5},
    ],
)
def test_impossible_settings_are_refused(settings: dict[str, object]) -> None:
    with pytest.raises(UsageError):
        Settings(**settings)  # type: ignore[arg-type]


def _story_of_one(text: str, *, source: str) -> tuple[OnlineClusterer, str]:
    clusterer = OnlineClusterer()
    article = make_article("Kessel harbour fire", text, source=source, published=None)
    return clusterer, clusterer.add(article).story_id


def test_the_years_an_article_names_that_its_story_never_names_count_against_joining() -> None:
    clusterer, story = _story_of_one(
        "Fire crews fought a warehouse blaze at Kessel harbour in 2011.\nThe blaze burned for hours.",
        source="a.txt",
    )
    other_year = make_article(
        "Kessel harbour fire",
        "Fire crews fought a warehouse blaze at Kessel harbour in 2016.\nThe blaze burned for hours.",
        source="b.txt",
        published=None,
    )
    same_year = make_article(
        "Kessel harbour fire",
        "Crews fought the Kessel harbour warehouse blaze of 2011 again.\nThe blaze burned for hours.",
        source="c.txt",
        published=None,
    )
    no_year = make_article(
        "Kessel harbour fire",
        "Crews fought a Kessel harbour warehouse blaze.\nThe blaze burned for hours.",
        source="d.txt",
        published=None,
    )
    values = {
        name: clusterer.story_values(article, story)
        for name, article in (("other", other_year), ("same", same_year), ("none", no_year))
    }
    assert values["other"] is not None and values["other"]["years_missing"] == 1.0
    assert values["same"] is not None and values["same"]["years_missing"] == 0.0
    assert values["none"] is not None and values["none"]["years_missing"] == 0.0


def test_whether_either_side_names_no_year_is_a_value_of_its_own() -> None:
    # "No year named" must not read as "every year shared": nothing in time ties the two then.
    clusterer, story = _story_of_one(
        "Crews fought a warehouse blaze at Kessel harbour in 2012.\nThe blaze burned until dawn.",
        source="a.txt",
    )
    dated = make_article(
        "Kessel harbour fire",
        "The Kessel harbour warehouse blaze of 2012 was put out.\nThe blaze burned until dawn.",
        source="b.txt",
        published=None,
    )
    undated = make_article(
        "Kessel harbour fire",
        "The Kessel harbour warehouse blaze was put out.\nThe blaze burned until dawn.",
        source="c.txt",
        published=None,
    )
    sharing, silent = clusterer.story_values(dated, story), clusterer.story_values(undated, story)
    assert sharing is not None and silent is not None
    assert sharing["years_missing"] == silent["years_missing"] == 0.0
    assert sharing["years_unknown"] == 0.0 and silent["years_unknown"] == 1.0


def test_a_story_of_one_article_is_joined_only_past_the_first_join_threshold() -> None:
    first = make_article(
        "Kessel harbour fire",
        "Crews fought a warehouse blaze at Kessel harbour.\nThe blaze burned until dawn.",
        source="a.txt",
        published=None,
    )
    second = make_article(
        "Harbour blaze",
        "A warehouse blaze at a harbour burned until dawn.\nCrews from three towns came.",
        source="b.txt",
        published=None,
    )
    probe = OnlineClusterer()
    story = probe.add(first).story_id
    values = probe.story_values(second, story)
    assert values is not None
    fit = probe.settings.model.probability(values)
    assert fit >= 0.1  # it would join under the plain threshold

    def placed(first_join_threshold: float | None) -> bool:
        clusterer = OnlineClusterer(Settings(join_threshold=0.1, first_join_threshold=first_join_threshold))
        clusterer.add(first)
        return not clusterer.add(second).started

    assert placed(None) and placed(fit)
    assert not placed(min(1.0, fit + 0.01))


def test_the_story_names_an_article_lacks_count_against_joining() -> None:
    clusterer, story = _story_of_one(
        "Ruben Alcaso led the Kessel harbour crews against the blaze.\nAlcaso said the quay was safe.",
        source="a.txt",
    )
    stranger = make_article(
        "Harbour fire",
        "Crews fought a blaze at a harbour.\nThe quay was safe.",
        source="b.txt",
        published=None,
    )
    insider = make_article(
        "Kessel harbour fire",
        "Ruben Alcaso and the Kessel harbour crews fought on.\nAlcaso spoke at the quay.",
        source="c.txt",
        published=None,
    )
    lacking, sharing = clusterer.story_values(stranger, story), clusterer.story_values(insider, story)
    assert lacking is not None and sharing is not None
    assert lacking["story_names_missing"] > 0.9
    assert sharing["story_names_missing"] < lacking["story_names_missing"]


def test_a_storys_top_names_follow_its_new_articles() -> None:
    clusterer = OnlineClusterer()
    text = "Ruben Alcaso led the crews.\nThe quay was safe."
    first = make_article("Kessel harbour fire", text, source="a.txt", published=None)
    story = clusterer.add(first).story_id
    before = [name for name, _ in clusterer._clusters[story].top_names(clusterer._frequencies, 5)]
    later = make_article(
        "Kessel harbour fire",
        "Mira Tolvanen of Kessel harbour, Mira Tolvanen again, and Tolvanen once more.\nThe quay was safe.",
        source="b.txt",
        published=None,
    )
    clusterer.place(later, story)
    after = [name for name, _ in clusterer._clusters[story].top_names(clusterer._frequencies, 5)]
    assert "tolvanen" not in before and "tolvanen" in after


def test_dropping_stale_centroid_weights_changes_no_placement(monkeypatch: pytest.MonkeyPatch) -> None:
    # A cached centroid the corpus has outgrown is weighed afresh before it is read, so freeing it (here
    # after every article) must leave every assignment, label and merge as keeping it (never) does.
    items = varied_stream(240, seed=11)

    def run(sweep_every: int) -> tuple[OnlineClusterer, list[Assignment]]:
        monkeypatch.setattr(clusterer_module, "_SWEEP_EVERY", sweep_every)
        clusterer = OnlineClusterer()
        return clusterer, [clusterer.add(article) for article in items]

    sweeping, swept = run(1)
    keeping, kept = run(10**9)
    assert swept == kept
    assert sweeping.stories() == keeping.stories()
    assert sweeping.merges == keeping.merges

    def cached(clusterer: OnlineClusterer) -> int:
        return sum(cluster._vectors is not None for cluster in clusterer._clusters.values())

    assert cached(sweeping) < cached(keeping)  # weights were dropped: the comparison means something


#: A topic model that relates nothing, so that only the relation model can join topics.
NEVER = JoinModel(bias=-50.0, coefficients={})


def test_two_stories_whose_centroids_share_their_words_are_related_by_the_relation_model() -> None:
    # With the article-level topic model silenced, the two arrests still meet through the words and names
    # their stories share as wholes; the bus fares share none and stay apart.
    items = related_stream()
    found, _ = find_stories(items, Settings(topic_model=NEVER))
    by_source = {story.articles[0].source.split("-")[0]: story for story in found.stories}
    assert by_source["okafor"].topic == by_source["voss"].id
    assert by_source["fares"].topic == by_source["fares"].id
    alone, _ = find_stories(items, Settings(topic_model=NEVER, relation_model=None))
    assert all(story.topic == story.id for story in alone.stories)  # nothing else relates them


def test_the_topic_layer_changes_no_story() -> None:
    # The relation model reads centroids without keeping any new weighing: the stories, and the join
    # scores, are those of a clusterer that relates nothing.
    items = varied_stream(200, seed=3)
    _, relating = find_stories(items)
    _, silent = find_stories(items, Settings(topic_model=NEVER, relation_model=None))
    assert [(a.story_id, a.score, a.merges) for a in relating] == [
        (a.story_id, a.score, a.merges) for a in silent
    ]
    assert any(a.relations for a in relating)  # the layer did relate stories: the comparison means something


def test_relation_values_are_the_centroid_cosines_of_two_live_stories() -> None:
    clusterer = OnlineClusterer(Settings(topic_model=NEVER, relation_model=None))
    ids = [clusterer.add(article).story_id for article in related_stream()]
    values = clusterer.relation_values(ids[0], ids[3])
    assert values is not None and set(values) == set(RELATION_FEATURES)
    assert all(0.0 <= value <= 1.0 + 1e-9 for value in values.values())
    assert clusterer.relation_values(ids[0], ids[0]) is None
    assert clusterer.relation_values(ids[0], "s-unknown") is None


def test_reading_the_cheap_centroids_first_relates_exactly_as_reading_them_all(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The relation model stops reading once the values read settle the answer; every relation must be the
    # one the model gives on all four values.
    items = varied_stream(200, seed=9)
    settings = Settings(topic_model=NEVER, relation_threshold=0.5)
    _, bounded = find_stories(items, settings)

    def read_all(
        self: OnlineClusterer, model: JoinModel, story: object, _centroids: object, other: object
    ) -> bool:
        values = self._relation_values(story, other)  # type: ignore[arg-type]
        return model.probability(values) >= self.settings.relation_threshold

    monkeypatch.setattr(OnlineClusterer, "_stories_related", read_all)
    _, full = find_stories(items, settings)
    assert bounded == full
    assert sum(len(a.relations) for a in full) > 3  # the relation model did relate stories
    assert set(clusterer_module._RELATION_READING_ORDER) == set(RELATION_FEATURES)


def test_a_lookup_passes_over_crowded_terms_and_walks_no_more_than_the_bound() -> None:
    """The invented stream's filler lines (residents, officials, local radio) are common to every story
    near a date; with a bound of 4 a lookup passes over them, and each story still keeps its articles."""
    items = varied_stream(240, seed=11)
    unbounded = OnlineClusterer(Settings(crowded_term_stories=None))
    bounded = OnlineClusterer(Settings(crowded_term_stories=4))
    for article in items:
        unbounded.add(article)
        bounded.add(article)
    walked, met = bounded._index.work, unbounded._index.work
    assert walked.lookups == met.lookups > 0
    assert walked.entries < met.entries
    assert walked.entries <= walked.lookups * bounded.settings.query_terms * 4
    as_groups = [
        groups([[article.id for article in story.articles] for story in clusterer.stories().stories])
        for clusterer in (bounded, unbounded)
    ]
    assert as_groups[0] == as_groups[1]


def test_the_crowd_bound_must_be_positive() -> None:
    assert Settings().crowded_term_stories == 16
    with pytest.raises(UsageError):
        Settings(crowded_term_stories=0)
