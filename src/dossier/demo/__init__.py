"""The sample corpus that ships with dossier (``dossier brief --demo``).

Six short articles about a fictional summit, written for this project, plus
``gold.json``: hand-made annotations of the same files (people, quotes,
figures, relative dates, the syndicated copy) for evaluating the pipeline.
See ``README.md`` in this folder.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from dossier.errors import SourceNotFoundError

GOLD_FILE = "gold.json"


def _demo_folder() -> Path:
    folder = resources.files(__name__)
    # Readers take paths, so the corpus must be real files; an install from a zip
    # archive would hand back a Traversable that is not a Path.
    if not isinstance(folder, Path) or not folder.is_dir():
        raise SourceNotFoundError(
            "demo corpus is not a folder on disk (installed from a zip?)", source=__name__
        )
    return folder


def demo_paths() -> list[Path]:
    """Paths of the demo articles (``NN_slug.txt``), sorted by name."""
    paths = sorted(path for path in _demo_folder().iterdir() if path.suffix == ".txt" and path.is_file())
    if not paths:
        raise SourceNotFoundError("demo corpus holds no .txt articles", source=__name__)
    return paths


def gold_path() -> Path:
    """Path of ``gold.json``, the hand-made annotations of the demo corpus."""
    path = _demo_folder() / GOLD_FILE
    if not path.is_file():
        raise SourceNotFoundError(f"demo annotations {GOLD_FILE} are missing", source=__name__)
    return path
