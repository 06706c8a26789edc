"""The one place that says how the templates in ``templates/`` are loaded and laid out.

HTML and Markdown need different escaping, so each format has its own Jinja2
environment (see :mod:`dossier.render.html` and :mod:`dossier.render.markdown`);
both share the loader and these conventions:

- a name a template uses but the context lacks is an error, never an empty string;
- a block tag on a line of its own leaves no trace in the output
  (``trim_blocks``, ``lstrip_blocks``), so templates can be indented for reading;
- the output ends exactly as the template does (``keep_trailing_newline``).
"""

from __future__ import annotations

from collections.abc import Callable

import jinja2


def template_environment(*, autoescape: bool, finalize: Callable[[object], object]) -> jinja2.Environment:
    """An environment over the package's templates; ``finalize`` sees every value before it is printed."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("dossier.render", "templates"),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        finalize=finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
