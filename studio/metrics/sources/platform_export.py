"""Import a platform's post-show export (CSV or XLSX), and export a show in the same shape.

Platform consoles (抖音 巨量百应 / 淘宝直播 中控台 ...) export minute-level tables with Chinese
headers. Headers are matched after removing spaces and a unit suffix such as "(元)"/"（秒）":

| Header (any of)                                  | Metric              | Unit in the file |
|--------------------------------------------------|---------------------|------------------|
| 时间, 时间点, 日期时间, 分钟, ts, time             | (sample time)       | date-time / ISO  |
| 在线人数, 实时在线人数, 平均在线人数                 | online_viewers      | people           |
| 观看人数, 累计观看人数                              | viewers_total       | people           |
| 进入人数, 进房人数, 进入直播间人数                    | entries             | people           |
| 曝光人数, 直播间曝光人数                            | exposures           | people           |
| 商品曝光人数                                      | product_exposures   | people           |
| 商品点击人数                                      | product_clicks      | people           |
| 成交人数, 成交用户数, 支付人数                       | buyers              | people           |
| 成交订单数, 订单数, 支付订单数                       | orders              | orders           |
| 成交金额, 支付金额, GMV                             | gmv_cents           | yuan (元) -> 分   |
| 新增粉丝, 新增粉丝数, 新增关注                        | new_followers       | people           |
| 评论数, 评论次数                                  | comments            | count            |
| 点赞数, 点赞次数                                  | likes               | count            |
| 分享数, 分享次数                                  | shares              | count            |
| 人均观看时长                                      | avg_watch_seconds   | s, or "1分30秒"    |
| 投放消耗, 消耗, 广告消耗                            | ad_spend_cents      | yuan (元) -> 分   |
| 商品ID, 商品编码, SKU                              | (sku of the row)    | text             |

Unknown columns are ignored (and listed in the result). Per-minute exports give each minute's
increment, others give running totals: with `cumulative=None` a column that ever decreases is
taken as per-period and summed into running totals (studio stores totals). A time-only cell
("20:01") takes its date from `day`. Bad rows go to the quarantine with their row number.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from studio.metrics.names import CUMULATIVE, MONEY, NAMES
from studio.metrics.samples import Row, SampleError, make_row, parse_ts, safe_text, shown
from studio.metrics.window import DEFAULT_MARGIN_S, show_span, show_window
from studio.metrics.writer import insert_sample_rows
from studio.store.models import MetricQuarantine
from studio.store.store import Store
from studio.timeutil import Clock, utcnow
from studio.timeutil import wall_clock as time_now

HEADERS: dict[str, str] = {}
for _metric, _names in {
    "ts": ("时间", "时间点", "日期时间", "分钟", "ts", "time"),
    "online_viewers": ("在线人数", "实时在线人数", "平均在线人数"),
    "viewers_total": ("观看人数", "累计观看人数"),
    "entries": ("进入人数", "进房人数", "进入直播间人数"),
    "exposures": ("曝光人数", "直播间曝光人数"),
    "product_exposures": ("商品曝光人数",),
    "product_clicks": ("商品点击人数",),
    "buyers": ("成交人数", "成交用户数", "支付人数"),
    "orders": ("成交订单数", "订单数", "支付订单数"),
    "gmv_cents": ("成交金额", "支付金额", "GMV"),
    "new_followers": ("新增粉丝", "新增粉丝数", "新增关注"),
    "comments": ("评论数", "评论次数"),
    "likes": ("点赞数", "点赞次数"),
    "shares": ("分享数", "分享次数"),
    "avg_watch_seconds": ("人均观看时长",),
    "ad_spend_cents": ("投放消耗", "消耗", "广告消耗"),
    "sku": ("商品ID", "商品编码", "SKU"),
}.items():
    for _n in _names:
        HEADERS[_n.lower()] = _metric

# The header studio writes for each metric (the first of its names above).
EXPORT_HEADERS: dict[str, str] = {
    "online_viewers": "在线人数", "viewers_total": "观看人数", "entries": "进入人数",
    "exposures": "曝光人数", "product_exposures": "商品曝光人数",
    "product_clicks": "商品点击人数", "orders": "成交订单数", "buyers": "成交人数",
    "gmv_cents": "成交金额(元)", "new_followers": "新增粉丝", "comments": "评论数",
    "likes": "点赞数", "shares": "分享数", "avg_watch_seconds": "人均观看时长(秒)",
    "ad_spend_cents": "投放消耗(元)",
}  # fmt: skip

_UNIT = re.compile(r"[（(][^)）]*[)）]$")
_DURATION = re.compile(
    r"^(?:(\d+)\s*(?:小时|时|h))?\s*(?:(\d+)\s*(?:分钟|分|m))?\s*(?:(\d+)\s*(?:秒|s))?$"
)


def normalise_header(h: object) -> str:
    text = re.sub(r"\s+", "", str(h or ""))
    return _UNIT.sub("", text).lower()


@dataclass
class ImportResult:
    rows: int = 0
    inserted: int = 0
    bad: int = 0
    ignored_columns: list[str] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)
    problems: list[tuple[int, str]] = field(default_factory=list)  # (row number, reason)


def _cell_ts(raw: Any, day: date | None) -> float:
    if isinstance(raw, datetime):
        return (raw if raw.tzinfo else raw.astimezone()).timestamp()
    if isinstance(raw, time):
        if day is None:
            raise SampleError("time without a date: pass the show's day")
        return datetime.combine(day, raw).astimezone().timestamp()
    if isinstance(raw, str) and re.fullmatch(r"\d{1,2}:\d{2}(:\d{2})?", raw.strip()):
        if day is None:
            raise SampleError(f"time {raw!r} without a date: pass the show's day")
        return (
            datetime.combine(day, time.fromisoformat(raw.strip().zfill(5))).astimezone().timestamp()
        )
    if isinstance(raw, str):
        return parse_ts(raw.strip().replace("/", "-"))
    return parse_ts(raw)


def _number(metric: str, raw: Any) -> int | float:
    if isinstance(raw, str):
        text = raw.strip().replace(",", "").replace("¥", "").replace("￥", "")
        if metric == "avg_watch_seconds" and (m := _DURATION.match(text)) and any(m.groups()):
            h, mi, s = (int(g or 0) for g in m.groups())
            return float(h * 3600 + mi * 60 + s)
        if text.endswith("%"):
            raise SampleError(f"{metric}: a rate ({raw!r}); only counts are imported")
        raw = text
    try:
        d = Decimal(str(raw))
    except (InvalidOperation, ValueError) as exc:
        raise SampleError(f"{metric}: {shown(raw)} is not a number") from exc
    if not d.is_finite() or d < 0:
        raise SampleError(f"{metric}: {shown(raw)} is not a non-negative number")
    if d.adjusted() > 15:  # beyond 10^16 (yuan or count): no show has that; the store could not
        raise SampleError(f"{metric}: {shown(raw)} is too large")
    if metric in MONEY:
        return int((d * 100).to_integral_value())  # yuan -> fen
    if metric == "avg_watch_seconds":
        return float(d)
    if d != d.to_integral_value():
        raise SampleError(f"{metric}: {shown(raw)} must be a whole number")
    return int(d)


def read_table(path: Path) -> Iterator[tuple[int, list[Any]]]:
    """(row number, cells) from a CSV (UTF-8 or GBK) or the first sheet of an XLSX."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True, data_only=True)
        try:
            for i, row in enumerate(wb.worksheets[0].iter_rows(values_only=True), start=1):
                yield i, list(row)
        finally:
            wb.close()
        return
    raw = path.read_bytes()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise SampleError(f"{path.name}: neither UTF-8 nor GBK text")
    yield from enumerate(csv.reader(text.splitlines()), start=1)


MAX_FILE_BYTES = 50 * 1024 * 1024  # a minute table of a day is well under a megabyte


def import_export(
    store: Store,
    show_id: int,
    path: str | Path,
    *,
    day: date | None = None,
    cumulative: bool | None = None,
    source: str | None = None,
    margin: float = DEFAULT_MARGIN_S,
    clock: Clock = time_now,
) -> ImportResult:
    """Read the file, map its columns and commit samples + quarantined rows in one go.

    Rows dated outside the show's window (`studio.metrics.window`) are quarantined."""
    path = Path(path)
    source = source or safe_text("export:" + path.name, 64)
    result = ImportResult()
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise SampleError(
            f"{path.name}: {size / 1e6:.0f} MB is more than a platform export can be "
            f"(limit {MAX_FILE_BYTES // 1_000_000} MB)"
        )
    try:
        table = list(read_table(path))
    except SampleError:
        raise
    except (OSError, MemoryError):
        raise
    except Exception as exc:  # openpyxl and zipfile raise many types for a damaged file
        raise SampleError(f"{path.name}: cannot read the file ({type(exc).__name__})") from exc
    while table and not any(c not in (None, "") for c in table[0][1]):
        table.pop(0)
    if not table:
        raise SampleError(f"{path.name}: the file is empty")
    header_no, header = table[0]
    cols: dict[int, str] = {}
    for i, h in enumerate(header):
        metric = HEADERS.get(normalise_header(h))
        if metric is None:
            if h not in (None, ""):
                result.ignored_columns.append(str(h))
        elif metric not in cols.values():
            cols[i] = metric
            result.columns[str(h)] = metric
    if "ts" not in cols.values():
        raise SampleError(f"{path.name}:{header_no}: no time column (时间) in the header")
    parsed: list[tuple[float, str, dict[str, int | float]]] = []
    bad: list[dict[str, Any]] = []
    with store.session() as s:
        window = show_window(s, show_id, clock(), margin)
    for row_no, cells in table[1:]:
        if not any(c not in (None, "") for c in cells):
            continue
        try:
            values: dict[str, int | float] = {}
            ts, sku = None, ""
            for i, metric in cols.items():
                cell = cells[i] if i < len(cells) else None
                if cell in (None, ""):
                    continue
                if metric == "ts":
                    ts = _cell_ts(cell, day)
                elif metric == "sku":
                    sku = safe_text(str(cell).strip(), 64)
                else:
                    values[metric] = _number(metric, cell)
            if ts is None:
                raise SampleError("no time in this row")
            if not values:
                raise SampleError("no values in this row")
            why = window.refuse(ts)
            if why is not None:
                raise SampleError(why)
            parsed.append((ts, sku, values))
        except (SampleError, ArithmeticError) as exc:
            bad.append(
                {
                    "show_id": show_id,
                    "source": safe_text(str(path), 1000),
                    "line_no": row_no,
                    "raw": safe_text(",".join("" if c is None else str(c) for c in cells), 10_000),
                    "reason": safe_text(str(exc) or type(exc).__name__),
                    "at": utcnow(),
                }
            )
    rows = _to_rows(parsed, show_id, source, cumulative)
    with store.transaction() as s:
        inserted, changes = insert_sample_rows(store, s, rows)
        if bad:
            s.execute(insert(MetricQuarantine), bad)
            changes.append(store.record_change(s, "metric_quarantine", None, show_id))
    store.publish(*changes)
    result.rows, result.inserted, result.bad = len(rows), inserted, len(bad)
    result.problems = [(int(b["line_no"]), str(b["reason"])) for b in bad]
    return result


def _to_rows(
    parsed: Sequence[tuple[float, str, dict[str, int | float]]],
    show_id: int,
    source: str,
    cumulative: bool | None,
) -> list[Row]:
    parsed = sorted(parsed, key=lambda p: (p[1], p[0]))
    per_period: set[str] = set()
    if cumulative is not True:
        last: dict[tuple[str, str], float] = {}
        for _ts, sku, values in parsed:
            for m, v in values.items():
                if m in CUMULATIVE:
                    if cumulative is False or v < last.get((sku, m), 0):
                        per_period.add(m)
                    last[(sku, m)] = v
    running: dict[tuple[str, str], int | float] = {}
    rows: list[Row] = []
    for ts, sku, values in parsed:
        for m, v in values.items():
            if m in per_period:
                v = running.get((sku, m), 0) + v
                running[(sku, m)] = v
            rows.append(make_row(show_id, source, m, ts, v, sku))
    return rows


def export_rows(
    store: Store, show_id: int, step_s: float = 60.0
) -> tuple[list[str], list[list[Any]]]:
    """The show as a table: one row per minute with the running totals at its end."""
    import numpy as np

    from studio.metrics.series import series, value_at

    with store.session() as s:
        # Only the show's span: one sample dated 2099 would otherwise make a table of decades.
        span = show_span(s, show_id, time_now())
        if span is None:
            data = {m: (np.empty(0), np.empty(0)) for m in NAMES}
        else:
            data = series(s, show_id, list(NAMES), since=span[0], until=span[1])
    starts = [ts[0] for ts, _v in data.values() if len(ts)]
    ends = [ts[-1] for ts, _v in data.values() if len(ts)]
    header = ["时间"] + [EXPORT_HEADERS[m] for m in NAMES]
    if not starts:
        return header, []
    grid = np.arange(np.ceil(min(starts) / step_s) * step_s, max(ends) + step_s, step_s)
    grid[-1] = min(grid[-1], max(ends))
    table: list[list[Any]] = []
    cols = {}
    for m in NAMES:
        ts, v = data[m]
        at = value_at(ts, v, grid)
        has = np.searchsorted(ts, grid, side="right") > 0
        cols[m] = (at, has)
    for i, t in enumerate(grid):
        row: list[Any] = [
            datetime.fromtimestamp(float(t)).astimezone().strftime("%Y-%m-%d %H:%M:%S")
        ]
        for m in NAMES:
            at, has = cols[m]
            if not has[i]:
                row.append(None)
            elif m in MONEY:
                row.append(float(Decimal(int(at[i])) / 100))
            elif m == "avg_watch_seconds":
                row.append(round(float(at[i]), 1))
            else:
                row.append(int(at[i]))
        table.append(row)
    return header, table


def write_export(store: Store, show_id: int, out: str | Path, fmt: str) -> int:
    """Write the show's minute table as CSV (UTF-8 with BOM, for Excel) or XLSX; returns rows."""
    header, table = export_rows(store, show_id)
    out = Path(out)
    if fmt == "csv":
        with out.open("w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f)
            w.writerow(header)
            w.writerows(["" if c is None else c for c in r] for r in table)
    elif fmt == "xlsx":
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet("直播数据")
        ws.append(header)
        for r in table:
            ws.append(r)
        wb.save(out)
    else:
        raise ValueError(f"unknown export format {fmt!r} (csv or xlsx)")
    return len(table)
