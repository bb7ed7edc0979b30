"""Rules from where people write them, checked, every problem as `FILE:LINE: message`.

Three places: the show script's `rules:` key (YAML) or its rules sheet (xlsx, 规则), and the
studio-wide rules file (`studio_rules_path()`, a YAML file with a `rules:` list) that applies to
every show. `check_file` is the script check with the rules added (what `studio script
validate` and `studio rules check` print).
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from studio import paths
from studio.incidents import categories
from studio.rules.model import (
    FIGURES,
    ConditionError,
    ObsText,
    Rule,
    figure_of,
    parse_condition,
)
from studio.script.errors import Issue, SourceMap
from studio.script.loader import cap_issues, parse_file
from studio.script.model import Script, parse_duration
from studio.script.validate import sort_issues, validate

KEYS = ("name", "when", "sku", "prompt", "urgent", "banner", "obs", "incident", "expires")
# What a template may name besides the figures.
EXTRA_FIELDS = ("product", "sku", "price", "value", "threshold", "rule", "gmv_target_pct")
MAX_RULES = 200

Where = Callable[..., str]


def studio_rules_path() -> Path:
    """The studio-wide rules file (every show's rules, beside the profile)."""
    return paths.config_dir() / "rules.yaml"


_SPEC = re.compile(r"^,?(\.[0-3])?[f%]?$")  # "{price:.2f}", "{gmv_cents:,}", "{x:.1%}"


def template_fields(text: str) -> list[str]:
    """The `{name}` fields of a template; ValueError for a broken one ('{stock'), for an
    attribute, index or conversion ('{product.x}', '{a[0]}', '{a!r}') and for a format other
    than separators and decimals ('{a:>999999}' would build a huge text)."""
    out = []
    for _, name, spec, conversion in string.Formatter().parse(text):
        if name is None:
            continue
        if not name.isidentifier() or conversion:
            raise ValueError(f"{{{name}}}: write a figure's plain name")
        if spec and not _SPEC.match(spec):
            raise ValueError(f"{{{name}:{spec}}}: only ',' and '.1f'-style formats")
        out.append(name)
    return out


def _bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in ("true", "yes", "1", "是", "y"):
        return True
    if isinstance(value, str) and value.strip().lower() in ("false", "no", "0", "否", "n", ""):
        return False
    return None


def parse_rules(
    items: Sequence[Any],
    file: str,
    where: Where,
    skus: Iterable[str] | None = None,
) -> tuple[list[Rule], list[Issue]]:
    """Rules from plain mappings; `where(i, key)` names the line of rule i (key: its field).
    Unknown SKUs are errors when `skus` (the script's products) is given."""
    rules: list[Rule] = []
    issues: list[Issue] = []
    known_skus = set(skus) if skus is not None else None
    seen: dict[str, int] = {}
    for i, raw in enumerate(items[:MAX_RULES]):

        def bad(message: str, key: str | None = None, i: int = i) -> None:
            issues.append(Issue(file, where(i, key) if key else where(i), message))

        if not isinstance(raw, Mapping):
            bad(f"rule {i + 1} must be a mapping of key: value")
            continue
        name = str(raw.get("name") or f"rule {i + 1}").strip()
        what = f"rule {name!r}"
        before = len(issues)
        for key in raw:
            if key not in KEYS:
                bad(f"{what}: unknown key {key!r} (known keys: {', '.join(KEYS)})", str(key))
        if name in seen:
            bad(f"{what}: a rule of that name is already at line {where(seen[name])}", "name")
        seen.setdefault(name, i)
        cond = None
        if "when" not in raw or raw.get("when") in (None, ""):
            bad(f"{what}: missing when (the condition)")
        else:
            try:
                cond = parse_condition(str(raw["when"]))
            except ConditionError as exc:
                bad(f"{what}: {exc}", "when")
        sku = raw.get("sku")
        sku = None if sku in (None, "") else str(sku).strip()
        if sku is not None and known_skus is not None and sku not in known_skus:
            bad(f"{what}: unknown product {sku!r}", "sku")
        if sku is not None and cond is not None and not FIGURES.get(cond.figure, _NO).per_sku:
            bad(f"{what}: {cond.figure} is not a product's figure: drop sku", "sku")
        flags: dict[str, bool] = {}
        for key in ("urgent", "banner"):
            value = _bool(raw.get(key, False))
            if value is None:
                bad(f"{what}: {key} must be true or false", key)
            flags[key] = bool(value)
        prompt = "" if raw.get("prompt") is None else str(raw["prompt"]).strip()
        obs = None
        if raw.get("obs") is not None:
            o = raw["obs"]
            if not isinstance(o, Mapping) or not o.get("source") or o.get("text") is None:
                bad(f"{what}: obs needs source and text ({{source: NAME, text: TEXT}})", "obs")
            else:
                obs = ObsText(str(o["source"]), str(o["text"]))
        incident = raw.get("incident")
        if incident in (None, "", False):
            incident = None
        elif incident is True:
            incident = "product"
        else:
            try:
                incident = categories.category(str(incident)).key
            except ValueError as exc:
                bad(f"{what}: incident: {exc}", "incident")
                incident = None
        expires = None
        if raw.get("expires") not in (None, ""):
            try:
                expires = float(parse_duration(raw["expires"]))
            except ValueError as exc:
                bad(f"{what}: expires: {exc}", "expires")
            else:
                if not 0 < expires <= 3600:
                    bad(f"{what}: expires must be between 1 s and 1 h", "expires")
        for key, text in (("prompt", prompt), ("obs", obs.text if obs else "")):
            try:
                fields = template_fields(text)
            except ValueError as exc:
                bad(f"{what}: {key}: broken template ({exc})", key)
                continue
            for f in fields:
                if f not in FIGURES and f not in EXTRA_FIELDS and figure_of(f) is None:
                    bad(f"{what}: {key}: unknown figure {{{f}}}", key)
        if not (prompt or flags["banner"] or obs or incident) and len(issues) == before:
            bad(f"{what}: does nothing (give a prompt, banner, obs or incident)")
        if cond is None or len(issues) > before:
            continue
        rules.append(
            Rule(
                name=name,
                when=cond,
                sku=sku,
                prompt=prompt,
                urgent=flags["urgent"],
                banner=flags["banner"],
                obs=obs,
                incident=incident,
                expires_s=expires,
                origin=f"{file}:{where(i)}",
            )
        )
    if len(items) > MAX_RULES:
        issues.append(Issue(file, where(MAX_RULES), f"more than {MAX_RULES} rules"))
    return rules, issues


_NO = FIGURES["questions_waiting"]  # a figure without per_sku, for lookups of metric names


def script_rules(script: Script, src: SourceMap) -> tuple[list[Rule], list[Issue]]:
    """The script's own rules, checked against its products."""

    def where(i: int, key: str | None = None) -> str:
        return src.at("rules", i, key) if key else src.at("rules", i)

    return parse_rules(list(script.rules), src.file, where, [p.sku for p in script.products])


def rules_of_script(script: Script, name: str = "<script>") -> list[Rule]:
    """A loaded script's usable rules (bad ones are left out; `check_file` reports them)."""
    rules, _ = parse_rules(list(script.rules), name, lambda i, key=None: str(i + 1))
    return rules


def check_file(path: str | Path) -> tuple[Script, list[Issue]]:
    """`studio.script.loader.check_file` with the script's rules checked too."""
    script, src, issues = parse_file(path)
    if not any(i.fatal for i in issues):
        issues = issues + validate(script, src) + script_rules(script, src)[1]
    return script, cap_issues(sort_issues(issues))


def load_rules_file(path: str | Path) -> tuple[list[Rule], list[Issue]]:
    """A studio-wide rules file: YAML with a `rules:` list (or the list itself)."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [Issue(name, "1", f"cannot read: {exc}", fatal=True)]
    if len(text) > 2 * 1024 * 1024:
        return [], [Issue(name, "1", "too large for a rules file", fatal=True)]
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = str(mark.line + 1) if mark is not None else "1"
        return [], [Issue(name, line, f"not valid YAML: {getattr(exc, 'problem', exc)}", True)]
    if root is None:
        return [], []
    seq = root
    if isinstance(root, yaml.MappingNode):
        found = [v for k, v in root.value if getattr(k, "value", None) == "rules"]
        if not found:
            return [], [Issue(name, "1", "no rules: list in this file", fatal=True)]
        seq = found[0]
    if not isinstance(seq, yaml.SequenceNode):
        return [], [Issue(name, str(seq.start_mark.line + 1), "rules must be a list", True)]
    lines: dict[tuple[int, str | None], str] = {}
    items: list[Any] = []
    for i, node in enumerate(seq.value):
        lines[(i, None)] = str(node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for k, _ in node.value:
                lines[(i, str(getattr(k, "value", "")))] = str(k.start_mark.line + 1)
        try:
            items.append(yaml.safe_load(yaml.serialize(node)))
        except yaml.YAMLError as exc:
            items.append(None)
            lines[(i, None)] = f"{lines[(i, None)]}: {exc}"

    def where(i: int, key: str | None = None) -> str:
        return lines.get((i, key)) or lines.get((i, None)) or str(len(text.splitlines()) or 1)

    return parse_rules(items, name, where)


def studio_rules() -> tuple[list[Rule], list[Issue]]:
    """The studio-wide rules (none when the file does not exist)."""
    path = studio_rules_path()
    if not path.exists():
        return [], []
    return load_rules_file(path)


def check_any(path: str | Path) -> list[Issue]:
    """`studio rules check FILE`: the rules of a show script, or of a studio rules file."""
    p = Path(path)
    if p.suffix.lower() in (".xlsx", ".xlsm", ".csv"):
        script, src, issues = parse_file(p)
        return issues if any(i.fatal for i in issues) else script_rules(script, src)[1]
    try:
        head = yaml.safe_load(p.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        head = None
    if isinstance(head, dict) and ("segments" in head or "title" in head):
        script, src, issues = parse_file(p)
        if any(i.fatal for i in issues):
            return issues
        return sort_issues(script_rules(script, src)[1])
    return sort_issues(load_rules_file(p)[1])
