"""Quality floors: the lowest score each benchmark metric may reach, pinned to the data it was measured on.

``benchmarks/floors.json`` holds, per benchmark and metric, a floor and the
sha256 digest of the data (inputs plus gold annotations) it was measured on::

    {"quotes": {"demo.speaker_accuracy": {"floor": 0.98, "data": "demo", "digest": "<sha256>"}}}

Metric names are ``<data>.<measure>``: the part before the last dot names the
data set, so one run can measure several data sets and still be checked data
set by data set.

Rules, enforced here:

- a metric below its floor is a regression;
- a floor whose data digest changed is not comparable any more: it is reported
  as "data changed", not as a quality failure, and has to be re-measured;
- a metric with a floor that a run over its data did not produce is missing;
- floors are only ever raised: :func:`raise_floors` refuses to write a floor
  lower than the one in the file, unless the data itself changed and the
  caller explicitly asks to re-pin on the new data.

Benchmark scripts use :func:`add_floor_arguments` and :func:`apply_floor_flags`
to offer ``--check``, ``--update-floors`` and ``--repin-changed-data``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import math
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossier.demo import demo_paths, gold_path
from dossier.errors import MalformedInputError, UsageError

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
FLOORS_PATH = ROOT / "benchmarks" / "floors.json"
#: A new floor sits this far below the measured value, so that today passes and a real regression fails.
MARGIN = 0.02
#: Floors are kept to hundredths.
_SCALE = 100


@dataclass(frozen=True, slots=True)
class Floor:
    """The lowest accepted value of one metric, and the digest of the data it was measured on."""

    benchmark: str
    metric: str
    floor: float
    data: str
    digest: str

    def __post_init__(self) -> None:
        if not 0.0 <= self.floor <= 1.0:
            raise UsageError(f"floor {self.floor!r} of {self.metric} is not in [0, 1]", source=self.benchmark)

    def to_json(self) -> dict[str, Any]:
        return {"floor": self.floor, "data": self.data, "digest": self.digest}


@dataclass(frozen=True, slots=True)
class Measured:
    """What one benchmark run measured on one data set: the data's digest and its metrics."""

    data: str
    digest: str
    metrics: Mapping[str, float]


Floors = dict[str, dict[str, Floor]]


# --- data digests ---------------------------------------------------------------------------------


def data_digest(paths: Iterable[Path], base: Path = ROOT) -> str:
    """sha256 over the files' paths relative to ``base`` and their bytes, in sorted path order.

    Paths are made relative (``../shared/seeds/...`` for data next to the
    repository) so that the digest does not depend on where the checkout lives.
    Each path and each content is length-prefixed, so no two file sets collide
    by shifting bytes from one file into its neighbour.
    """
    named = sorted((Path(os.path.relpath(path, base)).as_posix(), path) for path in paths)
    if not named:
        raise UsageError("no data files to digest", source=str(base))
    digest = hashlib.sha256()
    for name, path in named:
        for chunk in (name.encode("utf-8"), path.read_bytes()):
            digest.update(len(chunk).to_bytes(8, "big"))
            digest.update(chunk)
    return digest.hexdigest()


def data_of(metric: str) -> str:
    """The data-set part of a ``<data>.<measure>`` metric name."""
    data, dot, _ = metric.rpartition(".")
    if not dot or not data:
        raise UsageError(f"metric {metric!r} is not named <data>.<measure>", source="floors")
    return data


def combine(measured: Iterable[Measured]) -> tuple[dict[str, float], dict[str, str]]:
    """Merge per-data-set results into ``<data>.<measure>`` metrics and a data -> digest map.

    NaN values (a 0/0 ratio: nothing to measure) are dropped, so they never get a floor.
    """
    metrics: dict[str, float] = {}
    digests: dict[str, str] = {}
    for result in measured:
        if result.data in digests:
            raise UsageError(f"data set {result.data!r} measured twice", source="floors")
        digests[result.data] = result.digest
        for name, value in result.metrics.items():
            if not math.isnan(value):
                metrics[f"{result.data}.{name}"] = value
    return metrics, digests


def demo_files() -> list[Path]:
    """The demo corpus as data: its articles, their metadata sidecars and ``gold.json``."""
    articles = demo_paths()
    sidecars = [path.with_suffix(".json") for path in articles if path.with_suffix(".json").is_file()]
    return [*articles, *sidecars, gold_path()]


# --- the floors file ------------------------------------------------------------------------------


def load_floors(path: Path = FLOORS_PATH) -> Floors:
    """Read floors.json; a missing file means no floors yet."""
    if not path.is_file():
        return {}
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise MalformedInputError(f"floors file is not valid JSON ({error})", source=str(path)) from error
    if not isinstance(raw, dict):
        raise MalformedInputError("floors file must hold an object of benchmarks", source=str(path))
    return {bench: _benchmark_floors(bench, metrics, path) for bench, metrics in raw.items()}


def _benchmark_floors(benchmark: str, metrics: object, path: Path) -> dict[str, Floor]:
    if not isinstance(metrics, dict):
        raise MalformedInputError(f"{benchmark}: expected an object of metrics", source=str(path))
    floors: dict[str, Floor] = {}
    for metric, entry in metrics.items():
        if not isinstance(entry, dict) or set(entry) != {"floor", "data", "digest"}:
            raise MalformedInputError(
                f"{benchmark}.{metric}: expected exactly floor, data and digest", source=str(path)
            )
        value, data, digest = entry["floor"], entry["data"], entry["digest"]
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise MalformedInputError(f"{benchmark}.{metric}: floor is not a number", source=str(path))
        if not isinstance(data, str) or not isinstance(digest, str):
            raise MalformedInputError(f"{benchmark}.{metric}: data and digest must be text", source=str(path))
        floors[metric] = Floor(benchmark, metric, float(value), data, digest)
    return floors


def write_floors(floors: Floors, path: Path = FLOORS_PATH) -> None:
    """Write floors.json deterministically: sorted keys, indent 2, trailing newline."""
    raw = {
        bench: {metric: floor.to_json() for metric, floor in metrics.items()}
        for bench, metrics in floors.items()
        if metrics
    }
    text = json.dumps(raw, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    # Write then rename, so an interrupted update never leaves half a file behind.
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


# --- checking -------------------------------------------------------------------------------------


def check(
    benchmark: str,
    metrics: Mapping[str, float],
    digests: Mapping[str, str],
    path: Path = FLOORS_PATH,
) -> list[str]:
    """Human-readable failures of one run against the floors; empty when everything holds.

    Only floors on data sets named in ``digests`` (the data this run measured)
    are checked: floors on data that is absent here are skipped, not failed.
    """
    floors = load_floors(path).get(benchmark, {})
    failures: list[str] = []
    changed = _changed_data(floors.values(), digests)
    for data in sorted(changed):
        failures.append(
            f"{benchmark}: data changed for {data!r} (digest {changed[data][:12]} is now "
            f"{digests[data][:12]}): re-measure and update floors.json"
        )
    for metric, floor in sorted(floors.items()):
        if floor.data not in digests or floor.data in changed:
            continue
        value = metrics.get(metric)
        if value is None or math.isnan(value):
            failures.append(f"{benchmark}: {metric} is missing (floor {floor.floor:.2f})")
        elif value < floor.floor:
            failures.append(f"{benchmark}: {metric} = {value:.4f} is below its floor {floor.floor:.2f}")
    skipped = sorted({floor.data for floor in floors.values()} - set(digests))
    if skipped:
        logger.info("%s: floors on %s not checked (data not measured)", benchmark, ", ".join(skipped))
    return failures


def _changed_data(floors: Iterable[Floor], digests: Mapping[str, str]) -> dict[str, str]:
    """Data sets whose pinned digest differs from today's: data name -> pinned digest."""
    return {
        floor.data: floor.digest
        for floor in floors
        if floor.data in digests and digests[floor.data] != floor.digest
    }


# --- raising --------------------------------------------------------------------------------------


def floor_for(value: float, margin: float = MARGIN) -> float:
    """The floor a measured value earns: ``margin`` below it, rounded down to 0.01, never below 0."""
    scaled = round((value - margin) * _SCALE, 6)  # round first: 0.98 * 100 is 97.99999...
    return max(0.0, math.floor(scaled) / _SCALE)


def raise_floors(
    benchmark: str,
    metrics: Mapping[str, float],
    digests: Mapping[str, str],
    *,
    repin_changed_data: bool = False,
    margin: float = MARGIN,
    path: Path = FLOORS_PATH,
) -> list[str]:
    """Raise the floors of ``benchmark`` to what this run earns; return one line per change.

    A floor is never lowered: when a measured value is under its floor, or a
    metric with a floor is missing, nothing is written and :class:`UsageError`
    says which. Floors on data whose digest changed are re-pinned (possibly
    lower: the old value is not comparable) only with ``repin_changed_data``.
    """
    floors = load_floors(path)
    current = dict(floors.get(benchmark, {}))
    changed = _changed_data(current.values(), digests)
    if changed and not repin_changed_data:
        raise UsageError(
            f"data changed for {', '.join(sorted(changed))}: pass --repin-changed-data to pin floors "
            "measured on the new data",
            source=benchmark,
        )
    refusals = _lowerings(current, metrics, digests, changed)
    if refusals:
        raise UsageError("refusing to lower floors: " + "; ".join(refusals), source=benchmark)
    changes: list[str] = []
    for metric, value in sorted(metrics.items()):
        if math.isnan(value):
            continue
        data = data_of(metric)
        if data not in digests:
            raise UsageError(f"{metric}: no digest for data set {data!r}", source=benchmark)
        old = current.get(metric)
        new = floor_for(value, margin)
        if old is None or old.data in changed:
            verb = "pinned" if old is None else f"re-pinned on new data (was {old.floor:.2f})"
        elif new > old.floor:
            verb = f"raised from {old.floor:.2f}"
        else:
            continue
        current[metric] = Floor(benchmark, metric, new, data, digests[data])
        changes.append(f"{benchmark}: {metric} floor {new:.2f} {verb}")
    # Floors on changed data that this run no longer produces go: they measured data that is gone.
    for metric in [m for m, floor in current.items() if floor.data in changed and m not in metrics]:
        del current[metric]
        changes.append(f"{benchmark}: {metric} floor dropped with its old data")
    if changes:
        floors[benchmark] = dict(sorted(current.items()))
        write_floors(floors, path)
    return changes


def _lowerings(
    current: Mapping[str, Floor],
    metrics: Mapping[str, float],
    digests: Mapping[str, str],
    changed: Mapping[str, str],
) -> list[str]:
    """Why raising would really lower some floor: a value under its floor, or a floor's metric gone."""
    refusals: list[str] = []
    for metric, floor in sorted(current.items()):
        if floor.data not in digests or floor.data in changed:
            continue
        value = metrics.get(metric)
        if value is None or math.isnan(value):
            refusals.append(f"{metric} has a floor ({floor.floor:.2f}) but was not measured")
        elif value < floor.floor:
            refusals.append(f"{metric} = {value:.4f} is below its floor {floor.floor:.2f}")
    return refusals


# --- command-line flags ---------------------------------------------------------------------------


def add_floor_arguments(parser: argparse.ArgumentParser) -> None:
    """The floor flags every quality benchmark offers."""
    group = parser.add_argument_group("quality floors (benchmarks/floors.json)")
    group.add_argument("--check", action="store_true", help="exit 1 when a metric is below its floor")
    group.add_argument(
        "--update-floors", action="store_true", help="raise floors to today's values (never lowers them)"
    )
    group.add_argument(
        "--repin-changed-data",
        action="store_true",
        help="with --update-floors: re-pin floors whose data changed, even lower",
    )


def apply_floor_flags(
    args: argparse.Namespace, benchmark: str, measured: Iterable[Measured], path: Path = FLOORS_PATH
) -> tuple[int, list[str]]:
    """Run ``--check`` / ``--update-floors`` for a parsed command line: (exit status, lines to print)."""
    metrics, digests = combine(measured)
    lines: list[str] = []
    status = 0
    if args.update_floors:
        try:
            changes = raise_floors(
                benchmark, metrics, digests, repin_changed_data=args.repin_changed_data, path=path
            )
        except UsageError as error:
            return 1, [f"floors not updated: {error}"]
        lines += changes or [f"{benchmark}: no floor to raise"]
    if args.check:
        failures = check(benchmark, metrics, digests, path)
        pinned = [f for f in load_floors(path).get(benchmark, {}).values() if f.data in digests]
        if failures:
            lines += failures
        elif pinned:
            lines.append(f"{benchmark}: all {len(pinned)} floors hold")
        else:
            lines.append(f"{benchmark}: no floors pinned on this data yet (see --update-floors)")
        status = 1 if failures else 0
    return status, lines
