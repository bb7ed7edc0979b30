"""An export's cells: sheets from CSV or xlsx, header matching, and the numbers in the cells.

Exports come from several consoles (巨量百应, 千川, 淘宝直播 中控台 ...) and from people who
copied them into Excel, so counts may read "1,234", "1.2万" or 1234.0; money "¥1,234.50",
"12.3万元"; shares "45.2%" or 0.452. Anything else is a `CellError` naming the cell's column.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

XLSX_SUFFIXES = (".xlsx", ".xlsm")
SUFFIXES = (".csv", ".txt", *XLSX_SUFFIXES)
HEADER_SEARCH_ROWS = 10  # a title line or two may sit above the header
_UNIT = re.compile(r"[（(][^)）]*[)）]$")
_PUNCT = re.compile(r"[\s_/()（）\-·.:：、&＆|]+")
_WAN = ("万", "w", "W")


class CellError(ValueError):
    """A cell that cannot be read; the message names the column and the value."""


class FileProblem(ValueError):
    """A file that cannot be used at all (missing, unreadable, no header): exit code 2."""


@dataclass(frozen=True)
class Problem:
    """One bad row, printed as `FILE:ROW: message` (`FILE:SHEET!ROW` for later xlsx sheets)."""

    file: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.where}: {self.message}"


@dataclass(frozen=True)
class Sheet:
    name: str  # "" for a CSV file
    first: bool  # the file's first sheet: its rows are cited as FILE:ROW
    rows: tuple[tuple[int, tuple[Any, ...]], ...]  # (row number from 1, cells)

    def where(self, row_no: int) -> str:
        return str(row_no) if self.first else f"{self.name}!{row_no}"


def read_sheets(path: Path) -> list[Sheet]:
    """Every sheet of an xlsx file, or the CSV file (UTF-8, with or without BOM, or GBK)."""
    if not path.exists():
        raise FileProblem(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise FileProblem(f"{path}: an export is read from .csv or .xlsx, not {suffix or 'this'}")
    if suffix in XLSX_SUFFIXES:
        return _read_xlsx(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FileProblem(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte string
        raise FileProblem(f"{path}: neither UTF-8 nor GBK text")
    if "\x00" in text:
        raise FileProblem(f"{path}: a binary file, not CSV text")
    try:
        rows = tuple((i, tuple(r)) for i, r in enumerate(csv.reader(text.splitlines()), start=1))
    except csv.Error as exc:
        raise FileProblem(f"{path}: not a readable CSV file: {exc}") from exc
    return [Sheet("", True, rows)]


def _read_xlsx(path: Path) -> list[Sheet]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, OSError, KeyError, ValueError) as exc:
        raise FileProblem(f"{path}: not a readable xlsx workbook ({exc})") from exc
    try:
        sheets = []
        for n, ws in enumerate(wb.worksheets):
            rows = tuple(
                (i, tuple(r)) for i, r in enumerate(ws.iter_rows(values_only=True), start=1)
            )
            sheets.append(Sheet(ws.title, n == 0, rows))
        return sheets
    finally:
        wb.close()


def blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def empty_row(cells: Sequence[Any]) -> bool:
    return all(blank(c) for c in cells)


def norm(text: Any) -> str:
    """A header or a channel name as matched: no spaces, punctuation or unit suffix, lower case."""
    t = str(text or "").strip()
    t = _UNIT.sub("", t)
    return _PUNCT.sub("", t).lower()


def unit_of(header: Any) -> str:
    """The unit in a header's parentheses: "成交金额(万元)" -> "万元"."""
    m = re.search(r"[（(]([^)）]*)[)）]\s*$", str(header or ""))
    return m.group(1).strip() if m else ""


def names_table(columns: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """{normalised header: field} from {field: header variants}."""
    out: dict[str, str] = {}
    for key, names in columns.items():
        for name in names:
            out[norm(name)] = key
    return out


def match_header(cells: Sequence[Any], names: Mapping[str, str]) -> dict[str, int]:
    """field -> column index for the cells that are known headers (the first of each wins)."""
    found: dict[str, int] = {}
    for i, cell in enumerate(cells):
        key = names.get(norm(cell))
        if key is not None and key not in found:
            found[key] = i
    return found


def _text_number(raw: str, what: str) -> tuple[Decimal, bool]:
    """(number, had a 万 suffix) from text such as "1,234", "¥1.5万", "12.3万元"."""
    t = raw.strip().replace(",", "").replace("，", "").replace("¥", "").replace("￥", "")
    t = t.removesuffix("元").strip()
    wan = t.endswith(_WAN)
    if wan:
        t = t[:-1].strip()
    if t.endswith(("%", "％")):
        raise CellError(f"{what}: {raw!r} is a rate; a count is expected here")
    try:
        return Decimal(t), wan
    except InvalidOperation as exc:
        raise CellError(f"{what}: {raw!r} is not a number") from exc


def _decimal(raw: Any, what: str) -> tuple[Decimal, bool]:
    if isinstance(raw, bool):
        raise CellError(f"{what}: {raw!r} is not a number")
    if isinstance(raw, int):
        return Decimal(raw), False
    if isinstance(raw, float):
        if not math.isfinite(raw):
            raise CellError(f"{what}: {raw!r} is not a number")
        return Decimal(repr(raw)), False
    if isinstance(raw, str):
        return _text_number(raw, what)
    raise CellError(f"{what}: {raw!r} is not a number")


def count(raw: Any, what: str, unit: str = "") -> int:
    """A whole, non-negative number of people or orders ("1.2万" is 12,000)."""
    d, wan = _decimal(raw, what)
    if not d.is_finite():
        raise CellError(f"{what}: {raw!r} is not a number")
    if wan or unit.startswith("万"):
        d *= 10_000
    if d < 0:
        raise CellError(f"{what}: {raw!r} cannot be negative")
    if d != d.to_integral_value():
        raise CellError(f"{what}: {raw!r} must be a whole number")
    return int(d)


def money_cents(raw: Any, what: str, unit: str = "") -> int:
    """Yuan in the file (or 万元 by the header or the cell) as integer fen."""
    d, wan = _decimal(raw, what)
    if not d.is_finite():
        raise CellError(f"{what}: {raw!r} is not a number")
    if wan or unit.startswith("万"):
        d *= 10_000
    if unit in ("分", "fen", "cents"):
        d /= 100
    if d < 0:
        raise CellError(f"{what}: {raw!r} cannot be negative")
    return int((d * 100).to_integral_value())


def share_value(raw: Any, what: str) -> tuple[float, bool]:
    """(number, written with %) of a share cell; the caller scales a column of plain numbers."""
    if isinstance(raw, str):
        t = raw.strip().replace(",", "")
        pct = t.endswith(("%", "％"))
        t = t.rstrip("%％").strip()
        try:
            d = Decimal(t)
        except InvalidOperation as exc:
            raise CellError(f"{what}: {raw!r} is not a share") from exc
        v = float(d)
    elif isinstance(raw, int | float) and not isinstance(raw, bool):
        v, pct = float(raw), False
    else:
        raise CellError(f"{what}: {raw!r} is not a share")
    if not math.isfinite(v) or v < 0:
        raise CellError(f"{what}: {raw!r} is not a share between 0 and 100 %")
    return v, pct


def scale_shares(values: Sequence[tuple[float, bool]], header: Any) -> list[float]:
    """Shares as fractions: cells with "%", or a column headed "(%)" or holding a number above 1,
    are percentages; a column of numbers all at most 1 is already fractions (xlsx stores a
    percent-formatted 45.2 % as 0.452)."""
    percent_column = "%" in str(header or "") or any(v > 1 for v, pct in values if not pct)
    return [v / 100 if pct or percent_column else v for v, pct in values]


def row_text(cells: Sequence[Any]) -> str:
    return ",".join("" if c is None else str(c) for c in cells)
