"""The briefing as JSON: the product's contract (``docs/briefing.md``).

The output is deterministic: field order is the order of the record classes,
nothing time-dependent is added, and non-ASCII text is written as is. Two runs
over the same briefing give the same bytes.
"""

from __future__ import annotations

import json

from dossier.briefing import Briefing
from dossier.errors import SchemaError


def to_json(briefing: Briefing) -> str:
    """The briefing as an indented JSON document, ending with a newline.

    Raises :class:`SchemaError` when the briefing holds a value JSON cannot
    represent faithfully (NaN or infinity, or a non-JSON object in metadata).
    """
    try:
        return json.dumps(briefing.to_dict(), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    except (TypeError, ValueError) as error:
        raise SchemaError(f"briefing cannot be written as JSON: {error}", stage="render") from error
