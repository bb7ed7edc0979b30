"""Hand memory the C allocator keeps after it was freed back to the system.

The camera preview decodes and analyses 1280x720 frames on threads, Qt and pyqtgraph draw on the
GUI thread, SQLite and numpy allocate on workers: glibc keeps what they free in per-thread heaps
and the process's RSS only ever grows. The show-day soak (benchmarks/soak.py) measured +67 MB per
show in one process with the same number of widgets and Python objects after each show; with
`malloc_trim(0)` after each show the RSS stayed flat from the second show on. `malloc_trim` runs
without the interpreter lock (ctypes releases it), so it is called off the GUI thread.

Trimming is not enough across show switches: glibc gives threads that allocate at once their own
heaps ("arenas", up to 8 per core), and the camera, mic and worker threads that end and start
again with each show left freed blocks scattered over them that no trim can hand back. The soak
measured anonymous memory after each show's trim growing 13-40 MB per switch (317 -> 488 MB over
ten shows); with two arenas it stayed at 332 +/- 2 MB from the third show on. `limit_arenas`
asks for two (MALLOC_ARENA_MAX, when the user set it, wins).
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
import threading
from typing import Any

log = logging.getLogger(__name__)

_libc: Any = None


def _glibc(name: str) -> Any:
    """glibc's function `name` (None off Linux or without it), the library loaded once."""
    global _libc
    if not sys.platform.startswith("linux"):
        return None
    if _libc is None:
        try:
            _libc = ctypes.CDLL("libc.so.6")
        except OSError:
            _libc = False
    return getattr(_libc, name, None) if _libc else None


M_ARENA_MAX = -8  # glibc's mallopt parameter (malloc.h)
ARENAS = 2


def limit_arenas(arenas: int = ARENAS) -> bool:
    """Cap glibc's per-thread heaps (call before threads start); False where it cannot."""
    if "MALLOC_ARENA_MAX" in os.environ:
        return False
    mallopt = _glibc("mallopt")
    if mallopt is None:
        return False
    return bool(mallopt(M_ARENA_MAX, arenas))


def release_free_memory() -> bool:
    """Return freed heap memory to the system now (glibc); False where there is no such call."""
    trim = _glibc("malloc_trim")
    if trim is None:
        return False
    trim(0)
    return True


def release_in_background() -> threading.Thread:
    """`release_free_memory` on a short-lived thread (it can take tens of ms on a big heap)."""
    thread = threading.Thread(target=release_free_memory, name="malloc-trim", daemon=True)
    thread.start()
    return thread
