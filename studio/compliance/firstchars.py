"""The characters a regular expression can start a match with.

Why: scanning every line with one alternation of ~100 rules was most of the check's cost, and
Python's `re` only skips ahead by first character when every alternative starts with a plain
literal. Knowing each rule's possible first characters, the checker scans for those characters
with one character class (a fast C loop) and tries only the rules that can start there.

This reads the parse tree of the standard library's own parser (`re._parser`, Python 3.11+).
Anything it does not understand (., negated sets, most categories) gives None: such a rule is
tried at every position, so a pattern is never missed, only checked more slowly.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

# Imported by name: typeshed does not describe these private modules.
C: Any = importlib.import_module("re._constants")
P: Any = importlib.import_module("re._parser")

_SPACE = frozenset(" \t\n\r\f\v\u3000")
_CATEGORIES = {C.CATEGORY_DIGIT: frozenset("0123456789"), C.CATEGORY_SPACE: _SPACE}
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)}
_ZERO_WIDTH = {C.ASSERT, C.ASSERT_NOT, C.AT}
_MAX_RANGE = 512


class _Unknown(Exception):
    pass


def _cased(chars: set[str]) -> set[str]:
    out = set(chars)
    for ch in chars:
        for variant in (ch.lower(), ch.upper()):
            if len(variant) == 1:
                out.add(variant)
    return out


def _charset(items: Any) -> set[str]:
    out: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            out.add(chr(av))
        elif op is C.RANGE:
            lo, hi = av
            if hi - lo > _MAX_RANGE:
                raise _Unknown
            out.update(chr(c) for c in range(lo, hi + 1))
        elif op is C.CATEGORY and av in _CATEGORIES:
            out.update(_CATEGORIES[av])
        else:  # NEGATE, other categories
            raise _Unknown
    return out


def _sequence(items: Any) -> tuple[set[str], bool]:
    """(first characters, whether the sequence can match empty text)."""
    out: set[str] = set()
    for op, av in items:
        chars, nullable = _item(op, av)
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _item(op: Any, av: Any) -> tuple[set[str], bool]:
    if op is C.LITERAL:
        return {chr(av)}, False
    if op is C.IN:
        return _charset(av), False
    if op is C.SUBPATTERN:
        return _sequence(av[-1])
    if op is C.BRANCH:
        chars: set[str] = set()
        nullable = False
        for alternative in av[1]:
            c, n = _sequence(alternative)
            chars |= c
            nullable = nullable or n
        return chars, nullable
    if op in _REPEATS:
        low, _high, sub = av
        chars, nullable = _sequence(sub)
        return chars, nullable or low == 0
    if op in _ZERO_WIDTH:
        return set(), True
    raise _Unknown


def first_chars(pattern: str) -> frozenset[str] | None:
    """Every character a case-insensitive match of `pattern` can start with; None if unknown."""
    try:
        chars, nullable = _sequence(P.parse(pattern, re.IGNORECASE))
    except (_Unknown, re.error, RecursionError):
        return None
    if nullable or not chars:
        return None
    return frozenset(_cased(chars))
