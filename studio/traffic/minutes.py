"""Reading a minute table of entries and exits (进入/离开人数 per minute) into metric samples.

| Field   | Headers (any of)                                   |
|---------|----------------------------------------------------|
| ts      | 时间, 时间点, 日期时间, 分钟, time, minute           |
| entries | 进入人数, 进入, 进房人数, 进入直播间人数, 累计进入人数   |
| exits   | 离开人数, 离开, 退出人数, 离开直播间人数, 累计离开人数   |

A column whose header says 累计 holds running totals, each stamped at its row's time; otherwise
each row is that minute's count, and studio (which stores running totals: `entries` and `exits`
are cumulative metrics) sums them up, stamping each at the END of its minute: the people counted
in "20:01" have all come in by 20:02, so a segment boundary counts only whole minutes before it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any, Final

from studio.metrics.samples import Row, SampleError, make_row, parse_ts
from studio.traffic import cells
from studio.traffic.cells import CellError, Problem, Sheet

COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "ts": ("时间", "时间点", "日期时间", "分钟", "time", "minute", "ts"),
    "entries": ("进入人数", "进入", "进房人数", "进入直播间人数", "累计进入人数", "entries"),
    "exits": ("离开人数", "离开", "退出人数", "离开直播间人数", "累计离开人数", "exits"),
}
NAMES: Final = cells.names_table(COLUMNS)
MINUTE_S: Final = 60.0


@dataclass
class MinuteTable:
    # (end of the minute, metric, running total); sorted by time per metric
    points: list[tuple[float, str, int]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def rows(self, show_id: int, source: str) -> list[Row]:
        return [make_row(show_id, source, m, ts, v) for ts, m, v in self.points]

    @property
    def metrics(self) -> set[str]:
        return {m for _, m, _ in self.points}


def is_minute_header(cells_: tuple[Any, ...]) -> bool:
    found = cells.match_header(cells_, NAMES)
    return "ts" in found and ("entries" in found or "exits" in found)


def cell_time(raw: Any, day: date | None) -> float:
    """A row's time: a date-time, or a time of day on the show's day."""
    if isinstance(raw, datetime):
        return (raw if raw.tzinfo else raw.astimezone()).timestamp()
    if isinstance(raw, time):
        if day is None:
            raise CellError("a time of day without a date, and the show has no date")
        return datetime.combine(day, raw).astimezone().timestamp()
    text = str(raw).strip()
    if day is not None and len(text) <= 8 and ":" in text:
        try:
            return datetime.combine(day, time.fromisoformat(text.zfill(5))).astimezone().timestamp()
        except ValueError as exc:
            raise CellError(f"{text!r} is not a time of day") from exc
    try:
        return parse_ts(text.replace("/", "-"))
    except SampleError as exc:
        raise CellError(f"{text!r} is not a time") from exc


def read_minutes(file: str, sheet: Sheet, header_at: int, day: date | None) -> MinuteTable:
    header = sheet.rows[header_at][1]
    cols = cells.match_header(header, NAMES)
    running = {k: "累计" in str(header[i]) for k, i in cols.items() if k != "ts"}
    out = MinuteTable()
    per: dict[str, list[tuple[float, int, int]]] = {k: [] for k in running}
    seen: dict[float, int] = {}
    for row_no, row in sheet.rows[header_at + 1 :]:
        if cells.empty_row(row):
            continue
        where = sheet.where(row_no)
        try:
            raw_ts = row[cols["ts"]] if cols["ts"] < len(row) else None
            if cells.blank(raw_ts):
                raise CellError("no time in this row")
            ts = cell_time(raw_ts, day)
            if ts in seen:
                raise CellError(f"the minute is listed twice (first on row {seen[ts]})")
            values = {}
            for key in running:
                i = cols[key]
                raw = row[i] if i < len(row) else None
                if not cells.blank(raw):
                    values[key] = cells.count(raw, str(header[i]).strip())
            if not values:
                raise CellError("no entries or exits in this row")
        except CellError as exc:
            out.problems.append(Problem(file, where, str(exc)))
            continue
        seen[ts] = row_no
        for key, v in values.items():
            per[key].append((ts, v, row_no))
    for key, points in per.items():
        points.sort()
        total = 0
        for ts, v, row_no in points:
            if running[key]:
                if v < total:
                    out.problems.append(
                        Problem(
                            file,
                            sheet.where(row_no),
                            f"{header[cols[key]]}: a running total cannot go down ({total} → {v})",
                        )
                    )
                total = v
            else:
                total += v
            out.points.append((ts if running[key] else ts + MINUTE_S, key, total))
    return out
