"""`import_traffic` and `import_audience`: read a whole file, check every row, then write it all
in one transaction, or nothing when any row is bad (`ImportRefused` lists every bad row).

A traffic file may hold a channel table (渠道 + 进入人数/占比 ...), a minute table (时间 + 进入/离开
人数) or both (two sheets of one workbook); each sheet's header is looked for in its first rows,
below any title lines.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from studio.store.store import Store
from studio.timeutil import Clock, from_epoch, wall_clock
from studio.traffic import cells
from studio.traffic.audience import AudienceRow, has_audience_header, read_audience
from studio.traffic.cells import FileProblem, Problem, Sheet
from studio.traffic.minutes import MinuteTable, is_minute_header, read_minutes
from studio.traffic.sources import SourceRow, is_source_header, read_sources
from studio.traffic.store import save_audience, save_traffic, show_day_ref


class ImportRefused(ValueError):
    """Bad rows: nothing was written. `problems` has every one, as FILE:ROW: message."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class TrafficFile:
    sources: list[SourceRow] = field(default_factory=list)
    minutes: MinuteTable | None = None
    problems: list[Problem] = field(default_factory=list)
    unknown_labels: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class TrafficResult:
    sources: int
    unknown_labels: tuple[str, ...]  # imported as "other"
    minute_samples: int
    kept_from_feed: tuple[str, ...]


def _header_index(sheet: Sheet, test: Callable[[tuple[Any, ...]], bool]) -> int | None:
    for i, (_, row) in enumerate(sheet.rows[: cells.HEADER_SEARCH_ROWS]):
        if test(row):
            return i
    return None


def read_traffic(path: Path, day: date | None = None) -> TrafficFile:
    """Every sheet's channel or minute table; raises FileProblem when there is neither."""
    file = str(path)
    out = TrafficFile()
    found = False
    for sheet in cells.read_sheets(path):
        at = _header_index(sheet, is_source_header)
        if at is not None:
            found = True
            if out.sources:
                out.problems.append(
                    Problem(file, sheet.where(sheet.rows[at][0]), "a second channel table")
                )
                continue
            table = read_sources(file, sheet, at)
            out.sources, out.unknown_labels = table.rows, table.unknown_labels
            out.problems.extend(table.problems)
            continue
        at = _header_index(sheet, is_minute_header)
        if at is not None:
            found = True
            minutes = read_minutes(file, sheet, at, day)
            out.problems.extend(minutes.problems)
            if out.minutes is None:
                out.minutes = minutes
            else:
                out.problems.append(
                    Problem(file, sheet.where(sheet.rows[at][0]), "a second minute table")
                )
    if not found:
        raise FileProblem(
            f"{file}: no channel table (渠道 + 进入人数 or 占比) and no minute table "
            f"(时间 + 进入人数/离开人数) in the first {cells.HEADER_SEARCH_ROWS} rows"
        )
    if not out.problems and not out.sources and not (out.minutes and out.minutes.points):
        raise FileProblem(f"{file}: the table has a header but no rows")
    return out


def import_traffic(
    store: Store, show_id: int, path: str | Path, *, clock: Clock = wall_clock
) -> TrafficResult:
    path = Path(path)
    ref = show_day_ref(store, show_id)  # raises ShowNotFound before the file is read
    day = ref.astimezone().date() if ref is not None else None
    t = read_traffic(path, day)
    if t.problems:
        raise ImportRefused(t.problems)
    saved = save_traffic(store, show_id, t.sources, t.minutes, str(path), from_epoch(clock()))
    return TrafficResult(
        saved.sources, tuple(t.unknown_labels), saved.samples, saved.kept_from_feed
    )


def read_audience_file(path: Path) -> tuple[list[AudienceRow], list[Problem]]:
    sheets = cells.read_sheets(path)
    if not any(has_audience_header(sh) for sh in sheets):
        raise FileProblem(
            f"{path}: no audience table: a header 维度 | 标签 | 人数/占比, or one naming a "
            "dimension (性别, 年龄, 省份, 城市, 新老用户, 粉丝, 设备) followed by 人数/占比"
        )
    table = read_audience(str(path), sheets)
    if not table.problems and not table.rows:
        raise FileProblem(f"{path}: the table has a header but no rows")
    return table.rows, table.problems


def import_audience(
    store: Store, show_id: int, path: str | Path, *, clock: Clock = wall_clock
) -> list[AudienceRow]:
    path = Path(path)
    show_day_ref(store, show_id)  # raises ShowNotFound before the file is read
    rows, problems = read_audience_file(path)
    if problems:
        raise ImportRefused(problems)
    save_audience(store, show_id, rows, str(path), from_epoch(clock()))
    return rows
