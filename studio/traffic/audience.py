"""Reading an audience-profile export (用户画像): shares of viewers by gender, age, region...

Two layouts are read, in CSV or in any sheet of a workbook:
- long: a dimension column (维度) next to a label (标签) and a count (人数) and/or share (占比):
  `性别, 男, 1200, 23.5%`;
- blocks: a header whose first cell names the dimension (`性别 | 人数 | 占比`, `年龄 | 占比`,
  `省份 | 占比`), followed by its rows, then a blank row or the next block's header; a workbook
  often has one block per sheet.

Labels for gender, new/returning, followers and device are stored as keys (`male`, `new`,
`follower`, `ios` ...) so the report names them in either language; ages and places stay as
written. Within a dimension a label appears once and the shares add up to at most 100 %.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Final

from studio.traffic import cells
from studio.traffic.cells import CellError, Problem, Sheet

DIMENSIONS: Final[dict[str, tuple[str, ...]]] = {
    "gender": ("性别", "性别分布", "gender", "sex"),
    "age": ("年龄", "年龄段", "年龄分布", "age", "age group"),
    "province": ("省份", "地域", "地区", "省份分布", "地域分布", "省份地域", "province", "region"),
    "city": ("城市", "城市分布", "city"),
    "city_tier": ("城市等级", "城市线级", "城市级别", "city tier"),
    "new_returning": ("新老用户", "新老访客", "新老观众", "访客类型", "用户类型",
                      "new vs returning", "visitor type"),
    "follower": ("粉丝", "是否粉丝", "粉丝类型", "粉丝/非粉丝", "粉丝非粉丝", "关注状态",
                 "follower", "followers"),
    "device": ("设备", "设备类型", "终端", "操作系统", "device", "os"),
}  # fmt: skip
DIMENSION_NAMES: Final = cells.names_table(DIMENSIONS)
LONG_COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "dimension": ("维度", "画像维度", "分析维度", "画像类型", "dimension"),
    "label": ("标签", "分类", "名称", "项目", "选项", "细分", "类别", "label", "item", "category"),
}
LONG_NAMES: Final = cells.names_table(LONG_COLUMNS)
VALUE_COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "count": ("人数", "观众数", "用户数", "数量", "观看人数", "count", "viewers", "users"),
    "share": ("占比", "比例", "百分比", "人数占比", "share", "percent", "ratio"),
}
VALUE_NAMES: Final = cells.names_table(VALUE_COLUMNS)
# Labels stored as keys, per dimension (others are kept as written).
LABELS: Final[dict[str, dict[str, str]]] = {
    "gender": {"男": "male", "男性": "male", "male": "male", "m": "male",
               "女": "female", "女性": "female", "female": "female", "f": "female",
               "未知": "unknown", "其他": "unknown", "unknown": "unknown"},
    "new_returning": {"新用户": "new", "新访客": "new", "新观众": "new", "新客": "new",
                      "新": "new", "new": "new",
                      "老用户": "returning", "老访客": "returning", "老观众": "returning",
                      "老客": "returning", "回访": "returning", "老": "returning",
                      "returning": "returning"},
    "follower": {"粉丝": "follower", "已关注": "follower", "关注": "follower",
                 "follower": "follower", "followers": "follower",
                 "非粉丝": "non_follower", "非粉": "non_follower", "未关注": "non_follower",
                 "nonfollower": "non_follower", "nonfollowers": "non_follower"},
    "device": {"ios": "ios", "iphone": "ios", "苹果": "ios", "安卓": "android",
               "android": "android", "pc": "pc", "电脑": "pc"},
}  # fmt: skip


@dataclass(frozen=True)
class AudienceRow:
    dimension: str
    label: str  # a key (male, new, follower, ios ...) or the label as written
    count: int | None = None
    share: float | None = None  # 0..1


@dataclass
class AudienceTable:
    rows: list[AudienceRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def canonical_label(dimension: str, label: str) -> str:
    return LABELS.get(dimension, {}).get(cells.norm(label), label)


@dataclass
class _Pending:
    dimension: str
    label: str
    count: int | None
    share: tuple[float, bool] | None
    where: str


def _block_dimension(row: tuple[Any, ...]) -> str | None:
    """The dimension a block header names in its first cell (with a value column after it)."""
    firsts = [c for c in row if not cells.blank(c)]
    if len(firsts) < 2:
        return None
    dim = DIMENSION_NAMES.get(cells.norm(firsts[0]))
    if dim is None:
        return None
    values = cells.match_header(row, VALUE_NAMES)
    return dim if values else None


def is_long_header(row: tuple[Any, ...]) -> bool:
    found = cells.match_header(row, LONG_NAMES)
    return "dimension" in found and "label" in found and bool(cells.match_header(row, VALUE_NAMES))


def has_audience_header(sheet: Sheet) -> bool:
    return any(is_long_header(r) or _block_dimension(r) for _, r in sheet.rows)


def _value(
    row: tuple[Any, ...], cols: dict[str, int], header: tuple[Any, ...]
) -> tuple[int | None, tuple[float, bool] | None]:
    count = share = None
    if "count" in cols and cols["count"] < len(row) and not cells.blank(row[cols["count"]]):
        i = cols["count"]
        count = cells.count(row[i], str(header[i]).strip(), cells.unit_of(header[i]))
    if "share" in cols and cols["share"] < len(row) and not cells.blank(row[cols["share"]]):
        share = cells.share_value(row[cols["share"]], str(header[cols["share"]]).strip())
    if count is None and share is None:
        raise CellError("no count (人数) or share (占比) in this row")
    return count, share


def _rows(file: str, sheet: Sheet, out: AudienceTable) -> Iterator[tuple[_Pending, Any]]:
    """Every value row of the sheet with its dimension, and the header its share is read under."""
    mode: str | None = None
    cols: dict[str, int] = {}
    header: tuple[Any, ...] = ()
    block_dim: str | None = None
    for row_no, row in sheet.rows:
        if cells.empty_row(row):
            if mode == "block":
                mode = None  # a blank row ends a block; the long layout may have gaps
            continue
        where = sheet.where(row_no)
        dim = _block_dimension(row)
        if dim is not None:
            mode, block_dim, header = "block", dim, row
            label_at = next(i for i, c in enumerate(row) if not cells.blank(c))
            cols = {**cells.match_header(row, VALUE_NAMES), "label": label_at}
            continue
        if is_long_header(row):
            mode, header = "long", row
            cols = {**cells.match_header(row, LONG_NAMES), **cells.match_header(row, VALUE_NAMES)}
            continue
        if mode is None:
            continue  # a title line above the first header
        try:
            li = cols["label"]
            label_raw = row[li] if li < len(row) else None
            if mode == "long":
                di = cols["dimension"]
                dim_raw = row[di] if di < len(row) else None
                if cells.blank(dim_raw):
                    raise CellError("no dimension (维度) in this row")
                dim = DIMENSION_NAMES.get(cells.norm(dim_raw))
                if dim is None:
                    raise CellError(
                        f"unknown dimension {str(dim_raw).strip()!r} (known: 性别, 年龄, 省份, "
                        "城市, 城市等级, 新老用户, 粉丝, 设备)"
                    )
            else:
                dim = block_dim
            assert dim is not None
            if cells.blank(label_raw):
                raise CellError("no label in this row")
            count, share = _value(row, cols, header)
        except CellError as exc:
            out.problems.append(Problem(file, where, str(exc)))
            continue
        share_header = header[cols["share"]] if "share" in cols else None
        yield _Pending(dim, str(label_raw).strip(), count, share, where), share_header


def read_audience(file: str, sheets: list[Sheet]) -> AudienceTable:
    out = AudienceTable()
    pending: list[tuple[_Pending, Any]] = []
    for sheet in sheets:
        pending.extend(_rows(file, sheet, out))
    by_dim: dict[str, list[tuple[_Pending, Any]]] = {}
    for p in pending:
        by_dim.setdefault(p[0].dimension, []).append(p)
    for dim, items in by_dim.items():
        seen: dict[str, str] = {}
        given = [(g, h) for g, h in items if g.share is not None]
        fractions: dict[int, float] = {}
        if given:
            header = next((h for _, h in given if h is not None), None)
            scaled = cells.scale_shares([g.share for g, _ in given if g.share is not None], header)
            fractions = {id(g): f for (g, _), f in zip(given, scaled, strict=True)}
            total = sum(scaled)
            if total > 1.005:
                first = given[0][0].where
                out.problems.append(
                    Problem(file, first, f"the {dim} shares add up to {total:.1%}, more than 100 %")
                )
                continue
        for item, _ in items:
            label = canonical_label(dim, item.label)
            if label in seen:
                out.problems.append(
                    Problem(
                        file,
                        item.where,
                        f"{item.label!r} appears twice in {dim} (first {seen[label]})",
                    )
                )
                continue
            seen[label] = item.where
            out.rows.append(AudienceRow(dim, label, item.count, fractions.get(id(item))))
    return out
