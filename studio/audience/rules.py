"""The classification rules: a data file shipped in resources/, extended by the studio's own.

Why rules and not a trained model: a studio has no labelled corpus of its own comments, the
vocabulary changes every show (product names, 色号, this week's coupon), and the crew must be
able to see WHY a comment became a question and fix it by adding a word — today, not after a
retraining. Rules in a data file do that, run offline on one core at well over 5,000 comments a
second, ship no model weights and give the same answer in every test. The answered and ignored
cards this desk records are exactly the labels a model would need later.

Shape (see resources/audience/rules.yaml): `kinds` and `topics`, each name with `words` (whole
words on jieba's segmentation), `patterns` (regular expressions) and `not` (veto patterns);
`deixis` (this one = the product presenting); `alias_stop` (never a product alias).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import yaml

from studio import paths

KINDS: Final = ("question", "purchase_intent", "complaint", "after_sales", "praise", "other")
# The order kinds are decided in: the first that matches wins.
KIND_ORDER: Final = ("after_sales", "question", "complaint", "purchase_intent", "praise")
TOPICS: Final = (
    "price", "size", "colour", "stock", "shipping", "usage", "ingredients", "coupon", "link",
)  # fmt: skip
USER_FILE: Final = "audience_rules.yaml"


class RulesError(ValueError):
    """A rules file that cannot be used (bad YAML, a bad pattern), with the file's name."""


@dataclass
class Rule:
    words: set[str] = field(default_factory=set)
    patterns: list[re.Pattern[str]] = field(default_factory=list)
    vetoes: list[re.Pattern[str]] = field(default_factory=list)

    _any: re.Pattern[str] | None = None  # the patterns as one alternation (built on first use)
    _veto: re.Pattern[str] | None = None

    def compile(self) -> None:
        """One regular expression per list: a comment costs one search, not one per pattern."""
        self._any = _alternation(self.patterns)
        self._veto = _alternation(self.vetoes)

    def matches(self, tokens: Iterable[str], text: str) -> bool:
        if self._any is None and self.patterns:
            self.compile()
        hit = not self.words.isdisjoint(tokens) or (
            self._any is not None and self._any.search(text) is not None
        )
        if not hit:
            return False
        if self._veto is None and self.vetoes:
            self.compile()
        return self._veto is None or self._veto.search(text) is None


def _alternation(patterns: list[re.Pattern[str]]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.IGNORECASE)


@dataclass
class Rules:
    kinds: dict[str, Rule]
    topics: dict[str, Rule]
    deixis: Rule
    alias_stop: set[str]
    sources: list[str]

    def vocabulary(self) -> set[str]:
        """Every listed word: added to the segmenter's dictionary so it stays one token."""
        out = set(self.deixis.words)
        for rule in (*self.kinds.values(), *self.topics.values()):
            out |= rule.words
        return out


def default_path() -> Path:
    return paths.resources_dir() / "audience" / "rules.yaml"


def user_path() -> Path:
    return paths.config_dir() / USER_FILE


def _compile(where: str, pattern: Any) -> re.Pattern[str]:
    try:
        return re.compile(str(pattern), re.IGNORECASE)
    except re.error as exc:
        raise RulesError(f"{where}: bad pattern {pattern!r}: {exc}") from None


def _merge(rule: Rule, where: str, data: Any) -> None:
    if not isinstance(data, Mapping):
        raise RulesError(f"{where}: expected words/patterns/not")
    rule.words |= {str(w).lower() for w in data.get("words") or []}
    rule.patterns += [_compile(where, p) for p in data.get("patterns") or []]
    rule.vetoes += [_compile(where, p) for p in data.get("not") or []]
    rule.compile()


def _read(path: Path) -> Mapping[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise RulesError(f"{path}: cannot read the rules: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise RulesError(f"{path}: expected a mapping with kinds/topics")
    return data


def load_rules(extra: Iterable[Path] = (), *, include_user: bool = True) -> Rules:
    """The shipped rules, plus the studio's file (when it exists) and `extra` files, merged:
    a studio's lists add to the shipped ones."""
    rules = Rules(
        kinds={k: Rule() for k in KIND_ORDER},
        topics={t: Rule() for t in TOPICS},
        deixis=Rule(),
        alias_stop=set(),
        sources=[],
    )
    files = [default_path()]
    if include_user and user_path().is_file():
        files.append(user_path())
    files += list(extra)
    for path in files:
        data = _read(path)
        rules.sources.append(str(path))
        for section, table in (("kinds", rules.kinds), ("topics", rules.topics)):
            for name, body in (data.get(section) or {}).items():
                if name not in table:
                    allowed = ", ".join(table)
                    raise RulesError(f"{path}: {section}.{name}: unknown (one of: {allowed})")
                _merge(table[name], f"{path}: {section}.{name}", body)
        if data.get("deixis"):
            _merge(rules.deixis, f"{path}: deixis", data["deixis"])
        rules.alias_stop |= {str(w).lower() for w in data.get("alias_stop") or []}
    return rules
