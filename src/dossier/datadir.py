"""Where dossier keeps its store when none is named: kept apart so that ``--help`` can say so cheaply.

Importing :mod:`dossier.store` loads the store backends and story finding (numpy);
the help text only needs this path.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

from platformdirs import user_data_path

#: Environment variable that overrides the default database location.
DB_ENV: Final = "DOSSIER_DB"
DEFAULT_DB_NAME: Final = "dossier.db"


def default_db_path() -> Path:
    """``$DOSSIER_DB`` if set, else ``dossier.db`` in the user's data folder for dossier."""
    override = os.environ.get(DB_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    return user_data_path("dossier") / DEFAULT_DB_NAME
