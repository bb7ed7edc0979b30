"""Reading a traffic-source table (流量来源): one row per channel.

| Field        | Headers (any of)                                             | In the file       |
|--------------|--------------------------------------------------------------|-------------------|
| channel      | 渠道, 流量来源, 来源, 流量渠道, 渠道名称, 来源渠道, 一级来源       | text              |
| entries      | 进入人数, 观看人数, 进房人数, 进入直播间人数, 观众人数, 人数, UV  | people            |
| exposures    | 曝光人数, 直播间曝光人数                                        | people            |
| share        | 占比, 人数占比, 进入占比, 观看占比, 流量占比                       | % or fraction     |
| gmv_cents    | 成交金额, GMV, 成交额, 支付金额, 引导成交金额, 销售额              | yuan (万元 too)   |
| orders       | 成交订单数, 订单数, 支付订单数, 成交单数                          | orders            |
| buyers       | 成交人数, 支付人数, 成交用户数                                  | people            |
| spend_cents  | 消耗, 投放消耗, 花费, 广告消耗, 千川消耗, 消耗金额, 投放金额       | yuan              |

A channel and at least entries or a share are needed. A total row (合计/总计) is left out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

from studio.traffic import cells
from studio.traffic.cells import CellError, Problem, Sheet
from studio.traffic.channels import channel_of, is_total

COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "channel": ("渠道", "流量来源", "来源", "流量渠道", "渠道名称", "来源渠道", "流量来源渠道",
                "一级来源", "流量类型", "channel", "source", "traffic source"),
    "entries": ("进入人数", "观看人数", "进房人数", "进入直播间人数", "观众人数", "访问人数",
                "人数", "entries", "viewers", "uv"),
    "exposures": ("曝光人数", "直播间曝光人数", "exposures"),
    "share": ("占比", "人数占比", "进入占比", "观看占比", "流量占比", "share", "percent"),
    "gmv_cents": ("成交金额", "GMV", "成交额", "支付金额", "引导成交金额", "销售额", "gmv"),
    "orders": ("成交订单数", "订单数", "支付订单数", "成交单数", "orders"),
    "buyers": ("成交人数", "支付人数", "成交用户数", "buyers"),
    "spend_cents": ("消耗", "投放消耗", "花费", "广告消耗", "千川消耗", "消耗金额", "投放金额",
                    "spend", "cost", "ad spend"),
}  # fmt: skip
NAMES: Final = cells.names_table(COLUMNS)
_COUNTS: Final = ("entries", "exposures", "orders", "buyers")
_MONEY: Final = ("gmv_cents", "spend_cents")


@dataclass(frozen=True)
class SourceRow:
    label: str  # as written in the file
    channel: str  # the channel key, or "other" for a label no variant matches
    entries: int | None = None
    exposures: int | None = None
    share: float | None = None  # of all entries, 0..1, when the file gives it
    gmv_cents: int | None = None
    orders: int | None = None
    buyers: int | None = None
    spend_cents: int | None = None


@dataclass
class SourceTable:
    rows: list[SourceRow]
    problems: list[Problem]
    unknown_labels: list[str]  # kept, counted as "other"


def is_source_header(cells_: tuple[Any, ...]) -> bool:
    found = cells.match_header(cells_, NAMES)
    return "channel" in found and ("entries" in found or "share" in found)


def read_sources(file: str, sheet: Sheet, header_at: int) -> SourceTable:
    """The channel rows below the header at index `header_at` of the sheet's rows."""
    header_no, header = sheet.rows[header_at]
    cols = cells.match_header(header, NAMES)
    units = {k: cells.unit_of(header[i]) for k, i in cols.items()}
    out = SourceTable([], [], [])
    parsed: list[tuple[str, dict[str, Any], int, tuple[float, bool] | None]] = []
    seen: dict[str, int] = {}
    for row_no, row in sheet.rows[header_at + 1 :]:
        if cells.empty_row(row):
            continue
        where = sheet.where(row_no)

        def cell(key: str, row: tuple[Any, ...] = row) -> Any:
            i = cols.get(key)
            return row[i] if i is not None and i < len(row) else None

        label_raw = cell("channel")
        if cells.blank(label_raw):
            out.problems.append(Problem(file, where, "no channel in this row"))
            continue
        label = str(label_raw).strip()
        if is_total(label):
            continue
        if label in seen:
            out.problems.append(
                Problem(
                    file, where, f"channel {label!r} appears twice (first on row {seen[label]})"
                )
            )
            continue
        seen[label] = row_no
        values: dict[str, Any] = {}
        share: tuple[float, bool] | None = None
        try:
            for key in cols:
                raw = cell(key)
                if key == "channel" or cells.blank(raw):
                    continue
                what = str(header[cols[key]]).strip()
                if key == "share":
                    share = cells.share_value(raw, what)
                    continue
                parse: Callable[[Any, str, str], int] = (
                    cells.money_cents if key in _MONEY else cells.count
                )
                values[key] = parse(raw, what, units.get(key, ""))
        except CellError as exc:
            out.problems.append(Problem(file, where, str(exc)))
            continue
        if "entries" not in values and share is None:
            out.problems.append(
                Problem(file, where, f"channel {label!r}: no entries (进入人数) or share (占比)")
            )
            continue
        parsed.append((label, values, row_no, share))
    if "share" in cols:
        given = [p[3] for p in parsed if p[3] is not None]
        fractions = iter(cells.scale_shares(given, header[cols["share"]]))
        shares: list[float | None] = [next(fractions) if p[3] is not None else None for p in parsed]
        total = sum(s for s in shares if s is not None)
        if total > 1.005:
            out.problems.append(
                Problem(
                    file,
                    sheet.where(header_no),
                    f"the shares add up to {total:.1%}, more than 100 %",
                )
            )
    else:
        shares = [None] * len(parsed)
    for (label, values, _row_no, _raw), fraction in zip(parsed, shares, strict=True):
        channel = channel_of(label)
        if channel is None:
            out.unknown_labels.append(label)
        out.rows.append(
            SourceRow(label=label, channel=channel or "other", share=fraction, **values)
        )
    return out
