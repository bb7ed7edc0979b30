"""Chinese word boundaries from jieba, with its dictionary loaded once per process.

Compliance keeps its own `jieba.Tokenizer` rather than the module-level one: other features may
add words to the global dictionary (product names, slang), and that must not move the boundaries
the lexicon's `word` rules were written against.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from studio.jieba_dict import new_tokenizer

_lock = threading.Lock()
_tokenizer: Any = None


def _load() -> Any:
    # Loaded in short steps (studio.jieba_dict): jieba's own load froze every thread for ~1 s.
    return new_tokenizer()


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
