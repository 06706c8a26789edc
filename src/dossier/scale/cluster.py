"""The Dask client of a run: a local cluster of worker processes, or an existing scheduler.

>>> with connect(workers=2) as client:  # doctest: +SKIP
...     client.submit(sum, [1, 2]).result()
3
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from typing import TYPE_CHECKING

from dossier.errors import ClusterError, UsageError

if TYPE_CHECKING:
    from distributed import Client

logger = logging.getLogger(__name__)

#: How long to wait for an existing scheduler to answer before giving up.
CONNECT_TIMEOUT_S = 20.0
#: At most this many local workers: each is a process with its own copy of the models.
MAX_LOCAL_WORKERS = 256


@contextlib.contextmanager
def connect(*, workers: int | None = None, scheduler: str | None = None) -> Iterator[Client]:
    """A client of ``scheduler`` (``tcp://HOST:PORT``), or of a new local cluster of ``workers`` processes.

    The local cluster (one thread per worker process: the work is pure Python) is shut down on exit;
    an existing scheduler is only disconnected from.
    """
    if (workers is None) == (scheduler is None):
        raise UsageError("give either a number of local workers or the address of a Dask scheduler")
    from distributed import Client, LocalCluster

    if scheduler is not None:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT_S)
        except (OSError, TimeoutError) as error:
            raise ClusterError(f"cannot reach the Dask scheduler ({error})", source=scheduler) from error
        with client:
            logger.info("connected to %s", scheduler)
            yield client
        return
    assert workers is not None
    if not 1 <= workers <= MAX_LOCAL_WORKERS:
        raise UsageError(f"workers must be 1 to {MAX_LOCAL_WORKERS}, not {workers}")
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",  # a local cluster listens on this machine only
            dashboard_address=":0",  # any free port: two runs at once must not fight over 8787
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        logger.info("started a local Dask cluster of %d worker process(es)", workers)
        yield client
