"""The article store: cleaned articles kept between runs, searchable by words and dates.

>>> with open_store(":memory:") as store:
...     store.count()
0
"""

from dossier.datadir import default_db_path
from dossier.store.base import AddResult, Store
from dossier.store.location import open_store
from dossier.store.sqlite import SqliteStore

__all__ = ["AddResult", "SqliteStore", "Store", "default_db_path", "open_store"]
