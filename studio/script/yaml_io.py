"""Reading and writing show scripts as YAML, with a line number for every problem.

The file is composed into YAML nodes (not loaded straight to dicts) because only nodes keep their
marks: that is what lets every message say FILE:LINE. Structural problems (wrong type, unreadable
duration, unknown key) are collected here; `validate` adds the cross-field checks.

Saving writes the canonical form (durations like `1h30m`, money in yuan). A save -> load round
trip gives back an equal Script; comments in a hand-written file are not kept (PyYAML drops them).
"""

from __future__ import annotations

import math
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from studio.script.errors import Issue, SourceMap
from studio.script.model import (
    DEFAULT_WARN_SECONDS,
    Coupon,
    Cue,
    FlashSale,
    LuckyBag,
    Product,
    Script,
    Segment,
    format_duration,
    parse_duration,
)

NULL_TAG = "tag:yaml.org,2002:null"
SCRIPT_KEYS = {"title", "planned_start", "slot", "gmv_target", "traffic_target", "products",
               "coupons", "segments", "compliance", "rules"}  # fmt: skip
PRODUCT_KEYS = {"sku", "name", "list_price", "live_price", "stock", "selling_points", "image",
                "link", "floor", "cost", "low_stock"}  # fmt: skip
COUPON_KEYS = {"name", "value", "threshold", "count", "valid_from", "valid_to", "skus"}
SEGMENT_KEYS = {"id", "title", "kind", "duration", "product", "warn", "cues", "flash_sale",
                "lucky_bag"}  # fmt: skip
CUE_KEYS = {"text", "notes", "obs"}
FLASH_KEYS = {"quantity", "price"}
BAG_KEYS = {"draw", "prize"}


def parse_money(text: object) -> int:
    """'199', '199.9', '¥1,299.00', '99元' -> cents. Raises ValueError."""
    raw = str(text).strip().replace(",", "").replace("，", "")
    for mark in ("¥", "￥", "元", "RMB", "rmb"):
        raw = raw.replace(mark, "")
    try:
        value = Decimal(raw.strip())
    except InvalidOperation as exc:
        raise ValueError(f"not an amount of yuan: {text!r}") from exc
    if not value.is_finite():
        raise ValueError(f"not an amount of yuan: {text!r}")
    if value and value.adjusted() >= MONEY_DIGITS:
        # Decimal would happily make 10^99999999 (and overflow only when multiplied).
        raise ValueError(f"{_short(text)} is more money than studio can store")
    cents = value * 100
    if cents != cents.to_integral_value():
        raise ValueError(f"more than two decimals in {text!r}")
    return int(cents)


# Yuan amounts with more digits than this are refused while reading (limits.py has the exact
# ranges the store accepts and says them); the cut here only keeps the arithmetic finite.
MONEY_DIGITS = 30
# Nesting deeper than this is not a script (PyYAML's composer recurses once per level).
MAX_DEPTH = 40
# Values (obs, compliance) passed through as JSON: at most this many nodes, counting every
# use of an alias, so `&a [*b, *b, ...]` chains ("billion laughs") cannot multiply.
MAX_PLAIN_NODES = 20_000
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    NULL_TAG,
}


def _short(value: object, limit: int = 40) -> str:
    text = repr(str(value))
    return text if len(text) <= limit else f"{text[: limit - 5]}…'"


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


class _NotPlain(ValueError):
    """A value that cannot be passed through as JSON; the message says why."""


def cents_to_yaml(cents: int) -> int | float:
    """Whole yuan stay integers; otherwise a float whose repr is the exact two-decimal amount."""
    if cents % 100 == 0:
        return cents // 100
    return float(Decimal(cents) / 100)


def parse_start(text: str) -> datetime:
    """An ISO time; without a zone it is local time, as a person writing the file means it."""
    dt = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    return dt if dt.tzinfo is not None else dt.astimezone()


class _Reader:
    """Turns nodes into model objects, noting every location and every problem."""

    def __init__(self, filename: str) -> None:
        self.src = SourceMap(filename)
        self.issues: list[Issue] = []
        self.rules_kept = 0
        self._constructor = SafeConstructor()

    # -- generic helpers -------------------------------------------------------------------
    def _line(self, node: Node) -> str:
        return str(node.start_mark.line + 1)

    def problem(self, node: Node | None, message: str, path: tuple[Any, ...] = ()) -> None:
        where = self._line(node) if node is not None else self.src.at(*path)
        self.issues.append(Issue(self.src.file, where, message))
        if path:
            self.src.flagged.add(path)

    def mapping(
        self, node: Node, what: str, allowed: set[str], path: tuple[Any, ...]
    ) -> dict[str, tuple[Node, Node]] | None:
        if not isinstance(node, MappingNode):
            self.problem(node, f"{what} must be a mapping of key: value", path)
            return None
        out: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.problem(key_node, f"{what}: keys must be plain words")
                continue
            key = key_node.value
            if key in out:
                self.problem(key_node, f"{what}: key {key!r} appears twice")
                continue
            if key not in allowed:
                known = ", ".join(sorted(allowed))
                self.problem(key_node, f"{what}: unknown key {key!r} (known keys: {known})")
                continue
            out[key] = (key_node, value_node)
            self.src.where[(*path, key)] = self._line(key_node)
        return out

    def is_null(self, node: Node) -> bool:
        return isinstance(node, ScalarNode) and node.tag == NULL_TAG

    def text(
        self,
        fields: dict[str, tuple[Node, Node]],
        key: str,
        what: str,
        path: tuple[Any, ...],
        required: bool = False,
        parent: Node | None = None,
    ) -> str | None:
        if key not in fields or self.is_null(fields[key][1]):
            if required:
                self.problem(
                    fields[key][1] if key in fields else parent,
                    f"{what}: missing {key}",
                    (*path, key),
                )
            return None
        node = fields[key][1]
        if not isinstance(node, ScalarNode):
            self.problem(node, f"{what}: {key} must be text", (*path, key))
            return None
        if _has_surrogate(node.value):
            # A "\ud800" escape: no database or terminal can take it.
            self.problem(node, f"{what}: {key} is not valid text (a lone surrogate escape)")
            return None
        # The raw scalar keeps what the author wrote ("1.50" stays "1.50", "yes" stays "yes").
        return str(node.value)

    def convert(
        self,
        fields: dict[str, tuple[Node, Node]],
        key: str,
        what: str,
        path: tuple[Any, ...],
        parse: Any,
        required: bool = False,
        parent: Node | None = None,
    ) -> Any:
        """Parse a scalar field with `parse(raw_text)`; report and return None when it fails."""
        raw = self.text(fields, key, what, path, required=required, parent=parent)
        if raw is None:
            return None
        try:
            return parse(raw)
        except (ValueError, ArithmeticError) as exc:
            # ArithmeticError: OverflowError / decimal.Overflow from numbers of 400 digits.
            reason = str(exc) if isinstance(exc, ValueError) else f"{_short(raw)} is too large"
            self.problem(fields[key][1], f"{what}: {key}: {reason}", (*path, key))
            return None

    def integer(self, raw: str) -> int:
        try:
            return int(raw.replace(",", "").strip())
        except ValueError:
            raise ValueError(f"not a whole number: {raw!r}") from None

    def plain(self, node: Node, what: str) -> dict[str, Any] | None:
        """A mapping passed through as JSON (a cue's obs, the compliance section): plain
        text, numbers, true/false, lists and mappings only; None (reported) otherwise."""
        budget = [MAX_PLAIN_NODES]
        try:
            value = self._plain(node, 0, budget)
        except _NotPlain as exc:
            self.problem(node, f"{what}: {exc}")
            return None
        if not isinstance(value, dict):
            self.problem(node, f"{what} must be a mapping")
            return None
        return value

    def _plain(self, node: Node, depth: int, budget: list[int]) -> Any:
        budget[0] -= 1
        if budget[0] < 0:
            raise _NotPlain(f"more than {MAX_PLAIN_NODES} values (aliases count each time)")
        if depth > MAX_DEPTH:
            raise _NotPlain("nested too deeply (or an alias that contains itself)")
        line = self._line(node)
        if isinstance(node, ScalarNode):
            if node.tag not in _PLAIN_TAGS:
                raise _NotPlain(f"line {line}: {node.tag} values are not allowed here")
            if _has_surrogate(node.value):
                raise _NotPlain(f"line {line}: not valid text (a lone surrogate escape)")
            try:
                value = self._constructor.construct_object(node)
            except (ValueError, ArithmeticError, yaml.YAMLError) as exc:
                raise _NotPlain(f"line {line}: cannot read {_short(node.value)}: {exc}") from None
            if isinstance(value, float) and not math.isfinite(value):
                raise _NotPlain(f"line {line}: {_short(node.value)} is not a finite number")
            if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 2**63:
                raise _NotPlain(f"line {line}: {_short(node.value)} is too large")
            return value
        if isinstance(node, SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                raise _NotPlain(f"line {line}: {node.tag} values are not allowed here")
            return [self._plain(child, depth + 1, budget) for child in node.value]
        if isinstance(node, MappingNode):
            if node.tag != "tag:yaml.org,2002:map":
                raise _NotPlain(f"line {line}: {node.tag} values are not allowed here")
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode) or key_node.tag not in _PLAIN_TAGS:
                    raise _NotPlain(f"line {self._line(key_node)}: keys must be plain words")
                if _has_surrogate(key_node.value):
                    raise _NotPlain(f"line {self._line(key_node)}: a key is not valid text")
                out[str(key_node.value)] = self._plain(value_node, depth + 1, budget)
            return out
        raise _NotPlain(f"line {line}: not a value")

    # -- the script ------------------------------------------------------------------------
    def script(self, root: Node | None) -> Script:
        if root is None:
            self.issues.append(Issue(self.src.file, "1", "the file is empty", fatal=True))
            return Script(title="")
        top = self.mapping(root, "script", SCRIPT_KEYS, ())
        if top is None:
            self.issues[-1] = Issue(
                self.src.file, self.issues[-1].where, self.issues[-1].message, fatal=True
            )
            return Script(title="")
        title = self.text(top, "title", "script", (), required=True, parent=root) or ""
        start = self.convert(top, "planned_start", "script", (), parse_start)
        slot = self.convert(top, "slot", "script", (), parse_duration)
        gmv = self.convert(top, "gmv_target", "script", (), parse_money) or 0
        traffic = self.convert(top, "traffic_target", "script", (), self.integer) or 0
        products: list[Product] = []
        if "products" in top:
            products = self.sequence(top["products"][1], "products", self.product)
        coupons: list[Coupon] = []
        if "coupons" in top:
            coupons = self.sequence(top["coupons"][1], "coupons", self.coupon)
        segments: list[Segment] = []
        if "segments" in top:
            segments = self.sequence(top["segments"][1], "segments", self.segment)
        else:
            self.problem(root, "script: missing segments", ("segments",))
        compliance = None
        if "compliance" in top and not self.is_null(top["compliance"][1]):
            compliance = self.plain(top["compliance"][1], "script: compliance")
        rules: list[dict[str, Any]] = []
        if "rules" in top:
            rules = self.sequence(top["rules"][1], "rules", self.rule)
        return Script(
            title=title,
            planned_start=start,
            slot_seconds=slot,
            gmv_target_cents=gmv,
            traffic_target=traffic,
            products=tuple(products),
            segments=tuple(segments),
            coupons=tuple(coupons),
            compliance=compliance,
            rules=tuple(rules),
        )

    def rule(self, node: Node, i: int) -> dict[str, Any] | None:
        """A rule as a plain mapping, its lines noted under its place among the rules kept
        (`Script.rules` leaves out what is not a mapping); `studio.rules` checks the rest."""
        value = self.plain(node, f"rule {i + 1}")
        if value is not None and isinstance(node, MappingNode):
            n = self.rules_kept
            self.rules_kept += 1
            self.src.where[("rules", n)] = self._line(node)
            for key_node, _ in node.value:
                self.src.where[("rules", n, str(key_node.value))] = self._line(key_node)
        return value

    def sequence(self, node: Node, name: str, item: Any) -> list[Any]:
        if self.is_null(node):
            return []
        if not isinstance(node, SequenceNode):
            self.problem(node, f"{name} must be a list (items starting with '- ')", (name,))
            return []
        out = []
        for i, child in enumerate(node.value):
            self.src.where[(name, i)] = self._line(child)
            value = item(child, i)
            if value is not None:
                out.append(value)
        return out

    def product(self, node: Node, i: int) -> Product | None:
        path = ("products", i)
        what = f"product {i + 1}"
        f = self.mapping(node, what, PRODUCT_KEYS, path)
        if f is None:
            return None
        sku = self.text(f, "sku", what, path, required=True, parent=node) or ""
        what = f"product {sku or i + 1}"
        name = self.text(f, "name", what, path, required=True, parent=node) or ""
        points: list[str] = []
        if "selling_points" in f:
            pnode = f["selling_points"][1]
            if isinstance(pnode, SequenceNode) and all(
                isinstance(c, ScalarNode) for c in pnode.value
            ):
                points = [str(c.value) for c in pnode.value]
            elif isinstance(pnode, ScalarNode) and not self.is_null(pnode):
                points = [str(pnode.value)]
            elif not self.is_null(pnode):
                self.problem(pnode, f"{what}: selling_points must be a list of text")
        return Product(
            sku=sku,
            name=name,
            list_price_cents=self.convert(f, "list_price", what, path, parse_money) or 0,
            live_price_cents=self.convert(f, "live_price", what, path, parse_money) or 0,
            stock=self.convert(f, "stock", what, path, self.integer) or 0,
            selling_points=tuple(points),
            image=self.text(f, "image", what, path),
            link=self.convert(f, "link", what, path, self.integer),
            floor_cents=self.convert(f, "floor", what, path, parse_money),
            cost_cents=self.convert(f, "cost", what, path, parse_money),
            low_stock=self.convert(f, "low_stock", what, path, self.integer),
        )

    def coupon(self, node: Node, i: int) -> Coupon | None:
        path = ("coupons", i)
        what = f"coupon {i + 1}"
        f = self.mapping(node, what, COUPON_KEYS, path)
        if f is None:
            return None
        skus: list[str] = []
        if "skus" in f:
            snode = f["skus"][1]
            if isinstance(snode, SequenceNode) and all(
                isinstance(c, ScalarNode) for c in snode.value
            ):
                skus = [str(c.value) for c in snode.value]
            elif isinstance(snode, ScalarNode) and not self.is_null(snode):
                skus = [str(snode.value)]
            elif not self.is_null(snode):
                self.problem(snode, f"{what}: skus must be a list of SKUs", (*path, "skus"))
        value = self.convert(f, "value", what, path, parse_money, required=True, parent=node)
        return Coupon(
            value_cents=value if value is not None else 0,
            threshold_cents=self.convert(f, "threshold", what, path, parse_money) or 0,
            count=self.convert(f, "count", what, path, self.integer) or 0,
            valid_from=self.convert(f, "valid_from", what, path, parse_start),
            valid_to=self.convert(f, "valid_to", what, path, parse_start),
            skus=tuple(skus),
            name=self.text(f, "name", what, path) or "",
        )

    def segment(self, node: Node, i: int) -> Segment | None:
        path = ("segments", i)
        what = f"segment {i + 1}"
        f = self.mapping(node, what, SEGMENT_KEYS, path)
        if f is None:
            return None
        seg_id = self.text(f, "id", what, path, required=True, parent=node) or ""
        what = f"segment {seg_id or i + 1}"
        title = self.text(f, "title", what, path)
        kind = self.text(f, "kind", what, path)
        duration = self.convert(
            f, "duration", what, path, parse_duration, required=True, parent=node
        )
        warn = self.convert(f, "warn", what, path, parse_duration)
        cues: list[Cue] = []
        if "cues" in f:
            cues = [c for c in self.cue_list(f["cues"][1], what, path) if c is not None]
        flash = None
        if "flash_sale" in f:
            fs = self.mapping(
                f["flash_sale"][1], f"{what} flash_sale", FLASH_KEYS, (*path, "flash_sale")
            )
            if fs is not None:
                flash = FlashSale(
                    quantity=self.convert(
                        fs, "quantity", f"{what} flash_sale", (*path, "flash_sale"), self.integer
                    ),
                    price_cents=self.convert(
                        fs, "price", f"{what} flash_sale", (*path, "flash_sale"), parse_money
                    ),
                )
        bag = None
        if "lucky_bag" in f:
            lb = self.mapping(
                f["lucky_bag"][1], f"{what} lucky_bag", BAG_KEYS, (*path, "lucky_bag")
            )
            if lb is not None:
                bag = LuckyBag(
                    draw_seconds=self.convert(
                        lb, "draw", f"{what} lucky_bag", (*path, "lucky_bag"), parse_duration
                    ),
                    prize=self.text(lb, "prize", f"{what} lucky_bag", (*path, "lucky_bag")) or "",
                )
        return Segment(
            id=seg_id, title=seg_id if title is None else title,
            kind="talk" if kind is None else kind,
            planned_seconds=duration if duration is not None else 0,
            product=self.text(f, "product", what, path),
            warn_seconds=warn if warn is not None else DEFAULT_WARN_SECONDS,
            cues=tuple(cues), flash_sale=flash, lucky_bag=bag,
        )  # fmt: skip

    def cue_list(self, node: Node, what: str, path: tuple[Any, ...]) -> list[Cue | None]:
        if self.is_null(node):
            return []
        if not isinstance(node, SequenceNode):
            self.problem(node, f"{what}: cues must be a list", (*path, "cues"))
            return []
        out: list[Cue | None] = []
        for j, child in enumerate(node.value):
            cpath = (*path, "cues", j)
            self.src.where[cpath] = self._line(child)
            if isinstance(child, ScalarNode) and not self.is_null(child):
                out.append(Cue(text=str(child.value)))
                continue
            cwhat = f"{what} cue {j + 1}"
            f = self.mapping(child, cwhat, CUE_KEYS, cpath)
            if f is None:
                out.append(None)
                continue
            text = self.text(f, "text", cwhat, cpath, required=True, parent=child) or ""
            obs = None
            if "obs" in f and not self.is_null(f["obs"][1]):
                obs = self.plain(f["obs"][1], f"{cwhat}: obs")
            out.append(Cue(text=text, notes=self.text(f, "notes", cwhat, cpath) or "", obs=obs))
        return out


def parse_yaml(text: str, filename: str) -> tuple[Script, SourceMap, list[Issue]]:
    """Parse script YAML; returns the (possibly partial) script, its source map and the problems.

    Callers must not use the script when the list of problems is not empty: use
    `studio.script.loader.load_script_file`, which validates and raises instead.
    """
    reader = _Reader(filename)
    try:
        deep = _too_deep(text)
        if deep is not None:
            return (
                Script(title=""),
                reader.src,
                [Issue(filename, deep, f"nested more than {MAX_DEPTH} levels deep", fatal=True)],
            )
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.reader.ReaderError as exc:
        # Control characters: the reader knows the position, not the line.
        at = text.count("\n", 0, max(0, exc.position)) + 1
        return (
            Script(title=""),
            reader.src,
            [Issue(filename, str(at), f"bad YAML: character {exc.character!r} is not allowed "
                   "(a control character; delete it)", fatal=True)],
        )  # fmt: skip
    except RecursionError:
        return Script(title=""), reader.src, [
            Issue(filename, "1", "bad YAML: nested too deeply", fatal=True)
        ]  # fmt: skip
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = str(mark.line + 1) if mark is not None else "1"
        message = " ".join(p for p in (exc.context, exc.problem) if p) or "bad YAML"
        return (
            Script(title=""),
            reader.src,
            [Issue(filename, line, f"bad YAML: {message}", fatal=True)],
        )
    except yaml.YAMLError as exc:
        return Script(title=""), reader.src, [Issue(filename, "1", f"bad YAML: {exc}", fatal=True)]
    script = reader.script(root)
    return script, reader.src, reader.issues


def _too_deep(text: str) -> str | None:
    """The line where the document nests deeper than MAX_DEPTH, or None. Read as a stream of
    events, which PyYAML produces without recursing (its composer recurses per level)."""
    depth = 0
    for ev in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(ev, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return str(ev.start_mark.line + 1) if ev.start_mark is not None else "1"
        elif isinstance(ev, yaml.CollectionEndEvent):
            depth -= 1
    return None


def script_to_data(script: Script) -> dict[str, Any]:
    """The canonical YAML structure of a script (what `dump_yaml` writes)."""
    data: dict[str, Any] = {"title": script.title}
    if script.planned_start is not None:
        data["planned_start"] = script.planned_start.isoformat()
    if script.slot_seconds is not None:
        data["slot"] = format_duration(script.slot_seconds)
    data["gmv_target"] = cents_to_yaml(script.gmv_target_cents)
    data["traffic_target"] = script.traffic_target
    data["products"] = [_product_data(p) for p in script.products]
    if script.coupons:
        data["coupons"] = [_coupon_data(c) for c in script.coupons]
    data["segments"] = [_segment_data(s) for s in script.segments]
    if script.compliance is not None:
        data["compliance"] = script.compliance
    if script.rules:
        data["rules"] = [dict(r) for r in script.rules]
    return data


def _product_data(p: Product) -> dict[str, Any]:
    out: dict[str, Any] = {
        "sku": p.sku,
        "name": p.name,
        "list_price": cents_to_yaml(p.list_price_cents),
        "live_price": cents_to_yaml(p.live_price_cents),
        "stock": p.stock,
        "selling_points": list(p.selling_points),
    }
    if p.image is not None:
        out["image"] = p.image
    for key, value in (("link", p.link), ("low_stock", p.low_stock)):
        if value is not None:
            out[key] = value
    for key, cents in (("floor", p.floor_cents), ("cost", p.cost_cents)):
        if cents is not None:
            out[key] = cents_to_yaml(cents)
    return out


def _coupon_data(c: Coupon) -> dict[str, Any]:
    out: dict[str, Any] = {"value": cents_to_yaml(c.value_cents)}
    if c.name:
        out["name"] = c.name
    if c.threshold_cents:
        out["threshold"] = cents_to_yaml(c.threshold_cents)
    if c.count:
        out["count"] = c.count
    if c.valid_from is not None:
        out["valid_from"] = c.valid_from.isoformat()
    if c.valid_to is not None:
        out["valid_to"] = c.valid_to.isoformat()
    if c.skus:
        out["skus"] = list(c.skus)
    return out


def _segment_data(s: Segment) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": s.id,
        "title": s.title,
        "kind": s.kind,
        "duration": format_duration(s.planned_seconds),
    }
    if s.product is not None:
        out["product"] = s.product
    if s.warn_seconds != DEFAULT_WARN_SECONDS:
        out["warn"] = format_duration(s.warn_seconds)
    if s.flash_sale is not None:
        fs: dict[str, Any] = {}
        if s.flash_sale.quantity is not None:
            fs["quantity"] = s.flash_sale.quantity
        if s.flash_sale.price_cents is not None:
            fs["price"] = cents_to_yaml(s.flash_sale.price_cents)
        out["flash_sale"] = fs
    if s.lucky_bag is not None:
        lb: dict[str, Any] = {"prize": s.lucky_bag.prize}
        if s.lucky_bag.draw_seconds is not None:
            lb["draw"] = format_duration(s.lucky_bag.draw_seconds)
        out["lucky_bag"] = lb
    out["cues"] = [_cue_data(c) for c in s.cues]
    return out


def _cue_data(c: Cue) -> dict[str, Any]:
    out: dict[str, Any] = {"text": c.text}
    if c.notes:
        out["notes"] = c.notes
    if c.obs is not None:
        out["obs"] = c.obs
    return out


def dump_yaml(script: Script) -> str:
    # Long Chinese cue lines stay on one line: wrapping them would make the file harder to edit.
    return yaml.safe_dump(
        script_to_data(script),
        allow_unicode=True,
        sort_keys=False,
        width=10_000,
        default_flow_style=False,
    )


def save_yaml(script: Script, path: str | Path) -> None:
    """Write atomically: a crash mid-save never leaves a half-written script behind."""
    target = Path(path)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(dump_yaml(script), encoding="utf-8")
    tmp.replace(target)
