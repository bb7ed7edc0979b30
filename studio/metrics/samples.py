"""Sample rows and the one parser every text source uses (file tail, HTTP, manual entry).

A row is a plain dict with the `metric_sample` columns, ready for an executemany: building
ORM objects would cost more than the insert itself at hundreds of thousands of rows a second.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from studio.metrics.names import METRICS, REAL
from studio.timeutil import parse_iso

Row = dict[str, Any]

# Epoch seconds outside this range are a unit mistake (milliseconds) or garbage.
_TS_MIN = 946_684_800.0  # 2000-01-01
_TS_MAX = 4_102_444_800.0  # 2100-01-01
_META_KEYS = frozenset({"ts", "sku"})


class SampleError(ValueError):
    """An input object that cannot become samples; the message says what is wrong."""


def shown(value: Any, limit: int = 60) -> str:
    """`repr(value)` cut to `limit` characters: a reason quotes the bad input, not all of it
    (a 5,000-digit number or a megabyte key would otherwise fill the quarantine and the
    terminal)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        return f"<an integer of about {int(value.bit_length() * 0.30103) + 1} digits>"
    try:
        text = repr(value)
    except (ValueError, RecursionError):  # nested thousands deep
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else f"{text[: limit - 5]}…({len(text)} chars)"


def safe_text(text: str, limit: int = 500) -> str:
    """Text any database and terminal accepts: lone surrogates (from JSON escapes such as
    \\ud800) become backslash escapes, control characters become spaces, at most `limit`
    characters."""
    clean = text.encode("utf-8", "backslashreplace").decode("utf-8")
    clean = "".join(" " if c < " " or c == "\x7f" else c for c in clean)
    return clean[:limit]


def _valid_text(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def make_row(
    show_id: int, source: str, metric: str, ts: float, value: float | int, sku: str = ""
) -> Row:
    """One `metric_sample` row; integers go to `value`, measurements to `value_real`."""
    if metric in REAL:
        return {
            "show_id": show_id,
            "source": source,
            "metric": metric,
            "sku": sku,
            "ts": ts,
            "value": None,
            "value_real": float(value),
        }
    return {
        "show_id": show_id,
        "source": source,
        "metric": metric,
        "sku": sku,
        "ts": ts,
        "value": int(value),
        "value_real": None,
    }


def parse_ts(raw: Any) -> float:
    """ISO-8601 text (with zone; without one it is local time) or epoch seconds."""
    if isinstance(raw, bool) or raw is None:
        raise SampleError(f"ts must be an ISO time or epoch seconds, got {raw!r}")
    if isinstance(raw, int | float):
        try:
            ts = float(raw)
        except OverflowError:  # an integer of hundreds of digits
            raise SampleError("ts is far outside 2000..2100") from None
    elif isinstance(raw, str):
        text = raw.strip()
        try:
            ts = float(text)
        except ValueError:
            try:
                ts = parse_iso(text).timestamp()
            except ValueError as exc:
                raise SampleError(f"ts {shown(raw)} is not an ISO time or epoch seconds") from exc
    elif isinstance(raw, datetime):
        if raw.tzinfo is None:
            raise SampleError("ts has no time zone")
        ts = raw.timestamp()
    else:
        raise SampleError(f"ts must be an ISO time or epoch seconds, got {type(raw).__name__}")
    if not math.isfinite(ts):
        raise SampleError(f"ts {shown(raw)} is not a finite number")
    if ts > _TS_MAX and _TS_MIN <= ts / 1000 <= _TS_MAX:
        raise SampleError(f"ts {shown(raw)} looks like milliseconds; send epoch seconds")
    if not _TS_MIN <= ts <= _TS_MAX:
        raise SampleError(f"ts {shown(raw)} is outside 2000..2100")
    return ts


def parse_value(metric: str, raw: Any) -> int | float:
    """A count or money value (non-negative integer; cents for money) or a measurement."""
    if metric not in METRICS:
        known = ", ".join(sorted(METRICS))
        raise SampleError(f"unknown metric {shown(metric)} (known: {known})")
    if isinstance(raw, bool):
        raise SampleError(f"{metric}: value must be a number, got {raw!r}")
    if isinstance(raw, str):
        text = raw.strip().replace(",", "")
        try:
            raw = float(text) if any(c in text for c in ".eE") else int(text)
        except ValueError as exc:
            raise SampleError(f"{metric}: {shown(raw)} is not a number") from exc
    if not isinstance(raw, int | float):
        raise SampleError(f"{metric}: value must be a number, got {type(raw).__name__}")
    if isinstance(raw, float) and not math.isfinite(raw):
        raise SampleError(f"{metric}: value {shown(raw)} is not finite")
    if raw < 0:
        raise SampleError(f"{metric}: value {shown(raw)} is negative")
    if metric in REAL:
        return float(raw)
    if isinstance(raw, float):
        if not raw.is_integer():
            unit = "cents (分)" if METRICS[metric].money else "a whole number"
            raise SampleError(f"{metric}: {shown(raw)} must be {unit}")
        raw = int(raw)
    value = int(raw)
    if value > 2**62:
        raise SampleError(f"{metric}: value {shown(raw)} is too large")
    return value


def _sku(raw: Any) -> str:
    if raw is None:
        return ""
    if not isinstance(raw, str | int):
        raise SampleError(f"sku must be text, got {type(raw).__name__}")
    if isinstance(raw, int) and abs(raw) >= 10**64:
        raise SampleError("sku is longer than 64 characters")
    sku = str(raw).strip()
    if len(sku) > 64:
        raise SampleError("sku is longer than 64 characters")
    if not _valid_text(sku):
        raise SampleError(f"sku {shown(sku)} is not valid text (a lone surrogate escape)")
    return sku


def parse_object(obj: Any, show_id: int, source: str) -> list[Row]:
    """One JSON object: narrow `{"ts", "metric", "value", "sku"?}` or wide
    `{"ts", "<metric>": value, ..., "sku"?}`. Null values in a wide row are skipped."""
    if not isinstance(obj, Mapping):
        raise SampleError(f"expected a JSON object, got {type(obj).__name__}")
    if "ts" not in obj:
        raise SampleError("missing 'ts'")
    ts = parse_ts(obj["ts"])
    sku = _sku(obj.get("sku"))
    if "metric" in obj:
        extra = set(obj) - {"ts", "sku", "metric", "value"}
        if extra:
            raise SampleError(
                f"unexpected keys in a metric/value object: {shown(sorted(extra), 200)}"
            )
        metric = obj["metric"]
        if not isinstance(metric, str):
            raise SampleError("'metric' must be text")
        if metric not in METRICS:
            parse_value(metric, None)  # raises "unknown metric"
        if "value" not in obj or obj["value"] is None:
            raise SampleError(f"{metric}: missing 'value'")
        return [make_row(show_id, source, metric, ts, parse_value(metric, obj["value"]), sku)]
    rows: list[Row] = []
    unknown = [k for k in obj if k not in _META_KEYS and k not in METRICS]
    if unknown:
        raise SampleError(f"unknown metric(s) {shown(sorted(unknown), 200)}")
    for key, raw in obj.items():
        if key in _META_KEYS or raw is None or raw == "":
            continue
        rows.append(make_row(show_id, source, key, ts, parse_value(key, raw), sku))
    if not rows:
        raise SampleError("no metric values in the object")
    return rows
