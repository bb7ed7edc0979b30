"""What a chat comment is: its kind, its topics and the product it is about.

Rules, not a model (why: `studio.audience.rules`). The text is normalised (full-width folded,
lower-cased), segmented with jieba (its own Tokenizer, with the rules' words and the show's
product names added to its dictionary, so 码 in 号码 or 色 in 特色 never counts as a word),
and matched against the rules' words and patterns.

The product: a link number ("3号链接", "3号", "#3", "链接3", "三号"), else a SKU, else a
product name or alias (the longest that occurs), else the product presenting at that moment
when the comment points at "this one" (这个, 这款, 主播手上 ...) or is a question about a
product's own figures (price, size, colour, stock, usage, ingredients) naming nothing else.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from studio.audience.rules import KIND_ORDER, TOPICS, Rules, load_rules
from studio.jieba_dict import new_tokenizer

log = logging.getLogger(__name__)

# Questions about these topics are about a product even when they do not name one.
PRODUCT_TOPICS: Final = frozenset({"price", "size", "colour", "stock", "usage", "ingredients"})
CN_DIGITS: Final = {
    "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    "十": 10,
}  # fmt: skip
_LINK = re.compile(
    r"(?<![\d月.])(\d{1,3})\s*号(?!\s*(?:发|到|前|之前|以后|后|左右|开始|结束|色|码|晚上|下午|上午|早上))"
    r"|[#＃]\s*(\d{1,3})(?!\d)"
    r"|链接\s*(\d{1,3})(?!\d)"
    r"|\blink\s*#?\s*(\d{1,3})(?!\d)"
    r"|(?<![\d月])([一二两三四五六七八九十]{1,2})\s*号\s*(?:链接|商品|宝贝)"
)
_PUNCT_RUN = re.compile(r"[\s\W_]+", re.UNICODE)
_REPEAT = re.compile(r"(.)\1{2,}")
_TAIL = re.compile(r"[吗呢啊呀啦哦嘛么]+$")


def normalise(text: str) -> str:
    """Full-width folded, lower-cased, trimmed (what the rules see)."""
    return unicodedata.normalize("NFKC", text).lower().strip()


def near_key(text: str) -> str:
    """Near-identical texts share this: punctuation, spaces, repeated characters and trailing
    particles removed ("多少钱？？" = "多少钱啊" = "多少钱")."""
    t = _PUNCT_RUN.sub("", normalise(text))
    t = _REPEAT.sub(r"\1", t)
    return _TAIL.sub("", t) or t


@dataclass(frozen=True)
class ProductRef:
    sku: str
    name: str
    link: int | None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reading:
    kind: str
    topics: tuple[str, ...]
    sku: str | None
    how: str = ""  # how the product was found: link, sku, name, this, implied ("" none)


@dataclass
class ProductIndex:
    """Link numbers, SKUs and names/aliases of one show's products, for tagging."""

    by_link: dict[int, str] = field(default_factory=dict)
    by_sku: dict[str, str] = field(default_factory=dict)  # lower-cased sku -> sku
    names: list[tuple[str, str]] = field(default_factory=list)  # (alias, sku), longest first
    # SKUs, then names as one alternation, longest first: one search finds the product named
    # first (at one position the longer name wins, so 粉底液 beats 粉底).
    sku_re: re.Pattern[str] | None = None
    name_re: re.Pattern[str] | None = None
    owner: dict[str, str] = field(default_factory=dict)  # alias -> sku

    @classmethod
    def build(
        cls,
        products: Sequence[ProductRef],
        tokenize: Any,
        cut: Any,
        stop: set[str],
        known: Any = lambda w: False,
    ) -> ProductIndex:
        index = cls()
        owners: dict[str, set[str]] = {}
        explicit: dict[str, str] = {}
        for p in products:
            if p.link is not None:
                index.by_link[p.link] = p.sku
            index.by_sku[p.sku.lower()] = p.sku
            candidates = {normalise(p.name)}
            for part in normalise(p.name).split():
                candidates.add(part)
                for word in tokenize(part):
                    # A search-mode sub-word counts only at a word's edge: 眼影 of 眼影盘 yes,
                    # 透水 inside 清透水感 no.
                    if part.startswith(word) or part.endswith(word) or word in cut(part):
                        candidates.add(word)
                # Viewers drop a name's last character when the rest is a word itself:
                # 防晒 for 防晒乳, 粉底 for 粉底液.
                for word in cut(part):
                    if len(word) >= 3 and known(word[:-1]):
                        candidates.add(word[:-1])
            for c in candidates:
                owners.setdefault(c, set()).add(p.sku)
            for a in p.aliases:
                explicit[normalise(a)] = p.sku
        names = dict(explicit)
        for alias, skus in owners.items():
            if len(skus) != 1 or alias in stop or alias in names or not _usable_alias(alias):
                continue
            names[alias] = next(iter(skus))
        index.names = sorted(names.items(), key=lambda kv: -len(kv[0]))
        index.owner = dict(index.names)
        if index.names:
            index.name_re = re.compile("|".join(re.escape(a) for a, _ in index.names))
        if index.by_sku:
            keys = sorted(index.by_sku, key=len, reverse=True)
            index.sku_re = re.compile("|".join(re.escape(k) for k in keys))
        return index

    def words(self) -> set[str]:
        return {a for a, _ in self.names}


def _usable_alias(alias: str) -> bool:
    """An automatic alias must say something: 2+ characters, not a bare number or unit."""
    if len(alias) < 2 or (alias.isascii() and len(alias) < 3):
        return False
    if re.fullmatch(r"[\d.]+\s*(ml|g|片|片装|支|瓶|盒|色|毫升|克)?", alias):
        return len(alias) >= 3 and alias.isdigit()  # 316 (a 色号) yes; 30ml, 10 no
    return True


def link_number(text: str) -> int | None:
    """The first link number a comment names ("3号链接", "#3", "链接3", "三号链接"), or None."""
    m = _LINK.search(text)
    if m is None:
        return None
    for g in m.groups()[:4]:
        if g is not None:
            return int(g)
    cn = m.group(5)
    if cn is None:
        return None
    if cn == "十":
        return 10
    if cn.startswith("十"):
        return 10 + CN_DIGITS.get(cn[1:], 0)
    return CN_DIGITS.get(cn[0], 0) * (10 if cn.endswith("十") and len(cn) == 2 else 1) or None


_seg_lock = threading.Lock()
_base_tokenizer: Any = None


def _new_tokenizer() -> Any:
    # Loaded in short steps (studio.jieba_dict): jieba's own load froze every thread for ~1 s.
    return new_tokenizer()


class Classifier:
    """Reads comments with one show's rules and products. Not thread-safe for `set_products`;
    `read` may run on any one thread at a time."""

    def __init__(self, rules: Rules | None = None, products: Sequence[ProductRef] = ()) -> None:
        self.rules = rules or load_rules()
        self._tok = _new_tokenizer()
        for w in self.rules.vocabulary():
            if len(w) > 1:
                self._tok.add_word(w, freq=50_000)
        self._cache: dict[str, tuple[str, tuple[str, ...], bool]] = {}
        self.index = ProductIndex()
        self.set_products(products)

    def set_products(self, products: Sequence[ProductRef]) -> None:
        self.index = ProductIndex.build(
            products,
            lambda t: self._tok.cut_for_search(t, HMM=False),
            lambda t: set(self._tok.cut(t, HMM=False)),
            self.rules.alias_stop,
            lambda w: self._tok.FREQ.get(w, 0) > 0,
        )
        for w in self.index.words():
            if len(w) > 1:
                self._tok.add_word(w, freq=50_000)
        self._cache.clear()

    def tokens(self, text: str) -> list[str]:
        return [t for t in self._tok.cut(text, HMM=False) if t.strip()]

    def _kind_topics(self, text: str) -> tuple[str, tuple[str, ...], bool]:
        """(kind, topics, points at "this one") of a normalised text, cached per text."""
        hit = self._cache.get(text)
        if hit is not None:
            return hit
        tokens = set(self.tokens(text))
        kind = next((k for k in KIND_ORDER if self.rules.kinds[k].matches(tokens, text)), "other")
        topics = tuple(t for t in TOPICS if self.rules.topics[t].matches(tokens, text))
        this = self.rules.deixis.matches(tokens, text)
        if len(self._cache) > 50_000:
            self._cache.clear()
        self._cache[text] = (kind, topics, this)
        return kind, topics, this

    def read(
        self,
        text: str,
        presenting: str | None = None,
        *,
        sku: str | None = None,
        link: int | None = None,
    ) -> Reading:
        """Kind, topics and product of one comment; `sku`/`link` as the source sent them win."""
        t = normalise(text)
        kind, topics, this = self._kind_topics(t)
        found, how = self._product(t, topics, kind, this, presenting, sku, link)
        return Reading(kind, topics, found, how)

    def _product(
        self,
        t: str,
        topics: Iterable[str],
        kind: str,
        this: bool,
        presenting: str | None,
        sku: str | None,
        link: int | None,
    ) -> tuple[str | None, str]:
        idx = self.index
        if sku and sku.lower() in idx.by_sku:
            return idx.by_sku[sku.lower()], "sku"
        if link is not None and link in idx.by_link:
            return idx.by_link[link], "link"
        n = link_number(t)
        if n is not None and n in idx.by_link:
            return idx.by_link[n], "link"
        m = idx.sku_re.search(t) if idx.sku_re is not None else None
        if m is not None:
            return idx.by_sku[m.group(0)], "sku"
        m = idx.name_re.search(t) if idx.name_re is not None else None
        if m is not None:
            return idx.owner[m.group(0)], "name"
        if presenting is None:
            return None, ""
        if this:
            return presenting, "this"
        if kind == "question" and PRODUCT_TOPICS.intersection(topics):
            return presenting, "implied"
        return None, ""
