"""What the prompter underlines and the cue editor highlights: character spans of the claims.

Call with the show's checker (`show.checker_for_script`, built once per loaded script) on every
text change; a line costs microseconds (jieba's dictionary loads once, on the first word-rule
candidate, or up front with `segmenter.warm_up()`). Qt counts positions in UTF-16 code units
(QTextLayout.FormatRange, QTextCursor): pass `utf16=True` so an emoji before a claim does not
shift the underline.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from studio.compliance.lexicon import ALL, studio_lexicon
from studio.compliance.matcher import Checker


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int  # exclusive
    term: str
    severity: str  # block / warn: the widget may use red for block, amber for warn
    category: str
    suggestion: str


@functools.cache
def default_checker() -> Checker:
    """Shipped rules plus the studio's file, built once; `default_checker.cache_clear()` after
    the studio's file changes. A show's own section needs `checker_for_script` instead."""
    return Checker(studio_lexicon())


def _utf16_offsets(text: str) -> list[int]:
    offsets, pos = [0], 0
    for ch in text:
        pos += 2 if ord(ch) > 0xFFFF else 1
        offsets.append(pos)
    return offsets


def underline_spans(
    text: str, checker: Checker | None = None, product: str = ALL, *, utf16: bool = False
) -> list[Span]:
    """The spans of `text` to underline, left to right, not overlapping one inside another."""
    hits = (checker or default_checker()).hits(text, product)
    if not hits:
        return []
    at = _utf16_offsets(text) if utf16 else None
    return [
        Span(
            at[h.start] if at else h.start,
            at[h.end] if at else h.end,
            h.term,
            h.severity,
            h.category,
            h.suggestion,
        )
        for h in hits
    ]
