"""Speed of the per-article analysis and of whole briefings: cold, re-briefed from the store, and big.

Usage::

    .venv/bin/python benchmarks/bench_analyze.py [--parts throughput,cold,store,big] [--old 7a70bba]
        [--sizes 200,1000]

Data (read from ``../shared`` at run time, never copied into the repository):

* 600-word articles made by joining the paragraphs of the MultiLing 2011 source texts in order;
* a 5-article story: the first five MultiLing texts of topic M000;
* big stories: ECB+ documents (tokens joined with ordinary spacing), then MultiLing texts, as many as asked.

Parts:

* ``throughput``: analyses per second on one core once the pipeline is loaded (``nlp.pipe`` batches);
* ``cold``: wall time of ``dossier brief`` on the 5-article story in a fresh process, model load included,
  for this tree and for ``--old`` (a temporary git worktree), run alternately, best of three; the ratio;
* ``store``: the same story briefed twice from a store; the first briefing makes and keeps the analyses,
  the second reads them back (both in one process, pipeline loaded);
* ``big``: each size briefed in a fresh process: wall time and peak memory (max RSS).

Targets (issue 9): analysis ≥ 25 articles/s of 600 words; cold brief ≤ 3 s; re-brief ≥ 3× faster;
200 articles ≤ 8 s and 1,000 ≤ 30 s within 500 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
MULTILING = SHARED / "data" / "multiling2011" / "SourceTexts"
ECB = SHARED / "data" / "ecbplus" / "ECB+"
ARTICLE_WORDS = 600
sys.path.insert(0, str(ROOT / "benchmarks"))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--parts", default="throughput,cold,store,big")
    parser.add_argument("--old", default="7a70bba", help="commit to compare the cold brief with ('' to skip)")
    parser.add_argument("--sizes", default="200,1000", help="article counts of the big stories")
    parser.add_argument("--big-one", type=int, help=argparse.SUPPRESS)  # internal: one big run, JSON out
    parser.add_argument("--big-kept", help=argparse.SUPPRESS)  # internal: brief a store's kept analyses
    parser.add_argument("--folder", help=argparse.SUPPRESS)  # internal: where the big story's files are
    args = parser.parse_args(argv)
    if not MULTILING.is_dir():
        print(f"{MULTILING} not found: this benchmark needs ../shared/data/multiling2011", file=sys.stderr)
        return 2
    if args.big_one is not None:
        print(json.dumps(big_story(args.big_one, Path(args.folder))))
        return 0
    if args.big_kept is not None:
        print(json.dumps(kept_story(Path(args.big_kept))))
        return 0
    parts = set(args.parts.split(","))
    if "throughput" in parts:
        throughput()
    if "cold" in parts:
        cold(args.old)
    if "store" in parts:
        rebrief()
    if "big" in parts:
        for size in (int(part) for part in args.sizes.split(",")):
            big(size)
    return 0


# --- data ---------------------------------------------------------------------------------------------------


def multiling_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(MULTILING.glob("*.english"))]


def articles_of_600_words() -> list[str]:
    """The MultiLing paragraphs, in order, packed into articles of about 600 words."""
    articles: list[str] = []
    current: list[str] = []
    words = 0
    for text in multiling_texts():
        for paragraph in (p.strip() for p in text.split("\n\n")):
            if not paragraph:
                continue
            current.append(paragraph)
            words += len(paragraph.split())
            if words >= ARTICLE_WORDS:
                articles.append("\n\n".join(current))
                current, words = [], 0
    return articles


def story_texts(count: int) -> Iterator[str]:
    """ECB+ documents, then MultiLing texts: ``count`` texts in all (fewer if both run out)."""
    from corpora.ecbplus import read_document

    given = 0
    for path in sorted(ECB.glob("*/*.xml"), key=lambda p: (int(p.parent.name), p.name)):
        if given == count:
            return
        document = read_document(path)
        yield document.text
        given += 1
    for text in multiling_texts():
        if given == count:
            return
        yield text
        given += 1


def write_story(folder: Path, texts: Sequence[str]) -> list[str]:
    paths = []
    for number, text in enumerate(texts):
        path = folder / f"{number:04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


# --- parts --------------------------------------------------------------------------------------------------


def throughput() -> None:
    from dossier.analyze import analyze_articles
    from dossier.nlp import load
    from dossier.segment import segmented_article

    texts = articles_of_600_words()
    articles = [segmented_article(text, source=f"{number}.txt") for number, text in enumerate(texts)]
    started = time.perf_counter()
    backbone = load()
    loaded = time.perf_counter() - started
    list(analyze_articles(articles[:5], backbone))  # warm up
    started = time.perf_counter()
    list(analyze_articles(articles, backbone))
    elapsed = time.perf_counter() - started
    words = sum(len(text.split()) for text in texts)
    print(f"== analysis throughput ({backbone.name} {backbone.version}, loaded in {loaded:.2f} s)")
    print(
        f"   {len(articles)} articles of ~{words // len(articles)} words in {elapsed:.2f} s: "
        f"{len(articles) / elapsed:.1f} articles/s, {words / elapsed:,.0f} words/s (target >= 25 articles/s)"
    )
    _ceilings(backbone.nlp, texts)


def _ceilings(nlp: Any, texts: Sequence[str]) -> None:
    """spaCy alone on the same texts: all components, then fewer, to show what bounds the rate."""
    runs = {
        "spaCy alone, every component": [],
        "spaCy without ner": ["ner"],
        "spaCy without parser": ["parser"],
        "spaCy tok2vec only": [name for name in nlp.pipe_names if name != "tok2vec"],
    }
    for label, disabled in runs.items():
        with nlp.select_pipes(disable=disabled):
            started = time.perf_counter()
            for _ in nlp.pipe(texts, batch_size=64):
                pass
            elapsed = time.perf_counter() - started
        print(f"   {label}: {len(texts) / elapsed:.1f} articles/s")


def cold(old: str) -> None:
    texts = multiling_texts()[:5]
    with tempfile.TemporaryDirectory(prefix="bench-cold-") as folder:
        paths = write_story(Path(folder), texts)
        trees = {"new": ROOT / "src"}
        worktree = _old_tree(old, Path(folder)) if old else None
        if worktree is not None:
            trees["old"] = worktree / "src"
        times: dict[str, list[float]] = {name: [] for name in trees}
        for _ in range(3):
            for name, src in trees.items():
                times[name].append(_brief_process(src, paths, Path(folder) / f"out-{name}"))
        if worktree is not None:
            subprocess.run(["git", "worktree", "remove", "--force", str(worktree)], cwd=ROOT, check=False)
    print("== cold `dossier brief` of 5 articles, fresh process, model load included (best of 3)")
    for name, values in times.items():
        print(f"   {name}: {min(values):.2f} s (runs: {', '.join(f'{v:.2f}' for v in values)})")
    if "old" in times:
        print(f"   new / old: {min(times['new']) / min(times['old']):.2f} (target: new <= 3 s)")


def _old_tree(commit: str, folder: Path) -> Path | None:
    tree = folder / "old-tree"
    made = subprocess.run(
        ["git", "worktree", "add", "--detach", str(tree), commit], cwd=ROOT, capture_output=True, text=True
    )
    if made.returncode != 0:
        print(f"   (old tree {commit} unavailable: {made.stderr.strip()})")
        return None
    return tree


def _brief_process(src: Path, paths: Sequence[str], out: Path) -> float:
    environment = {**os.environ, "PYTHONPATH": str(src)}
    command = [sys.executable, "-c", "from dossier.cli import main; raise SystemExit(main())"]
    started = time.perf_counter()
    subprocess.run(
        [*command, "brief", *paths, "-q", "-o", str(out)],
        env=environment,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def rebrief() -> None:
    from dossier.embed import get_encoder
    from dossier.nlp import load
    from dossier.pipeline import Options, brief, ingest
    from dossier.store import open_store

    texts = multiling_texts()[:5]
    # Both loaded up front, so that the two timings below are of briefing alone.
    options = Options(model=load(), encoder=get_encoder("auto"))
    with tempfile.TemporaryDirectory(prefix="bench-store-") as folder:
        paths = write_story(Path(folder), texts)
        with open_store(Path(folder) / "news.db") as store:
            ingest(paths, store, options=options)
            started = time.perf_counter()
            brief(store=store, options=options)
            first = time.perf_counter() - started
            started = time.perf_counter()
            brief(store=store, options=options)
            second = time.perf_counter() - started
    print("== the same 5-article story briefed from a store (pipeline and encoder loaded)")
    print(f"   first (analyses made and kept): {first:.2f} s; again (analyses read back): {second:.2f} s")
    print(f"   speed-up {first / second:.1f}x (target >= 3x)")


def big(size: int) -> None:
    """Two fresh processes per size: the first reads everything; the second briefs from the kept analyses."""
    with tempfile.TemporaryDirectory(prefix="bench-big-") as folder:
        store = Path(folder) / "news.db"
        paths = write_story(Path(folder), list(story_texts(size)))
        cold = _big_process("--big-one", str(size), folder)
        print(
            f"== {cold['articles']:.0f}-article story, everything read (fresh process): "
            f"read {cold['read_s']:.1f} s, analyses {cold['analyze_s']:.1f} s, "
            f"story stages {cold['stages_s']:.1f} s, total {cold['total_s']:.1f} s "
            f"(model load {cold['load_s']:.1f} s more); peak memory {cold['peak_mb']:.0f} MB, "
            f"largest reading worker {cold['worker_peak_mb']:.0f} MB"
        )
        _keep_analyses(paths, store)
        kept = _big_process("--big-kept", str(store), folder)
        print(
            f"   the same story briefed from a store holding its analyses (fresh process, wall "
            f"{kept['wall_s']:.1f} s with start-up): stages {kept['stages_s']:.1f} s, total "
            f"{kept['total_s']:.1f} s; peak memory {kept['peak_mb']:.0f} MB"
        )


def _big_process(flag: str, value: str, folder: str) -> dict[str, float]:
    started = time.perf_counter()
    command = [sys.executable, __file__, flag, value, "--folder", folder]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    figures["wall_s"] = time.perf_counter() - started
    return figures


def _keep_analyses(paths: Sequence[str], store: Path) -> None:
    script = (
        "import sys; from dossier.pipeline import ingest, analyses; "
        "from dossier.store import open_store\n"
        "with open_store(sys.argv[1]) as store:\n"
        "    ingest(sys.argv[2:], store)\n"
        "    analyses(store.select(), store=store)\n"
    )
    subprocess.run([sys.executable, "-c", script, str(store), *paths], check=True, capture_output=True)


def big_story(size: int, folder: Path) -> dict[str, float]:
    from dossier.nlp import load
    from dossier.pipeline import Options, analyses, new_story, read_articles, run_story

    started = time.perf_counter()
    backbone = load()
    options = Options(model=backbone)
    load_s = time.perf_counter() - started
    paths = sorted(str(path) for path in folder.glob("*.txt"))[:size]
    started = time.perf_counter()
    read = read_articles(paths, options=options)
    read_s = time.perf_counter() - started
    found = analyses(read.articles, options=options)
    analyze_s = time.perf_counter() - started - read_s
    run_story(new_story(read.articles, found), options)
    total_s = time.perf_counter() - started
    peak_kb = _peak_kb()
    # The reading's worker processes (a big story): the largest of them, to add to this process's peak.
    worker_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "worker_peak_mb": worker_kb / 1024,
        "articles": len(read.articles),
        "load_s": load_s,
        "read_s": read_s,
        "analyze_s": analyze_s,
        "stages_s": total_s - read_s - analyze_s,
        "total_s": total_s,
        "peak_mb": peak_kb / 1024,
    }


def kept_story(store_path: Path) -> dict[str, float]:
    """Brief every article of a store whose analyses are all kept, as ``dossier brief --db`` does."""
    from dossier.pipeline import Options, brief
    from dossier.store import open_store

    started = time.perf_counter()
    stages: list[float] = []
    with open_store(store_path, read_only=True) as store:
        brief(store=store, options=Options(), on_stage=lambda name: stages.append(time.perf_counter()))
    total_s = time.perf_counter() - started
    return {
        "stages_s": time.perf_counter() - stages[1] if len(stages) > 1 else 0.0,
        "total_s": total_s,
        "peak_mb": _peak_kb() / 1024,
    }


def _peak_kb() -> int:
    """This process's peak resident memory since it started (``VmHWM``).

    Not ``ru_maxrss``: Linux keeps that across fork and exec, so a child started by a
    parent that had loaded the pipeline would report the parent's peak.
    """
    for line in Path("/proc/self/status").read_text(encoding="utf-8").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


if __name__ == "__main__":
    raise SystemExit(main())
