"""The compliance lexicon as data: rules (term, word or pattern) and exemptions.

Three layers, later ones winning: the shipped file (`data/lexicon.yaml`), the studio's own file
(`compliance.yaml` in the config folder) and a show's `compliance:` section in its script. Each
layer may add rules, redefine a shipped one (same kind and text: e.g. demote a block to a warning),
`disable` rules by their text, and add exemptions. The file format is described at the top of the
shipped file.

A bad entry never half-loads a lexicon: every problem is collected as `FILE:LINE: message` and
raised together in a `LexiconError`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Final, TypeVar

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, SequenceNode

CATEGORIES: Final = (
    "absolute",
    "price_claim",
    "medical_efficacy",
    "guarantee",
    "inducement",
    "off_platform",
    "platform_custom",
)
SEVERITIES: Final = ("block", "warn")
PRODUCT_CATEGORIES: Final = ("cosmetics", "food", "health", "apparel", "electronics", "all")
ALL: Final = "all"
# term: a literal anywhere in the text; word: a literal that must start and end on a word
# boundary of the segmented text; pattern: a regular expression (see matcher.py for why each).
RULE_KINDS: Final = ("term", "word", "pattern")
EXEMPTION_KINDS: Final = ("phrase", "pattern")
STUDIO_FILE: Final = "compliance.yaml"
_RULE_KEYS: Final = {*RULE_KINDS, "category", "severity", "products", "suggest", "suggestion"}
_TOP_KEYS: Final = {"version", "terms", "exemptions", "disable"}
# A rule's own groups are renumbered inside the combined expression, so references back to them
# would point at another rule's text.
_BACKREF = re.compile(r"\\[1-9]|\(\?P=")
T = TypeVar("T")


class LexiconError(ValueError):
    """A lexicon (file or script section) that cannot be used; `problems` lists every one."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class Rule:
    kind: str  # one of RULE_KINDS
    text: str  # the term, the word or the regular expression; also the rule's name
    category: str
    severity: str
    products: frozenset[str] = frozenset({ALL})
    suggestion: str = ""
    origin: str = ""  # FILE:LINE where it was defined

    @property
    def key(self) -> tuple[str, str]:
        return self.kind, self.text

    @property
    def regex(self) -> str:
        return self.text if self.kind == "pattern" else re.escape(self.text)

    def applies_to(self, product: str) -> bool:
        """Whether the rule counts for text about a product of this category ("all": unknown)."""
        return product == ALL or ALL in self.products or product in self.products


@dataclass(frozen=True)
class Exemption:
    kind: str  # one of EXEMPTION_KINDS
    text: str
    origin: str = ""

    @property
    def regex(self) -> str:
        return self.text if self.kind == "pattern" else re.escape(self.text)


@dataclass(frozen=True)
class Lexicon:
    rules: tuple[Rule, ...] = ()
    exemptions: tuple[Exemption, ...] = ()
    disabled: frozenset[str] = field(default_factory=frozenset)

    def merged(self, overlay: Lexicon) -> Lexicon:
        """This lexicon with `overlay` on top: its rules replace same-named ones, its disabled
        texts drop rules from below, its exemptions add up."""
        replaced = {r.key for r in overlay.rules}
        kept = tuple(
            r for r in self.rules if r.key not in replaced and r.text not in overlay.disabled
        )
        exemptions = self.exemptions + tuple(
            e for e in overlay.exemptions if e not in self.exemptions
        )
        return Lexicon(kept + overlay.rules, exemptions, self.disabled | overlay.disabled)


# -- reading entries -----------------------------------------------------------------------------


def _compile(text: str) -> re.Pattern[str] | str:
    """The compiled expression, or why it cannot be used."""
    try:
        compiled = re.compile(text, re.IGNORECASE)
    except re.error as exc:
        return f"bad regular expression {text!r}: {exc}"
    if compiled.match(""):
        return f"pattern {text!r} matches empty text (it would flag every line)"
    if compiled.groupindex or _BACKREF.search(text):
        return f"pattern {text!r}: named groups and back-references are not supported"
    return compiled


def _products(value: Any) -> frozenset[str] | str:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items or not all(isinstance(x, str) for x in items):
        return "products must be a list of product categories"
    unknown = [x for x in items if x not in PRODUCT_CATEGORIES]
    if unknown:
        return f"unknown product category {unknown[0]!r} (known: {', '.join(PRODUCT_CATEGORIES)})"
    return frozenset(items)


def parse_rule(entry: Any, where: str) -> Rule | str:
    """One `terms:` entry as a Rule, or the problem with it. A bare string is a studio's own
    term: platform_custom, warn, every product."""
    if isinstance(entry, str):
        entry = {"term": entry}
    if not isinstance(entry, Mapping):
        return "a term must be text or a mapping with term/word/pattern, category, severity"
    unknown = sorted(str(k) for k in entry if k not in _RULE_KEYS)
    if unknown:
        return f"unknown key {unknown[0]!r} (known: {', '.join(sorted(_RULE_KEYS))})"
    kinds = [k for k in RULE_KINDS if k in entry]
    if len(kinds) != 1:
        return "a term needs exactly one of term, word or pattern"
    kind = kinds[0]
    text = entry[kind]
    if not isinstance(text, str | int) or not str(text).strip():
        return f"{kind} must be non-empty text"
    text = str(text).strip()
    category = entry.get("category", "platform_custom")
    if category not in CATEGORIES:
        return f"unknown category {category!r} (known: {', '.join(CATEGORIES)})"
    severity = entry.get("severity", "warn")
    if severity not in SEVERITIES:
        return f"severity must be block or warn, not {severity!r}"
    products = _products(entry.get("products", [ALL]))
    if isinstance(products, str):
        return products
    suggestion = entry.get("suggest", entry.get("suggestion", ""))
    if not isinstance(suggestion, str):
        return "suggest must be text"
    if kind == "pattern":
        compiled = _compile(text)
        if isinstance(compiled, str):
            return compiled
    return Rule(kind, text, category, severity, products, suggestion.strip(), where)


def parse_exemption(entry: Any, where: str) -> Exemption | str:
    """One `exemptions:` entry: a phrase (bare text or {phrase: …}) or {pattern: …}."""
    if isinstance(entry, str | int):
        entry = {"phrase": str(entry)}
    if not isinstance(entry, Mapping) or len(entry) != 1:
        return "an exemption is a phrase, or a mapping with one key: phrase or pattern"
    kind, text = next(iter(entry.items()))
    if kind not in EXEMPTION_KINDS:
        return f"unknown exemption key {kind!r} (use phrase or pattern)"
    if not isinstance(text, str | int) or not str(text).strip():
        return f"{kind} must be non-empty text"
    text = str(text).strip()
    if kind == "pattern":
        compiled = _compile(text)
        if isinstance(compiled, str):
            return compiled
    return Exemption(kind, text, where)


def _disabled(value: Any) -> frozenset[str] | str:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(x, str | int) for x in items):
        return "disable must be a list of term, word or pattern texts"
    return frozenset(str(x).strip() for x in items)


def _entries(
    data: Mapping[str, Any],
    section: str,
    parse: Callable[[Any, str], T | str],
    where: str,
    locations: Mapping[tuple[str, int], str],
    problems: list[str],
) -> list[T]:
    entries = data.get(section) or []
    if not isinstance(entries, list):
        problems.append(f"{where}: {section} must be a list")
        return []
    out: list[T] = []
    for i, entry in enumerate(entries):
        at = locations.get((section, i), where)
        result = parse(entry, at)
        if isinstance(result, str):
            problems.append(f"{at}: {section} entry {i + 1}: {result}")
        else:
            out.append(result)
    return out


def lexicon_from_data(
    data: Mapping[str, Any], where: str, entry_where: Mapping[tuple[str, int], str] | None = None
) -> Lexicon:
    """A lexicon from already-loaded data (a script's section, a parsed file).

    `where` names the place for problems without a better one; `entry_where` gives the
    location of individual entries, keyed by ("terms" | "exemptions", index)."""
    locations = entry_where or {}
    problems: list[str] = []
    unknown = sorted(str(k) for k in data if k not in _TOP_KEYS)
    if unknown:
        problems.append(
            f"{where}: unknown key {unknown[0]!r} (known: {', '.join(sorted(_TOP_KEYS))})"
        )
    rules = _entries(data, "terms", parse_rule, where, locations, problems)
    exemptions = _entries(data, "exemptions", parse_exemption, where, locations, problems)
    disabled = _disabled(data.get("disable") or [])
    if isinstance(disabled, str):
        problems.append(f"{where}: {disabled}")
        disabled = frozenset()
    if problems:
        raise LexiconError(problems)
    return Lexicon(tuple(rules), tuple(exemptions), disabled)


def _loader() -> Any:
    # The C loader keeps marks too and reads the shipped file several times faster.
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_lexicon_text(text: str, name: str) -> Lexicon:
    """A lexicon file's text; problems name `name` and the line of each bad entry."""
    try:
        root = yaml.compose(text, Loader=_loader())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        raise LexiconError([f"{name}:{line}: bad YAML: {exc.problem or exc}"]) from None
    except yaml.YAMLError as exc:
        raise LexiconError([f"{name}:1: bad YAML: {exc}"]) from None
    if root is None:
        return Lexicon()
    if not isinstance(root, MappingNode):
        raise LexiconError([f"{name}:{root.start_mark.line + 1}: a lexicon must be a mapping"])
    locations: dict[tuple[str, int], str] = {}
    for key, value in root.value:
        if key.value in ("terms", "exemptions") and isinstance(value, SequenceNode):
            for i, item in enumerate(value.value):
                locations[(key.value, i)] = f"{name}:{_line(item)}"
    data = SafeConstructor().construct_object(root, deep=True)
    return lexicon_from_data(data, f"{name}:1", locations)


def _line(node: Node) -> int:
    return int(node.start_mark.line) + 1


def load_lexicon_file(path: str | Path) -> Lexicon:
    """Read a lexicon file (UTF-8 YAML). Raises LexiconError naming the file and line."""
    p = Path(path)
    try:
        text = p.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise LexiconError([f"{p}:1: cannot read: {exc.strerror}"]) from None
    except UnicodeDecodeError:
        raise LexiconError([f"{p}:1: not UTF-8 text (save the file as UTF-8)"]) from None
    return parse_lexicon_text(text, str(p))


SHIPPED_NAME: Final = "studio/compliance/data/lexicon.yaml"


def shipped_lexicon() -> Lexicon:
    """The lexicon that comes with studio (read from the package, so it works installed)."""
    text = resources.files(__package__).joinpath("data", "lexicon.yaml").read_text("utf-8")
    return parse_lexicon_text(text, SHIPPED_NAME)


def studio_lexicon_path() -> Path:
    from studio.paths import config_dir

    return config_dir() / STUDIO_FILE


def studio_lexicon(path: Path | None = None) -> Lexicon:
    """Shipped rules plus the studio's own file when there is one."""
    base = shipped_lexicon()
    own = path if path is not None else studio_lexicon_path()
    if own.is_file():
        return base.merged(load_lexicon_file(own))
    return base
