"""Every text of a script that reaches the audience, with the line it is written on.

Checked: the show title, product names and selling points, coupon names, segment titles, cue
texts, the texts a cue sets on OBS sources, and lucky-bag prizes. Not checked: cue notes (for the crew only).
Lines come from the loader's SourceMap (YAML: the line of the field; spreadsheets: the row);
`locate` then finds the exact line and column of a term in a YAML file's own text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from studio.compliance.findings import AudienceText, Finding, finding_of
from studio.compliance.lexicon import ALL
from studio.compliance.matcher import Checker
from studio.compliance.show import ShowRules
from studio.script.errors import SourceMap
from studio.script.model import Script

# How far below a field's key a YAML value may start (block lists of selling points, obs texts).
_WINDOW = 80


def row_of(where: str) -> int:
    """A SourceMap location ("12" or "Sheet!12") as a line or row number (0: unknown)."""
    tail = where.rpartition("!")[2]
    return int(tail) if tail.isdigit() else 0


def obs_texts(obs: Mapping[str, Any] | None) -> list[tuple[str, str]]:
    """(source name, text) a cue sets on OBS, read the way studio.obs.cues.parse_action reads
    them (that module pulls in the OBS client, which checking text does not need)."""
    if not obs:
        return []
    texts = obs.get("texts") or {}
    if not isinstance(texts, Mapping):
        return []
    return [(str(k), "" if v is None else str(v)) for k, v in texts.items()]


def script_texts(
    script: Script,
    src: SourceMap | None = None,
    rules: ShowRules | None = None,
    *,
    default_category: str = ALL,
) -> list[AudienceText]:
    """The script's audience texts in file order, each tagged with its product category."""
    rules = rules or ShowRules()
    name = src.file if src is not None else "script"

    def at(*path: Any) -> int:
        return row_of(src.at(*path)) if src is not None else 0

    def item(text: str, what: str, sku: str | None, *path: Any) -> AudienceText:
        return AudienceText(name, at(*path), text, what, rules.category_of(sku, default_category))

    out = [item(script.title, "show title", None, "title")]
    for i, p in enumerate(script.products):
        out.append(item(p.name, "product name", p.sku, "products", i, "name"))
        out.extend(
            item(point, "selling point", p.sku, "products", i, "selling_points")
            for point in p.selling_points
        )
    for i, coupon in enumerate(script.coupons):
        sku = coupon.skus[0] if len(coupon.skus) == 1 else None
        out.append(item(coupon.name, "coupon name", sku, "coupons", i, "name"))
    for i, seg in enumerate(script.segments):
        out.append(item(seg.title, "segment title", seg.product, "segments", i, "title"))
        if seg.lucky_bag is not None and seg.lucky_bag.prize:
            out.append(
                item(seg.lucky_bag.prize, "lucky bag prize", seg.product,
                     "segments", i, "lucky_bag", "prize")
            )  # fmt: skip
        for j, cue in enumerate(seg.cues):
            out.append(item(cue.text, "cue", seg.product, "segments", i, "cues", j, "text"))
            out.extend(
                item(text, f"obs text {source}", seg.product, "segments", i, "cues", j, "obs")
                for source, text in obs_texts(cue.obs)
            )
    return [t for t in out if t.text.strip()]


def locate(
    lines: Sequence[str], anchor: int, text: str, start: int, term: str
) -> tuple[int, int] | None:
    """Line and column (1-based) of the term at `text[start:]` in a YAML file's lines.

    `anchor` is the line of the field the text belongs to; the value starts there or below.
    None when the value is not written literally (escapes, folding across the term): the caller
    then keeps the field's line and the column within the text.
    """
    if anchor <= 0 or not term:
        return None
    first = text.split("\n", 1)[0].strip()[:16]
    end = min(len(lines), anchor - 1 + _WINDOW)
    for n in range(anchor - 1, end):
        col = lines[n].find(first) if first else 0
        if col < 0:
            continue
        skip = _occurrences(text, term, start)
        for m in range(n, min(len(lines), n + text.count("\n") + 2)):
            pos = lines[m].find(term, col if m == n else 0)
            while pos >= 0:
                if skip == 0:
                    return m + 1, pos + 1
                skip -= 1
                pos = lines[m].find(term, pos + len(term))
        return None
    return None


def _occurrences(text: str, term: str, before: int) -> int:
    count, pos = 0, text.find(term)
    while 0 <= pos < before:
        count += 1
        pos = text.find(term, pos + len(term))
    return count


def check_script(
    script: Script,
    checker: Checker,
    src: SourceMap | None = None,
    rules: ShowRules | None = None,
    *,
    default_category: str = ALL,
    source_lines: Sequence[str] | None = None,
) -> list[Finding]:
    """Findings for every audience text of the script; with the YAML file's `source_lines` each
    finding carries the exact line and column of its term in the file."""
    out: list[Finding] = []
    for item in script_texts(script, src, rules, default_category=default_category):
        for hit in checker.hits(item.text, item.product):
            spot = (
                locate(source_lines, item.line, item.text, hit.start, hit.term)
                if source_lines is not None
                else None
            )
            out.append(finding_of(item, hit, *(spot or (None, None))))
    return out
