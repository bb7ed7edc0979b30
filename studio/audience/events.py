"""One viewer event from a source line: JSONL object or CSV row, checked field by field.

JSONL: `{"ts": <epoch seconds or ISO 8601>, "type": "chat|follow|join|gift|like|order",
"id": "<platform message id>"?, "user": "<nickname>", "user_id"?, "text"?, "sku"?, "link"?}`;
other keys are kept in `extra`. CSV: a header naming those columns (`ts` and `type` at least).
Timestamps follow the metrics' rules (`studio.metrics.samples.parse_ts`).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from studio.metrics.samples import SampleError, parse_ts, safe_text

TYPES: Final = ("chat", "follow", "join", "gift", "like", "order")
KNOWN: Final = frozenset({"ts", "type", "id", "user", "user_id", "text", "sku", "link"})
MAX_TEXT: Final = 2000
MAX_EXTRA: Final = 4000  # characters of extra keys kept per event


class EventError(ValueError):
    """Why a line is not a viewer event (the quarantine's reason)."""


@dataclass(frozen=True)
class Event:
    ts: float
    type: str
    msg_id: str | None
    user: str
    user_id: str | None = None
    text: str = ""
    sku: str | None = None
    link: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _opt_text(obj: Mapping[str, Any], key: str, limit: int) -> str | None:
    v = obj.get(key)
    if v is None or v == "":
        return None
    if isinstance(v, bool) or not isinstance(v, str | int):
        raise EventError(f"{key} must be text, got {type(v).__name__}")
    return safe_text(str(v), limit)


def parse_event(obj: Any) -> Event:
    """An Event from a decoded object; EventError says what is wrong."""
    if not isinstance(obj, Mapping):
        raise EventError(f"expected a JSON object, got {type(obj).__name__}")
    if "ts" not in obj:
        raise EventError("no ts")
    try:
        ts = parse_ts(obj["ts"])
    except SampleError as exc:
        raise EventError(str(exc)) from None
    kind = obj.get("type", "chat")
    if kind not in TYPES:
        raise EventError(f"type {str(kind)[:40]!r} is not one of {', '.join(TYPES)}")
    text = obj.get("text")
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise EventError(f"text must be text, got {type(text).__name__}")
    if kind == "chat" and not text.strip():
        raise EventError("a chat event without text")
    link_raw = obj.get("link")
    link: int | None = None
    if link_raw not in (None, ""):
        try:
            if isinstance(link_raw, bool) or (
                isinstance(link_raw, float) and not link_raw.is_integer()
            ):
                raise ValueError
            link = int(link_raw)
        except (TypeError, ValueError):
            raise EventError(f"link must be a whole number, got {str(link_raw)[:40]!r}") from None
        if not 0 < link < 10_000:
            raise EventError(f"link {link} is not a link number (1..9999)")
    extra = {str(k): v for k, v in obj.items() if k not in KNOWN}
    if extra and len(json.dumps(extra, ensure_ascii=False, default=str)) > MAX_EXTRA:
        extra = {"truncated": True}
    return Event(
        ts=ts,
        type=str(kind),
        msg_id=_opt_text(obj, "id", 200),
        user=_opt_text(obj, "user", 100) or "",
        user_id=_opt_text(obj, "user_id", 100),
        text=safe_text(text, MAX_TEXT),
        sku=_opt_text(obj, "sku", 64),
        link=link,
        extra=extra,
    )


def parse_json_line(text: str) -> Event:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise EventError(f"not JSON: {exc.msg} at column {exc.colno}") from None
    except (RecursionError, ValueError) as exc:
        raise EventError(f"cannot read this line: {type(exc).__name__}") from None
    return parse_event(obj)


def parse_csv_header(text: str) -> list[str]:
    names = [c.strip().lower() for c in next(csv.reader([text]))]
    if "ts" not in names:
        raise EventError("CSV header must name the columns: ts, type, id, user, text, ...")
    return names


def parse_csv_row(text: str, header: list[str]) -> Event:
    try:
        cells = next(csv.reader([text]))
    except csv.Error as exc:
        raise EventError(f"cannot read this line: {exc}") from None
    if len(cells) != len(header):
        raise EventError(f"{len(cells)} fields where the header has {len(header)}")
    return parse_event({k: (v.strip() or None) for k, v in zip(header, cells, strict=True)})
