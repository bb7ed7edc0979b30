"""Clock helpers. All stored times are UTC; the UI converts to local time for display."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], float]
"""A clock returns epoch seconds; production uses time.time, tests inject a fake."""


def utcnow() -> datetime:
    return datetime.now(UTC)


def from_epoch(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


def parse_iso(text: str) -> datetime:
    """Parse an ISO-8601 time; a time without zone is taken as local time, like a person means it."""
    dt = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    if dt.tzinfo is None:
        dt = dt.astimezone()
    return dt.astimezone(UTC)


def wall_clock() -> float:
    return time.time()


def fmt_duration(seconds: float, signed: bool = False) -> str:
    """90 -> '1:30', 3725 -> '1:02:05'; with signed, overruns show as '+0:12'."""
    sign = ""
    if seconds < 0:
        sign = "-"
    elif signed and seconds > 0:
        sign = "+"
    s = round(abs(seconds))
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    body = f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"
    return sign + body


def duration_words(seconds: float | None, lang: str) -> str:
    """A duration in words, never "1:15" (minutes or hours?): "1分15秒" / "1 min 15 s", and
    "1小时05分" / "1 h 05 min" from an hour on. "—" when unknown."""
    if seconds is None:
        return "—"
    total = max(0, round(seconds))
    h, rest = divmod(total, 3600)
    m, sec = divmod(rest, 60)
    zh = lang.startswith("zh")
    if h:
        return f"{h}小时{m:02d}分" if zh else f"{h} h {m:02d} min"
    if m:
        return f"{m}分{sec:02d}秒" if zh else f"{m} min {sec:02d} s"
    return f"{sec}秒" if zh else f"{sec} s"
