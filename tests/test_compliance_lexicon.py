"""The compliance lexicon: rule kinds, exemptions, product categories and the three layers."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.compliance.firstchars import first_chars
from studio.compliance.lexicon import (
    CATEGORIES,
    Lexicon,
    LexiconError,
    Rule,
    load_lexicon_file,
    parse_lexicon_text,
    shipped_lexicon,
    studio_lexicon,
    studio_lexicon_path,
)
from studio.compliance.matcher import Checker
from studio.compliance.show import checker_for_script, show_rules
from studio.script.loader import load_script_text


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(shipped_lexicon())


def _terms(checker: Checker, text: str, product: str = "all") -> list[str]:
    return [h.term for h in checker.hits(text, product)]


def test_shipped_lexicon_covers_every_category_and_severity() -> None:
    """The shipped file loads and has block and warn rules in every category it names."""
    lexicon = shipped_lexicon()
    assert {r.category for r in lexicon.rules} == set(CATEGORIES)
    assert {r.severity for r in lexicon.rules} == {"block", "warn"}
    assert {r.kind for r in lexicon.rules} == {"term", "word", "pattern"}
    assert all(r.suggestion for r in lexicon.rules)


def test_every_literal_rule_finds_itself(checker: Checker) -> None:
    """A term or word rule standing alone is found (a word rule jieba splits would never be)."""
    for rule in shipped_lexicon().rules:
        if rule.kind == "pattern":
            continue
        product = next(iter(rule.products))
        assert rule.text in _terms(checker, f"{rule.text}。", product), rule.text


def test_word_rules_need_word_boundaries(checker: Checker) -> None:
    """绝对/极致/独家/治疗/底价 count as words, not across two words (拒绝|对方, 积极|致力 …)."""
    assert _terms(checker, "这款绝对好用") == ["绝对"]
    assert _terms(checker, "我们要学会拒绝对方") == []
    assert _terms(checker, "极致体验") == ["极致"]
    assert _terms(checker, "我们积极致力于品质") == []
    assert _terms(checker, "独家配方") == ["独家"]
    assert _terms(checker, "单独家庭装") == []
    assert _terms(checker, "可以治疗湿疹") == ["治疗"]
    assert _terms(checker, "这是一种自治疗法") == []
    assert _terms(checker, "到底价格是多少") == []


def test_patterns_cover_families_and_context(checker: Checker) -> None:
    """最 + adjective and a ranking before 第一 are claims; 第一款, 最后, 最近 are not."""
    assert _terms(checker, "这是最好的精华") == ["最好"]
    assert _terms(checker, "今年最畅销的羽绒服") == ["最畅销"]
    assert _terms(checker, "销量第一的爆款") == ["销量第一"]
    assert _terms(checker, "第一款精华，最后三单，最近很火") == []
    assert _terms(checker, "加一下我的vx") == ["加一下我的vx"]
    assert _terms(checker, "电话13812345678") == ["13812345678"]
    assert _terms(checker, "订单号 213812345678901") == []


def test_longest_overlapping_claim_wins(checker: Checker) -> None:
    """全网最低价 is one price claim, not also 最低 (absolute) inside it."""
    hits = checker.hits("今晚全网最低价")
    assert [(h.term, h.category, h.start, h.end) for h in hits] == [
        ("全网最低价", "price_claim", 2, 7)
    ]


def test_full_width_letters_and_digits_are_read_as_ascii(checker: Checker) -> None:
    """ＶＸ and １００％ are caught, and the reported term is the text as written."""
    assert _terms(checker, "加ＶＸ领券") == ["加ＶＸ"]
    assert _terms(checker, "１００％有效") == ["１００％有效"]


def test_product_category_selects_rules(checker: Checker) -> None:
    """减肥/瘦身 are banned for food, not for apparel cut; unknown product: every rule applies."""
    assert _terms(checker, "瘦身版型", "apparel") == []
    assert _terms(checker, "瘦身版型", "food") == ["瘦身"]
    assert _terms(checker, "瘦身版型") == ["瘦身"]
    assert _terms(checker, "急救面膜", "food") == []
    assert _terms(checker, "急救面膜", "cosmetics") == ["急救"]


def test_exemptions_keep_ordinary_speech_from_a_studios_bare_term(tmp_path: Path) -> None:
    """A studio adding the bare word 第一 still passes 第一款, 第一时间, 第一个福袋, 第一步."""
    own = tmp_path / "own.yaml"
    own.write_text(
        "terms:\n  - term: 第一\n    category: absolute\n    severity: block\n", encoding="utf-8"
    )
    checker = Checker(shipped_lexicon().merged(load_lexicon_file(own)))
    assert _terms(checker, "我们是第一") == ["第一"]
    for text in ("第一款精华", "第一时间发货", "第一个福袋", "第一步先清洁"):
        assert _terms(checker, text) == [], text


def test_studio_file_adds_redefines_and_disables(tmp_path: Path) -> None:
    """The config folder's compliance.yaml adds terms, demotes a shipped one, disables another."""
    path = studio_lexicon_path()
    assert path.parent == tmp_path / "config"
    path.write_text(
        "terms:\n"
        "  - 爆款\n"
        "  - term: 最低价\n    category: price_claim\n    severity: warn\n    suggest: 说具体价格\n"
        "disable: [镇店之宝]\n"
        "exemptions: [爆款日]\n",
        encoding="utf-8",
    )
    checker = Checker(studio_lexicon())
    [own] = checker.hits("今晚的爆款")
    assert (own.category, own.severity) == ("platform_custom", "warn")
    [demoted] = checker.hits("今晚最低价")
    assert (demoted.severity, demoted.suggestion) == ("warn", "说具体价格")
    assert checker.hits("镇店之宝") == []
    assert checker.hits("今天是爆款日") == []


def test_bad_entries_are_reported_with_file_and_line(tmp_path: Path) -> None:
    """Every bad entry is reported as FILE:LINE: message, and nothing half-loads."""
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "terms:\n"
        "  - term: 好\n    category: nonsense\n"
        "  - pattern: '(unclosed'\n"
        "  - pattern: 'a*'\n"
        "  - word: 好\n    severity: maybe\n"
        "exemptions:\n"
        "  - {regex: x}\n",
        encoding="utf-8",
    )
    with pytest.raises(LexiconError) as err:
        load_lexicon_file(bad)
    problems = err.value.problems
    assert [p.split(": ", 1)[0] for p in problems] == [
        f"{bad}:2",
        f"{bad}:4",
        f"{bad}:5",
        f"{bad}:6",
        f"{bad}:9",
    ]
    assert "unknown category 'nonsense'" in problems[0]
    assert "bad regular expression" in problems[1]
    assert "matches empty text" in problems[2]
    assert "severity must be block or warn" in problems[3]
    with pytest.raises(LexiconError, match=r"x\.yaml:3: bad YAML: mapping values"):
        parse_lexicon_text("terms:\n  - a\n    b: c\n", "x.yaml")


def test_script_section_sets_categories_terms_and_exemptions() -> None:
    """A script's compliance section: show and per-SKU categories, its own terms and exemptions."""
    script = load_script_text(
        "title: 零食专场\n"
        "compliance:\n"
        "  category: food\n"
        "  products: {SHIRT: apparel}\n"
        "  terms: [{term: 网红, category: platform_custom, severity: block, suggest: 热门}]\n"
        "  exemptions: [网红店]\n"
        "segments:\n  - id: a\n    duration: 1m\n",
    )
    checker, rules = checker_for_script(script, "s.yaml:2", Lexicon())
    assert rules.category_of("SHIRT") == "apparel"
    assert rules.category_of("NUTS") == "food"
    assert rules.category_of(None) == "food"
    assert [h.term for h in checker.hits("网红零食")] == ["网红"]
    assert checker.hits("网红店同款") == []


def test_bad_script_section_names_its_line() -> None:
    """An unknown product category in a script's section is a FILE:LINE problem."""
    with pytest.raises(LexiconError) as err:
        show_rules({"category": "toys", "terms": [{"term": "x", "category": "bad"}]}, "s.yaml:7")
    assert err.value.problems[0].startswith("s.yaml:7: compliance: category: unknown product")
    assert err.value.problems[1].startswith("s.yaml:7: compliance: terms entry 1:")


def test_first_characters_of_patterns() -> None:
    """The scan index knows where a pattern can start, in both cases; unknown means None."""
    assert first_chars("加\\s*(?:我)?vx") == {"加"}
    assert first_chars("(?<![a-z])(?:no|top)1") == {"n", "N", "t", "T"}
    assert first_chars("(?:全网|史上)?最低") == {"全", "史", "最"}
    assert first_chars("[0-9一]+天") == set("0123456789一")
    assert first_chars("[^a]好评") is None
    assert first_chars("a*") is None


def test_rules_with_unknown_first_characters_are_tried_everywhere() -> None:
    """A pattern the index cannot bound (., negated sets) is still found, beside indexed ones."""
    rules = (
        Rule("pattern", "[^不]好评返现", "inducement", "block"),
        Rule("term", "返现", "inducement", "warn"),
    )
    checker = Checker(Lexicon(rules))
    assert [(h.term, h.severity) for h in checker.hits("晒图给好评返现五元")] == [
        ("给好评返现", "block")
    ]
    assert [h.term for h in checker.hits("不好评返现")] == ["返现"]
