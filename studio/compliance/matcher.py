"""A compiled lexicon: the claims in one text, as character spans.

Why three kinds of rule:
- `term`: a literal that is a claim wherever it stands (全网最低价, 零风险). A plain substring test
  is right and cheapest.
- `word`: a literal that also occurs by accident across two words. Chinese has no spaces, so 绝对
  sits inside 拒绝|对方, 极致 inside 积极|致力, 独家 inside 单独|家庭, 治疗 inside 自治|疗法. Such a
  rule only counts when the match starts and ends on a word boundary of jieba's segmentation.
  A word rule must itself be one dictionary word or a run of whole words: jieba keeps 最低价 as one
  word, so a word rule 最低 would never match there (that is why 最 + adjective is a pattern).
- `pattern`: a regular expression, for families and variants a word list cannot enumerate:
  最 + any adjective, a ranking before 第一 (销量第一 but not 第一款), numbers (7天见效, phone
  numbers), spellings meant to dodge filters (加V, 加vx, 威信), and claims split by filler words.
  Word segmentation does not help there: jieba splits 加vx and 7天见效 unpredictably.

Exemptions are phrases of ordinary speech (第一时间, 每人最多限购两件, 国家标准): a match lying
wholly inside an exemption is dropped, whatever rule made it.

Speed: one character class finds the places where a rule could start (firstchars.py); only
the rules that can start with that character are tried there, and only word-rule matches pay for
segmentation (of their clause, not the whole text).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from studio.compliance import segmenter
from studio.compliance.firstchars import first_chars
from studio.compliance.lexicon import ALL, Lexicon, Rule

_SEVERITY_RANK = {"block": 1, "warn": 0}
# Full-width Latin letters, digits and signs (ＶＸ, １００％) read as their ASCII forms; one
# character for one, so offsets stay those of the original text.
_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
# A word rule only needs the words of its own clause: segmenting just that keeps long cues cheap.
_CLAUSE_BREAK = re.compile(r"[\s，。！？、；：,.!?;:“”\"'‘’（）()【】\[\]《》<>…—~～/|·]")


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    term: str  # the text as written at [start, end)
    rule: Rule

    @property
    def severity(self) -> str:
        return self.rule.severity

    @property
    def category(self) -> str:
        return self.rule.category

    @property
    def suggestion(self) -> str:
        return self.rule.suggestion


def normalize(text: str) -> str:
    return text.translate(_WIDTH)


class _Compiled:
    """The rules that apply to one product category, indexed by the characters they can start
    with (see firstchars.py for why)."""

    def __init__(self, rules: list[Rule]) -> None:
        self.by_char: dict[str, list[tuple[Rule, re.Pattern[str]]]] = defaultdict(list)
        self.anywhere: list[tuple[Rule, re.Pattern[str]]] = []
        for rule in rules:
            compiled = re.compile(rule.regex, re.IGNORECASE)
            chars = first_chars(rule.regex)
            if chars is None:
                self.anywhere.append((rule, compiled))
            else:
                for ch in chars:
                    self.by_char[ch].append((rule, compiled))
        self.trigger = (
            re.compile("[" + "".join(re.escape(c) for c in sorted(self.by_char)) + "]")
            if self.by_char
            else None
        )
        self.any_anywhere = (
            re.compile("|".join(f"(?:{r.regex})" for r, _ in self.anywhere), re.IGNORECASE)
            if self.anywhere
            else None
        )


class Checker:
    """Finds a lexicon's claims in text; build once, use for every line (thread-safe to read)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._compiled: dict[str, _Compiled] = {}
        exemptions = "|".join(f"(?:{e.regex})" for e in lexicon.exemptions)
        self._exempt = re.compile(exemptions, re.IGNORECASE) if exemptions else None

    def _for(self, product: str) -> _Compiled:
        compiled = self._compiled.get(product)
        if compiled is None:
            rules = [r for r in self.lexicon.rules if r.applies_to(product)]
            compiled = self._compiled[product] = _Compiled(rules)
        return compiled

    def prepare(self, products: tuple[str, ...] = (ALL,)) -> None:
        """Compile ahead (a few ms each) so the first check does not pay for it."""
        for product in products:
            self._for(product)

    def hits(self, text: str, product: str = ALL) -> list[Hit]:
        """The claims in `text` about a product of category `product`, left to right; where
        matches overlap the longer one is kept (全网最低价, not 最低 inside it)."""
        compiled = self._for(product)
        if not text:
            return []
        norm = normalize(text)
        found: list[Hit] = []
        words = _Words(norm)
        if compiled.trigger is not None:
            for at in compiled.trigger.finditer(norm):
                start = at.start()
                best = self._best_at(norm, start, compiled.by_char[norm[start]], words)
                if best is not None:
                    found.append(Hit(start, best[0], text[start : best[0]], best[1]))
        if compiled.any_anywhere is not None:
            pos = 0
            while (m := compiled.any_anywhere.search(norm, pos)) is not None:
                start = m.start()
                best = self._best_at(norm, start, compiled.anywhere, words)
                if best is not None:
                    found.append(Hit(start, best[0], text[start : best[0]], best[1]))
                pos = start + 1
        if not found:
            return []
        return self._drop_exempt(norm, _outermost(found))

    def _best_at(
        self, norm: str, start: int, rules: list[tuple[Rule, re.Pattern[str]]], words: _Words
    ) -> tuple[int, Rule] | None:
        """The longest valid match starting here (a block beats a warning of equal length)."""
        best: tuple[int, Rule] | None = None
        for rule, regex in rules:
            m = regex.match(norm, start)
            if m is None or m.end() == start:
                continue
            if rule.kind == "word" and not words.aligned(start, m.end()):
                continue
            if (
                best is None
                or m.end() > best[0]
                or (
                    m.end() == best[0]
                    and _SEVERITY_RANK[rule.severity] > _SEVERITY_RANK[best[1].severity]
                )
            ):
                best = (m.end(), rule)
        return best

    def _drop_exempt(self, norm: str, hits: list[Hit]) -> list[Hit]:
        if self._exempt is None:
            return hits
        spans: list[tuple[int, int]] = []
        pos = 0
        while (m := self._exempt.search(norm, pos)) is not None:
            if m.end() > m.start():
                spans.append((m.start(), m.end()))
            pos = m.start() + 1
        if not spans:
            return hits
        return [h for h in hits if not any(s <= h.start and h.end <= e for s, e in spans)]


def _outermost(hits: list[Hit]) -> list[Hit]:
    """Drop matches lying inside a longer one; partial overlaps both stay."""
    ordered = sorted(hits, key=lambda h: (h.start, -(h.end - h.start), -_SEVERITY_RANK[h.severity]))
    kept: list[Hit] = []
    for hit in ordered:
        if any(k.start <= hit.start and hit.end <= k.end for k in kept):
            continue
        kept.append(hit)
    return kept


class _Words:
    """Word boundaries of a text, segmented one clause at a time and only when asked."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._bounds: set[int] = set()
        self._done: set[tuple[int, int]] = set()

    def _clause(self, start: int, end: int) -> tuple[int, int]:
        left = start
        while left > 0 and not _CLAUSE_BREAK.match(self.text, left - 1):
            left -= 1
        right = end
        while right < len(self.text) and not _CLAUSE_BREAK.match(self.text, right):
            right += 1
        return left, right

    def aligned(self, start: int, end: int) -> bool:
        left, right = self._clause(start, end)
        if (left, right) not in self._done:
            self._done.add((left, right))
            self._bounds |= {left + b for b in segmenter.boundaries(self.text[left:right])}
        return start in self._bounds and end in self._bounds
