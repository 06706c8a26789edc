"""Quality floors: the rules of benchmarks/floors.py, and today's quotes and figures scores against them.

The benchmark scripts live in ``benchmarks/`` (not a package), so that folder
is put on ``sys.path`` here. Only the quality half of each benchmark runs:
no throughput timing, so this file stays fast.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import bench_figures  # noqa: E402
import bench_furniture  # noqa: E402
import bench_quotes  # noqa: E402
import floors  # noqa: E402
from dossier.errors import MalformedInputError, UsageError  # noqa: E402

SEEDS = BENCHMARKS.parent.parent / "shared" / "seeds"


# --- today's scores against the pinned floors -------------------------------------------------------


def assert_meets_floors(benchmark: str, measured: list[floors.Measured]) -> None:
    metrics, digests = floors.combine(measured)
    assert floors.check(benchmark, metrics, digests) == []
    pinned = floors.load_floors().get(benchmark, {})
    # A metric without a floor can regress silently: every one measured here must be pinned.
    unpinned = sorted(set(metrics) - set(pinned))
    assert not unpinned, f"no floor for {unpinned}: run benchmarks/bench_{benchmark}.py --update-floors"


def test_quotes_on_the_demo_corpus_meet_their_floors() -> None:
    _, measured = bench_quotes.measure_demo()
    assert measured.metrics["speaker_accuracy"] > 0
    assert_meets_floors("quotes", [measured])


@pytest.mark.shared
@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"{SEEDS} is absent (shared data is not checked out)")
def test_quotes_on_the_seeds_meet_their_floors() -> None:
    result = bench_quotes.measure_seeds()
    assert result is not None
    assert_meets_floors("quotes", [result[1]])


def test_figures_on_the_fixtures_and_demo_corpus_meet_their_floors() -> None:
    fixtures = sorted(bench_figures.FIXTURES.glob("*.json"))
    assert fixtures, "the fictional figure fixtures are missing"
    measured = [bench_figures.measure_fixture(path) for path in fixtures]
    measured.append(bench_figures.measure_demo()[1])
    assert_meets_floors("figures", measured)


@pytest.mark.shared
@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"{SEEDS} is absent (shared data is not checked out)")
def test_figures_on_the_seeds_meet_their_floors() -> None:
    result = bench_figures.measure_seeds()
    assert result is not None
    assert_meets_floors("figures", [result[1]])


@pytest.mark.shared
@pytest.mark.skipif(
    not (bench_furniture.DATA / "ground-truth.json").is_file(),
    reason=f"{bench_furniture.DATA} is absent (shared data is not checked out)",
)
def test_furniture_on_the_held_out_pages_meets_its_floors() -> None:
    measured = bench_furniture.measure_part("holdout")
    assert measured.metrics["cleaned_f1"] > measured.metrics["visible_f1"]
    assert_meets_floors("furniture", [measured])


def test_the_pinned_floors_file_is_written_the_canonical_way() -> None:
    text = floors.FLOORS_PATH.read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), indent=2, sort_keys=True) + "\n"
    for benchmark, metrics in floors.load_floors().items():
        for metric, floor in metrics.items():
            assert floor.data == floors.data_of(metric), f"{benchmark}.{metric}"
            assert len(floor.digest) == 64


# --- the rules, on a floors file of our own -----------------------------------------------------------


@pytest.fixture
def floors_file(tmp_path: Path) -> Path:
    return tmp_path / "floors.json"


@pytest.fixture
def data(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "a.txt").write_text("The ferry sailed at dawn.", encoding="utf-8")
    (folder / "gold.json").write_text('{"quotes": []}', encoding="utf-8")
    yield folder


def test_digest_ignores_order_and_location_but_sees_names_and_bytes(tmp_path: Path, data: Path) -> None:
    files = sorted(data.iterdir())
    first = floors.data_digest(files, base=tmp_path)
    assert floors.data_digest(list(reversed(files)), base=tmp_path) == first
    elsewhere = tmp_path / "other" / "data"
    elsewhere.mkdir(parents=True)
    for path in files:
        (elsewhere / path.name).write_bytes(path.read_bytes())
    # Same layout relative to its base, somewhere else on disk: same digest.
    moved = sorted(elsewhere.iterdir())
    assert floors.data_digest(moved, base=elsewhere.parent) == first
    (elsewhere / "a.txt").write_text("The ferry sailed at dusk.", encoding="utf-8")
    assert floors.data_digest(moved, base=elsewhere.parent) != first
    (data / "a.txt").rename(data / "b.txt")
    assert floors.data_digest(sorted(data.iterdir()), base=tmp_path) != first


def test_digest_of_nothing_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no data files"):
        floors.data_digest([], base=tmp_path)


@pytest.mark.parametrize(
    ("measured", "floor"), [(1.0, 0.98), (0.919, 0.89), (0.5, 0.48), (0.015, 0.0), (0.0, 0.0)]
)
def test_a_floor_sits_two_points_below_rounded_down(measured: float, floor: float) -> None:
    assert floors.floor_for(measured) == floor


def test_combine_prefixes_metrics_and_drops_nan() -> None:
    metrics, digests = floors.combine(
        [
            floors.Measured("demo", "d1", {"recall": 0.9, "precision": math.nan}),
            floors.Measured("x", "d2", {}),
        ]
    )
    assert metrics == {"demo.recall": 0.9}
    assert digests == {"demo": "d1", "x": "d2"}
    with pytest.raises(UsageError, match="measured twice"):
        floors.combine([floors.Measured("demo", "d", {}), floors.Measured("demo", "d", {})])


def test_metric_names_must_name_their_data() -> None:
    assert floors.data_of("fixture:ferry.figure_recall") == "fixture:ferry"
    with pytest.raises(UsageError, match=r"<data>\.<measure>"):
        floors.data_of("recall")


def test_check_reports_a_metric_below_its_floor_and_a_missing_one(floors_file: Path) -> None:
    floors.raise_floors("b", {"demo.recall": 0.9, "demo.precision": 0.8}, {"demo": "d"}, path=floors_file)
    assert floors.check("b", {"demo.recall": 0.9, "demo.precision": 0.8}, {"demo": "d"}, floors_file) == []
    failures = floors.check("b", {"demo.recall": 0.5}, {"demo": "d"}, floors_file)
    assert len(failures) == 2
    assert any("demo.recall = 0.5000 is below its floor 0.88" in line for line in failures)
    assert any("demo.precision is missing" in line for line in failures)


def test_changed_data_is_reported_once_and_not_as_a_quality_failure(floors_file: Path) -> None:
    floors.raise_floors("b", {"demo.recall": 0.9, "demo.precision": 0.8}, {"demo": "old"}, path=floors_file)
    failures = floors.check("b", {"demo.recall": 0.1}, {"demo": "new"}, floors_file)
    assert len(failures) == 1
    assert "data changed" in failures[0]
    assert "re-measure and update floors.json" in failures[0]
    assert "below" not in failures[0]


def test_floors_on_data_not_measured_here_are_skipped(floors_file: Path) -> None:
    floors.raise_floors("b", {"seeds.recall": 0.9}, {"seeds": "s"}, path=floors_file)
    assert floors.check("b", {"demo.recall": 0.1}, {"demo": "d"}, floors_file) == []
    assert floors.check("other", {"demo.recall": 0.1}, {"demo": "d"}, floors_file) == []


def test_floors_are_only_ever_raised(floors_file: Path) -> None:
    digests = {"demo": "d"}
    assert floors.raise_floors("b", {"demo.recall": 0.9}, digests, path=floors_file) == [
        "b: demo.recall floor 0.88 pinned"
    ]
    changes = floors.raise_floors("b", {"demo.recall": 0.95}, digests, path=floors_file)
    assert changes == ["b: demo.recall floor 0.93 raised from 0.88"]
    # Still above the floor but earning a lower one: the floor stays where it is.
    assert floors.raise_floors("b", {"demo.recall": 0.94}, digests, path=floors_file) == []
    before = floors_file.read_bytes()
    with pytest.raises(UsageError, match="refusing to lower floors"):
        floors.raise_floors("b", {"demo.recall": 0.5}, digests, path=floors_file)
    with pytest.raises(UsageError, match="was not measured"):
        floors.raise_floors("b", {"demo.other": 0.5}, digests, path=floors_file)
    assert floors_file.read_bytes() == before
    assert floors.load_floors(floors_file)["b"]["demo.recall"].floor == 0.93


def test_changed_data_is_re_pinned_only_when_asked(floors_file: Path) -> None:
    floors.raise_floors("b", {"demo.recall": 0.9, "demo.gone": 0.9}, {"demo": "old"}, path=floors_file)
    with pytest.raises(UsageError, match="--repin-changed-data"):
        floors.raise_floors("b", {"demo.recall": 0.5}, {"demo": "new"}, path=floors_file)
    changes = floors.raise_floors(
        "b", {"demo.recall": 0.5}, {"demo": "new"}, repin_changed_data=True, path=floors_file
    )
    assert "b: demo.recall floor 0.48 re-pinned on new data (was 0.88)" in changes
    assert "b: demo.gone floor dropped with its old data" in changes
    pinned = floors.load_floors(floors_file)["b"]
    assert set(pinned) == {"demo.recall"}
    assert pinned["demo.recall"].digest == "new"


def test_the_floors_file_is_rewritten_deterministically(floors_file: Path) -> None:
    metrics = {"seeds.b": 0.7, "demo.z": 0.9, "demo.a": 0.6}
    floors.raise_floors("zeta", metrics, {"demo": "d", "seeds": "s"}, path=floors_file)
    floors.raise_floors("alpha", {"demo.a": 0.6}, {"demo": "d"}, path=floors_file)
    text = floors_file.read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), indent=2, sort_keys=True) + "\n"
    assert text.index('"alpha"') < text.index('"zeta"')
    assert floors.raise_floors("zeta", metrics, {"demo": "d", "seeds": "s"}, path=floors_file) == []
    assert floors_file.read_text(encoding="utf-8") == text


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        "[]",
        '{"b": []}',
        '{"b": {"demo.x": {"floor": 0.5}}}',
        '{"b": {"demo.x": {"floor": "high", "data": "demo", "digest": "d"}}}',
        '{"b": {"demo.x": {"floor": true, "data": "demo", "digest": "d"}}}',
        '{"b": {"demo.x": {"floor": 0.5, "data": 3, "digest": "d"}}}',
    ],
)
def test_a_malformed_floors_file_is_named_in_the_error(floors_file: Path, content: str) -> None:
    floors_file.write_text(content, encoding="utf-8")
    with pytest.raises(MalformedInputError) as caught:
        floors.load_floors(floors_file)
    assert str(floors_file) in str(caught.value)


def test_a_floor_outside_zero_to_one_is_refused(floors_file: Path) -> None:
    floors_file.write_text('{"b": {"demo.x": {"floor": 7, "data": "demo", "digest": "d"}}}', encoding="utf-8")
    with pytest.raises(UsageError, match="not in"):
        floors.load_floors(floors_file)


def test_the_command_line_flags_check_and_update(floors_file: Path) -> None:
    parser = argparse.ArgumentParser()
    floors.add_floor_arguments(parser)
    good = [floors.Measured("demo", "d", {"recall": 0.9})]
    bad = [floors.Measured("demo", "d", {"recall": 0.2})]
    status, lines = floors.apply_floor_flags(parser.parse_args(["--check"]), "b", good, floors_file)
    assert status == 0
    assert "no floors pinned" in lines[0]
    status, lines = floors.apply_floor_flags(
        parser.parse_args(["--update-floors", "--check"]), "b", good, floors_file
    )
    assert (status, lines) == (0, ["b: demo.recall floor 0.88 pinned", "b: all 1 floors hold"])
    status, lines = floors.apply_floor_flags(parser.parse_args(["--check"]), "b", bad, floors_file)
    assert status == 1
    assert "below its floor" in lines[0]
    status, lines = floors.apply_floor_flags(parser.parse_args(["--update-floors"]), "b", bad, floors_file)
    assert status == 1
    assert lines[0].startswith("floors not updated:")
    assert floors.load_floors(floors_file)["b"]["demo.recall"].floor == 0.88


ECBPLUS = BENCHMARKS.parent.parent / "shared" / "data" / "ecbplus"


@pytest.mark.shared
@pytest.mark.skipif(not ECBPLUS.is_dir(), reason=f"{ECBPLUS} is absent (shared data is not checked out)")
def test_stories_on_held_out_ecbplus_topics_meet_their_floors() -> None:
    import bench_stories

    results, measured = bench_stories.measure_held_out(bench_stories.load())
    assert results["events"].mean > 0
    assert_meets_floors("stories", [measured])


POLNEAR_DEV = BENCHMARKS.parent.parent / "shared" / "data" / "polnear" / "dev"


@pytest.mark.shared
@pytest.mark.skipif(
    not POLNEAR_DEV.is_dir(), reason=f"{POLNEAR_DEV} is absent (shared data is not checked out)"
)
def test_quote_merging_on_perturbed_polnear_dev_pairs_meets_its_floors() -> None:
    import bench_corroboration

    measured = bench_corroboration.measure_quotes("static", "dev")
    assert measured.metrics["merge_recall"] > 0
    assert_meets_floors("corroboration", [measured])


@pytest.mark.shared
@pytest.mark.skipif(not ECBPLUS.is_dir(), reason=f"{ECBPLUS} is absent (shared data is not checked out)")
def test_corroboration_on_held_out_ecbplus_topics_meets_its_floors() -> None:
    import bench_corroboration
    from dossier.pipeline import Options

    measured = bench_corroboration.measure("heldout", Options(encoder="static"))
    assert measured.metrics["citation_recall"] > 0
    assert_meets_floors("corroboration", [measured])


@pytest.mark.shared
@pytest.mark.skipif(not ECBPLUS.is_dir(), reason=f"{ECBPLUS} is absent (shared data is not checked out)")
def test_entity_coreference_on_held_out_ecbplus_topics_meets_its_floors() -> None:
    import bench_coref

    measured = bench_coref.measure_held_out()
    assert measured.metrics["conll_f1"] > 0
    assert_meets_floors("coref", [measured])
