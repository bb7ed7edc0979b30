"""Waiting out a locked database before an incident write gives up.

Goes once `studio.incidents.log` retries on a locked database itself (then `studio incident
add` gets the same patience): the panel then calls the core directly and this module is deleted.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import OperationalError

T = TypeVar("T")


def with_retry(job: Callable[[], T], tries: int = 4, pause: float = 0.5) -> T:
    """A locked database (another station or the metrics writer mid-commit) is worth waiting
    for: losing an incident is worse than logging it a second late."""
    for attempt in range(tries):
        try:
            return job()
        except OperationalError:
            if attempt == tries - 1:
                raise
            time.sleep(pause * (attempt + 1))
    raise AssertionError("unreachable")  # the loop returns or raises
