"""Chinese word boundaries from jieba, with its dictionary loaded once per process.

Compliance keeps its own `jieba.Tokenizer` rather than the module-level one: other features may
add words to the global dictionary (product names, slang), and that must not move the boundaries
the lexicon's `word` rules were written against.
"""

from __future__ import annotations

import logging
import threading
import time
import warnings
from typing import Any

_lock = threading.Lock()
_tokenizer: Any = None


def _load() -> Any:
    with warnings.catch_warnings():
        # jieba 0.42 reaches for pkg_resources, which newer setuptools deprecate on import.
        warnings.simplefilter("ignore", DeprecationWarning)
        import jieba

    # jieba logs every dictionary load at DEBUG straight to stderr; CLI output stays clean.
    logging.getLogger("jieba").setLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def tokenizer() -> Any:
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                _tokenizer = _load()
    return _tokenizer


def warm_up() -> float:
    """Load the dictionary now (about a second, once); returns the seconds it took (0 if done)."""
    if _tokenizer is not None:
        return 0.0
    t0 = time.perf_counter()
    tokenizer()
    return time.perf_counter() - t0


def boundaries(text: str) -> set[int]:
    """Offsets in `text` where a word starts or ends (0 and len(text) included).

    HMM=False: dictionary words only. The HMM guesses new words from runs of unknown characters
    and can glue a lexicon word to its neighbour, which would make a boundary check depend on
    guesswork instead of the dictionary.
    """
    out = {0}
    pos = 0
    for token in tokenizer().cut(text, HMM=False):
        pos += len(token)
        out.add(pos)
    return out
