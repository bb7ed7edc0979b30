"""Importing the spreadsheet scripts studios actually write (Excel .xlsx, or .csv) into a Script.

One row per segment, columns recognised by their (Chinese or English) header wherever the header
row is within the first rows; a title line above the header becomes the show title. Rows with an
empty segment cell continue the segment above (that is how merged cells read). Bare numbers in
the duration column are minutes unless the header says seconds (秒 / s), because that is how
people fill in 时长. An optional second sheet (商品 / products) lists SKUs and prices; otherwise a
product is made for each name in the 商品 column. Problems are reported as FILE:SHEET!ROW.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from studio.script.errors import Issue, SourceMap
from studio.script.model import Cue, FlashSale, LuckyBag, Product, Script, Segment, parse_duration
from studio.script.yaml_io import parse_money

COLUMNS: dict[str, tuple[str, ...]] = {
    "slot": ("时间段", "时间", "时间点", "time", "timeslot", "slot", "时段"),
    "segment": ("环节", "环节名称", "流程", "板块", "segment", "section", "title", "part"),
    "duration": ("时长", "时长分钟", "时长秒", "用时", "duration", "length", "minutes", "mins"),
    "talk": ("话术", "话术要点", "讲解要点", "讲解内容", "内容", "talkingpoints", "talk", "script",
             "cue", "cues"),
    "product": ("商品", "产品", "商品名称", "product", "products", "sku"),
    "benefit": ("福利", "优惠", "福利优惠", "福利机制", "benefit", "benefits", "offer", "promotion"),
    "controller": ("场控配合", "场控", "场控动作", "controller", "controllernotes", "control"),
    "notes": ("备注", "notes", "note", "remark", "remarks"),
    "kind": ("类型", "环节类型", "kind", "type"),
    "id": ("id", "编号", "序号"),
}  # fmt: skip
PRODUCT_COLUMNS: dict[str, tuple[str, ...]] = {
    "sku": ("sku", "货号", "商品编码", "编码", "商品id"),
    "name": ("商品名称", "名称", "商品", "name", "product"),
    "list_price": ("原价", "日常价", "吊牌价", "专柜价", "listprice", "list", "price"),
    "live_price": ("直播价", "到手价", "活动价", "liveprice", "live"),
    "stock": ("库存", "stock", "数量", "quantity"),
    "selling_points": ("卖点", "sellingpoints", "points", "核心卖点"),
    "image": ("图片", "image", "图片路径"),
}
PRODUCT_SHEETS = ("商品", "商品清单", "产品", "products", "product")
# An optional rules sheet (自动提示): one rule a row, passed through for studio.rules to check.
RULE_SHEETS = ("规则", "自动提示", "提示规则", "rules", "rule")
RULE_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("规则", "规则名", "名称", "name", "rule"),
    "when": ("条件", "触发条件", "when", "condition"),
    "sku": ("商品", "sku", "商品编码", "product"),
    "prompt": ("提示", "提词", "口播提示", "prompt"),
    "urgent": ("紧急", "urgent"),
    "banner": ("横幅", "banner"),
    "incident": ("事故", "incident"),
}
KIND_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("lucky_bag", ("福袋", "lucky bag", "luckybag")),
    ("flash_sale", ("秒杀", "flash sale", "flashsale")),
    ("opening", ("开场", "开播", "暖场", "opening", "intro")),
    ("qa", ("答疑", "问答", "q&a", "qa")),
    ("closing", ("收尾", "结束", "下播", "结尾", "closing", "outro")),
    ("interaction", ("互动", "游戏", "抽奖", "interaction", "game")),
)
_HEADER_ROWS = 10
_QTY = re.compile(r"(?:限量|限|共|数量)?\s*(\d+)\s*(?:件|份|单|支|瓶|盒|个|套|pcs|units)", re.I)
_QTY_PREFIX = re.compile(r"(?:限量|数量|quantity|qty)\s*[:：]?\s*(\d+)", re.I)
_PRICE = re.compile(
    r"(?:[¥￥]\s*(\d+(?:\.\d{1,2})?))|(?:(\d+(?:\.\d{1,2})?)\s*元)"
    r"|(?:(?:秒杀价|价格|price)\s*[:：]?\s*(\d+(?:\.\d{1,2})?))",
    re.I,
)
_DRAW = re.compile(r"(\d+(?:\.\d+)?\s*(?:分钟|分|秒|min|m|s))\s*(?:后)?\s*(?:开奖|draw)", re.I)
_SLOT = re.compile(r"(\d{1,2})[:：](\d{2})\s*[-–~至到]\s*(\d{1,2})[:：](\d{2})")


def _norm(header: Any) -> str:
    text = str(header or "").strip().lower()
    return re.sub(r"[\s_/()（）\-·.:：]+", "", text)


def _match_headers(row: Sequence[Any], columns: dict[str, tuple[str, ...]]) -> dict[str, int]:
    found: dict[str, int] = {}
    for col, cell in enumerate(row):
        name = _norm(cell)
        if not name:
            continue
        for field, names in columns.items():
            if field not in found and (
                name in names or any(name.startswith(n) for n in names if len(n) >= 2)
            ):
                found[field] = col
                break
    return found


def _cell(row: Sequence[Any], cols: dict[str, int], field: str) -> Any:
    col = cols.get(field)
    if col is None or col >= len(row):
        return None
    value = row[col]
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _duration(value: Any, unit: int) -> int:
    """A duration cell: Excel time/timedelta, a bare number (in `unit` seconds) or text."""
    if isinstance(value, dt.timedelta):
        return round(value.total_seconds())
    if isinstance(value, dt.time):
        return value.hour * 3600 + value.minute * 60 + value.second
    if isinstance(value, bool):
        raise ValueError(f"not a duration: {value!r}")
    if isinstance(value, int | float):
        secs = float(value) * unit
        if not secs.is_integer():
            raise ValueError(f"durations are whole seconds: {value!r}")
        return int(secs)
    text = str(value).strip()
    if re.fullmatch(r"-?\d+(\.\d+)?", text):
        return _duration(float(text), unit)
    return parse_duration(text)


def _kind(title: str, has_product: bool) -> str:
    low = title.lower()
    for kind, words in KIND_WORDS:
        if any(w in low for w in words):
            return kind
    return "product" if has_product else "talk"


class _Sheet:
    def __init__(self, name: str | None, rows: list[tuple[Any, ...]]) -> None:
        self.name = name
        self.rows = rows

    def where(self, row_number: int) -> str:
        return f"{self.name}!{row_number}" if self.name is not None else str(row_number)


# A script sheet has a few dozen rows; reading stops past these (a sheet that claims a million
# rows, or 16,384 columns, must not be walked cell by cell) and says so.
MAX_ROWS = 5000
MAX_COLS = 64
MAX_SHEETS = 20
# An .xlsx is a zip: what it unpacks to is checked before openpyxl reads it (a small file of
# zeros can unpack to gigabytes of shared strings).
MAX_UNPACKED_BYTES = 100 * 1024 * 1024


class _TooBig(ValueError):
    """A spreadsheet too large to be a show script; the message says what."""


def _read_xlsx(path: Path) -> list[_Sheet]:
    import zipfile

    import openpyxl  # imported here: only spreadsheet imports pay for it

    with zipfile.ZipFile(path) as zf:
        unpacked = sum(i.file_size for i in zf.infolist())
    if unpacked > MAX_UNPACKED_BYTES:
        raise _TooBig(
            f"unpacks to {unpacked / 1e6:.0f} MB, too large for a show script "
            f"(the limit is {MAX_UNPACKED_BYTES // 1_000_000} MB)"
        )
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        if len(wb.worksheets) > MAX_SHEETS:
            raise _TooBig(f"{len(wb.worksheets)} sheets; a show script has one or two")
        return [
            _Sheet(
                ws.title,
                [
                    tuple(r)
                    for r in ws.iter_rows(max_row=MAX_ROWS + 1, max_col=MAX_COLS, values_only=True)
                ],
            )
            for ws in wb.worksheets
        ]
    finally:
        wb.close()


def _read_csv(path: Path) -> list[_Sheet]:
    raw = path.read_bytes()
    # Excel in a Chinese locale saves CSV as GBK; UTF-8 (with or without BOM) is tried first.
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte string
        raise ValueError("unknown text encoding")
    dialect: type[csv.Dialect] | csv.Dialect = csv.excel
    with contextlib.suppress(csv.Error):
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    rows: list[tuple[Any, ...]] = []
    for r in csv.reader(text.splitlines(), dialect):
        rows.append(tuple(r[:MAX_COLS]))
        if len(rows) > MAX_ROWS:
            break
    return [_Sheet(None, rows)]


def _find_header(
    sheet: _Sheet, columns: dict[str, tuple[str, ...]], needed: Iterable[str]
) -> tuple[int, dict[str, int]] | None:
    need = set(needed)
    for i, row in enumerate(sheet.rows[:_HEADER_ROWS]):
        cols = _match_headers(row, columns)
        if need <= set(cols) and len(cols) >= 2:
            return i, cols
    return None


def _products(sheet: _Sheet, src: SourceMap, issues: list[Issue]) -> list[Product]:
    found = _find_header(sheet, PRODUCT_COLUMNS, ("sku", "name"))
    if found is None:
        return []
    header, cols = found
    out: list[Product] = []
    for r, row in enumerate(sheet.rows[header + 1 :], start=header + 2):
        sku = _text(_cell(row, cols, "sku"))
        name = _text(_cell(row, cols, "name"))
        if not sku and not name:
            continue
        i = len(out)
        src.where[("products", i)] = sheet.where(r)
        prices = {}
        for field in ("list_price", "live_price"):
            value = _cell(row, cols, field)
            try:
                prices[field] = parse_money(value) if value is not None else 0
            except ValueError as exc:
                issues.append(Issue(src.file, sheet.where(r), f"product {sku}: {field}: {exc}"))
                prices[field] = 0
        stock_cell = _cell(row, cols, "stock")
        try:
            stock = int(float(_text(stock_cell))) if stock_cell is not None else 0
        except (ValueError, OverflowError):  # OverflowError: 1e400, inf
            issues.append(
                Issue(
                    src.file,
                    sheet.where(r),
                    f"product {sku}: stock is not a number: {stock_cell!r}",
                )
            )
            stock = 0
        points = [
            p.strip()
            for p in re.split(r"[\n;；]", _text(_cell(row, cols, "selling_points")))
            if p.strip()
        ]
        image = _text(_cell(row, cols, "image")) or None
        out.append(
            Product(
                sku=sku or name,
                name=name or sku,
                list_price_cents=prices["list_price"],
                live_price_cents=prices["live_price"],
                stock=stock,
                selling_points=tuple(points),
                image=image,
            )
        )
    return out


def _rules(sheet: _Sheet, src: SourceMap) -> list[dict[str, Any]]:
    """The rules sheet's rows as plain mappings (studio.rules checks them), each at its row."""
    found = _find_header(sheet, RULE_COLUMNS, ("when",))
    if found is None:
        return []
    header, cols = found
    out: list[dict[str, Any]] = []
    for r, row in enumerate(sheet.rows[header + 1 :], start=header + 2):
        rule = {k: v for k in cols if (v := _text(_cell(row, cols, k)))}
        if rule:
            src.where[("rules", len(out))] = sheet.where(r)
            out.append(rule)
    return out


def _flash_sale(benefit: str) -> FlashSale:
    qty = _QTY_PREFIX.search(benefit) or _QTY.search(benefit)
    price = _PRICE.search(benefit)
    price_text = next((g for g in price.groups() if g), None) if price else None
    if qty and len(qty.group(1)) > 12:
        raise ValueError(f"quantity of {len(qty.group(1))} digits")
    return FlashSale(
        quantity=int(qty.group(1)) if qty else None,
        price_cents=parse_money(price_text) if price_text else None,
    )


def _lucky_bag(benefit: str) -> LuckyBag:
    draw = _DRAW.search(benefit)
    seconds = None
    if draw:
        try:
            seconds = parse_duration(draw.group(1).replace(" ", ""))
        except ValueError:
            seconds = None
    return LuckyBag(draw_seconds=seconds, prize=benefit)


def parse_spreadsheet(path: Path) -> tuple[Script, SourceMap, list[Issue]]:
    """Parse a spreadsheet script; problems are returned, not raised."""
    name = str(path)
    src = SourceMap(name)
    try:
        sheets = _read_xlsx(path) if path.suffix.lower() != ".csv" else _read_csv(path)
    except _TooBig as exc:
        return Script(title=""), src, [Issue(name, "1", str(exc), fatal=True)]
    except Exception as exc:  # openpyxl raises many types for a damaged file
        reason = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
        return (
            Script(title=""),
            src,
            [
                Issue(
                    name,
                    "1",
                    f"cannot read the spreadsheet: {reason or type(exc).__name__}",
                    fatal=True,
                )
            ],
        )
    for sheet in sheets:
        if len(sheet.rows) > MAX_ROWS:
            return (
                Script(title=""),
                src,
                [
                    Issue(
                        name,
                        sheet.where(MAX_ROWS + 1),
                        f"more than {MAX_ROWS} rows; a show script has a few dozen",
                        fatal=True,
                    )
                ],
            )
    main: tuple[_Sheet, int, dict[str, int]] | None = None
    product_sheet = rule_sheet = None
    for sheet in sheets:
        if sheet.name is not None and _norm(sheet.name) in PRODUCT_SHEETS:
            product_sheet = sheet
            continue
        if sheet.name is not None and _norm(sheet.name) in RULE_SHEETS:
            rule_sheet = sheet
            continue
        found = _find_header(sheet, COLUMNS, ("segment",))
        if found is not None and main is None and ("duration" in found[1] or "talk" in found[1]):
            main = (sheet, *found)
    if main is None:
        first = sheets[0] if sheets else _Sheet(None, [])
        wanted = "环节 (segment), 时长 (duration), 话术 (talking points)"
        return (
            Script(title=""),
            src,
            [
                Issue(
                    name,
                    first.where(1),
                    f"no header row found: expected columns {wanted}",
                    fatal=True,
                )
            ],
        )
    sheet, header, cols = main
    src.default = sheet.where(header + 1)
    issues: list[Issue] = []
    title = (
        next((_text(c) for row in sheet.rows[:header] for c in row if _text(c)), "") or path.stem
    )
    products = _products(product_sheet, src, issues) if product_sheet is not None else []
    rules = _rules(rule_sheet, src) if rule_sheet is not None else []
    by_name = {p.name: p.sku for p in products} | {p.sku: p.sku for p in products}
    dur_header = _norm(sheet.rows[header][cols["duration"]]) if "duration" in cols else ""
    unit = (
        1
        if ("秒" in dur_header or dur_header.endswith(("s", "sec", "seconds")))
        and "分" not in dur_header
        and "min" not in dur_header
        else 60
    )

    segments: list[dict[str, Any]] = []
    for r, row in enumerate(sheet.rows[header + 1 :], start=header + 2):
        seg_title = _text(_cell(row, cols, "segment"))
        talk = _text(_cell(row, cols, "talk"))
        controller = _text(_cell(row, cols, "controller"))
        notes = "\n".join(x for x in (controller, _text(_cell(row, cols, "notes"))) if x)
        cues = [
            Cue(text=line.strip(), notes=notes if k == 0 else "")
            for k, line in enumerate(x for x in talk.splitlines() if x.strip())
        ]
        if not cues and notes:
            cues = [Cue(text="", notes=notes)]
        duration_cell = _cell(row, cols, "duration")
        if not seg_title and duration_cell is None:
            if segments and cues:
                # Each cue keeps its own row: a continuation row is where its text stands.
                before = len(segments[-1]["cues"])
                for k in range(len(cues)):
                    src.where[("segments", len(segments) - 1, "cues", before + k)] = sheet.where(r)
                segments[-1]["cues"].extend(cues)
            continue
        i = len(segments)
        where = sheet.where(r)
        src.where[("segments", i)] = where
        for k in range(len(cues)):
            src.where[("segments", i, "cues", k)] = where
        seconds: int | None = None
        slot = _SLOT.search(_text(_cell(row, cols, "slot")))
        if duration_cell is not None:
            try:
                seconds = _duration(duration_cell, unit)
            except ValueError as exc:
                issues.append(Issue(name, where, f"segment {seg_title or i + 1}: duration: {exc}"))
                src.flagged.add(("segments", i, "duration"))
        elif slot:
            h1, m1, h2, m2 = (int(g) for g in slot.groups())
            seconds = ((h2 * 60 + m2) - (h1 * 60 + m1)) % (24 * 60) * 60
        else:
            issues.append(Issue(name, where, f"segment {seg_title or i + 1}: missing duration"))
            src.flagged.add(("segments", i, "duration"))
        product_text = _text(_cell(row, cols, "product"))
        sku = None
        if product_text:
            sku = by_name.get(product_text)
            if sku is None and not products:
                sku = product_text  # no product sheet: the column names the products
            elif sku is None:
                sku = next(
                    (p.sku for p in products if p.name in product_text or product_text in p.name),
                    product_text,
                )
        benefit = _text(_cell(row, cols, "benefit"))
        kind = _text(_cell(row, cols, "kind")) or _kind(seg_title, sku is not None)
        flash = lucky = None
        if kind == "flash_sale":
            try:
                flash = _flash_sale(benefit)
            except ValueError as exc:
                issues.append(Issue(name, where, f"segment {seg_title}: flash sale: {exc}"))
                flash = FlashSale()
        elif kind == "lucky_bag":
            lucky = _lucky_bag(benefit)
        elif benefit and cues:
            cues[0] = Cue(
                text=cues[0].text,
                notes="\n".join(x for x in (cues[0].notes, f"福利: {benefit}") if x),
            )
        seg_id = _text(_cell(row, cols, "id"))
        segments.append(
            {
                "id": f"seg-{i + 1:02d}" if not seg_id or seg_id.isdigit() else seg_id,
                "title": seg_title or f"#{i + 1}",
                "kind": kind,
                "seconds": seconds or 0,
                "product": sku,
                "cues": cues,
                "flash": flash,
                "lucky": lucky,
            }
        )
    if not products:
        products = [
            Product(sku=s, name=s)
            for s in dict.fromkeys(seg["product"] for seg in segments if seg["product"])
        ]
    script = Script(
        title=title, products=tuple(products),
        segments=tuple(Segment(id=s["id"], title=s["title"], kind=s["kind"],
                               planned_seconds=s["seconds"], product=s["product"],
                               cues=tuple(s["cues"]), flash_sale=s["flash"],
                               lucky_bag=s["lucky"]) for s in segments),
        rules=tuple(rules),
    )  # fmt: skip
    return script, src, issues
