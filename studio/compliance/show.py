"""A show's own compliance settings: the `compliance:` section of its script.

    compliance:
      category: cosmetics            # what the show sells (which product rules apply)
      products: {MZ-FS05: cosmetics} # per SKU, when the show mixes categories
      terms: [...]                   # same entries as the lexicon file
      exemptions: [...]
      disable: [...]

Without a category every rule applies (a medical claim is flagged whatever is sold).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from studio.compliance.lexicon import (
    ALL,
    PRODUCT_CATEGORIES,
    Lexicon,
    LexiconError,
    lexicon_from_data,
    studio_lexicon,
)
from studio.compliance.matcher import Checker
from studio.script.model import Script

_OWN_KEYS: Final = {"category", "products"}


@dataclass(frozen=True)
class ShowRules:
    lexicon: Lexicon = field(default_factory=Lexicon)  # the show's layer only
    category: str | None = None  # None: the script does not say
    products: Mapping[str, str] = field(default_factory=dict)  # sku -> category

    def category_of(self, sku: str | None, default: str = ALL) -> str:
        """The product category rules are chosen by: the SKU's, else the show's, else `default`."""
        if sku is not None and sku in self.products:
            return self.products[sku]
        return self.category or default


def _category(value: Any, what: str, problems: list[str], where: str) -> str | None:
    if value is None:
        return None
    if value not in PRODUCT_CATEGORIES:
        known = ", ".join(PRODUCT_CATEGORIES)
        problems.append(f"{where}: compliance: {what}: unknown product category {value!r} "
                        f"(known: {known})")  # fmt: skip
        return None
    return str(value)


def show_rules(section: Mapping[str, Any] | None, where: str) -> ShowRules:
    """Read a script's compliance section; `where` (FILE:LINE) prefixes every problem."""
    if not section:
        return ShowRules()
    problems: list[str] = []
    category = _category(section.get("category"), "category", problems, where)
    products: dict[str, str] = {}
    raw_products = section.get("products") or {}
    if not isinstance(raw_products, Mapping):
        problems.append(f"{where}: compliance: products must map SKU: category")
    else:
        for sku, value in raw_products.items():
            found = _category(value, f"products: {sku}", problems, where)
            if found is not None:
                products[str(sku)] = found
    lexicon = Lexicon()
    try:
        lexicon = lexicon_from_data(
            {k: v for k, v in section.items() if k not in _OWN_KEYS}, f"{where}: compliance"
        )
    except LexiconError as exc:
        problems.extend(exc.problems)
    if problems:
        raise LexiconError(problems)
    return ShowRules(lexicon, category, products)


def checker_for_script(
    script: Script | None, where: str = "script", base: Lexicon | None = None
) -> tuple[Checker, ShowRules]:
    """The checker for a show: `base` (default: shipped + studio file) with the script's own
    section on top, and the show's product categories. Raises LexiconError."""
    lexicon = base if base is not None else studio_lexicon()
    rules = show_rules(script.compliance if script is not None else None, where)
    return Checker(lexicon.merged(rules.lexicon)), rules
