"""Durations in words, never the ambiguous "2:50" (minutes? hours?)."""

from __future__ import annotations

from studio.timeutil import duration_words


def test_seconds_minutes_and_hours_in_both_languages() -> None:
    """Seconds alone, minutes with seconds, hours with minutes; unknown is a dash."""
    assert duration_words(42, "zh_CN") == "42秒" and duration_words(42, "en") == "42 s"
    assert duration_words(170, "zh_CN") == "2分50秒" and duration_words(170, "en") == "2 min 50 s"
    assert (
        duration_words(3_900, "zh_CN") == "1小时05分"
        and duration_words(3_900, "en") == "1 h 05 min"
    )
    assert duration_words(None, "en") == "—"
    assert duration_words(-3, "en") == "0 s"  # clocks that disagree never show a negative time
