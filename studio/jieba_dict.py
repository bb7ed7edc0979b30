"""jieba tokenizers whose dictionary loads without freezing the other threads.

`jieba.Tokenizer.initialize()` reads its prefix dictionary (about 500,000 words and prefixes)
with one `marshal.load` of a 9 MB cache file: a single C call that holds the interpreter lock
for 0.2-1 s, during which no other thread runs, the GUI's included. The show-day soak
(benchmarks/soak.py --why) saw a 1.1 s stall of the control room at the start of every demo,
once for the audience desk's tokenizer and once for compliance's. jieba offers no other way to
load it, so this module keeps its own cache of the same dictionary in chunks of 10,000 entries:
each chunk is one short C call (~4 ms), and other threads run between them. The dictionary is
read once per process; each tokenizer gets its own copy (they add words of their own, and
compliance's boundaries must not move with the audience desk's words).
"""

from __future__ import annotations

import logging
import marshal
import os
import tempfile
import threading
import warnings
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

CHUNK = 10_000
_lock = threading.Lock()
_prefix: tuple[dict[str, int], int] | None = None


def _jieba() -> Any:
    with warnings.catch_warnings():
        # jieba 0.42 reaches for pkg_resources, which newer setuptools deprecate on import.
        warnings.simplefilter("ignore", DeprecationWarning)
        import jieba

    # jieba logs every dictionary load at DEBUG straight to stderr; CLI output stays clean.
    logging.getLogger("jieba").setLevel(logging.WARNING)
    return jieba


def cache_path(jieba: Any) -> Path:
    """Where the chunked dictionary is kept: beside jieba's own cache, named by the jieba
    version and the dictionary file's size and time (a changed dictionary is read again)."""
    with jieba.get_dict_file() as f:
        stat = os.fstat(f.fileno())
    name = f"studio-jieba-{jieba.__version__}-{stat.st_size}-{int(stat.st_mtime)}.chunks"
    return Path(tempfile.gettempdir()) / name


def _read_chunks(path: Path) -> tuple[dict[str, int], int] | None:
    try:
        total, chunks = marshal.loads(path.read_bytes())  # a list of bytes: a fast copy
        freq: dict[str, int] = {}
        for chunk in chunks:
            freq.update(marshal.loads(chunk))
    except (OSError, EOFError, ValueError, TypeError) as exc:
        log.info("jieba dictionary cache %s unreadable (%s): building it again", path, exc)
        return None
    if not isinstance(total, int) or not freq:
        return None
    return freq, total


def _write_chunks(path: Path, freq: dict[str, int], total: int) -> None:
    items = list(freq.items())
    chunks = [marshal.dumps(dict(items[i : i + CHUNK])) for i in range(0, len(items), CHUNK)]
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".studio-jieba-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(marshal.dumps((total, chunks)))
        os.replace(tmp, path)
    except OSError as exc:  # a read-only temp dir: the next start reads the dictionary again
        log.info("could not keep the jieba dictionary cache %s: %s", path, exc)
        Path(tmp).unlink(missing_ok=True)


def prefix_dict() -> tuple[dict[str, int], int]:
    """jieba's default prefix dictionary (word or prefix -> frequency, total), read once per
    process; do not change the returned dict (tokenizers take copies)."""
    global _prefix
    if _prefix is not None:
        return _prefix
    with _lock:
        if _prefix is None:
            jieba = _jieba()
            path = cache_path(jieba)
            loaded = _read_chunks(path) if path.is_file() else None
            if loaded is None:
                # Built from the dictionary text in Python (a few seconds, once per machine):
                # slower than jieba's cache, but it lets other threads run throughout.
                loaded = jieba.Tokenizer.gen_pfdict(jieba.get_dict_file())
                _write_chunks(path, *loaded)
            _prefix = loaded
    return _prefix


def new_tokenizer() -> Any:
    """A ready `jieba.Tokenizer` on the default dictionary, with a dictionary of its own."""
    jieba = _jieba()
    freq, total = prefix_dict()
    tok = jieba.Tokenizer()
    with tok.lock:
        tok.FREQ = dict(freq)  # ~10 ms for 500,000 entries
        tok.total = total
        tok.initialized = True
    return tok
