"""Every way text reaches the checker: YAML scripts, xlsx and csv rows, plain text, OBS texts and
other audience texts, `script validate`, the readiness gate item and the prompter's spans."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from studio.cli import main
from studio.compliance.findings import AudienceText, check_texts, status_of
from studio.compliance.gate import GATE_TEXTS, compliance_gate_item, compliance_gate_status
from studio.compliance.labels import hint
from studio.compliance.lexicon import shipped_lexicon
from studio.compliance.matcher import Checker
from studio.compliance.spans import default_checker, underline_spans
from studio.store.store import Store

SCRIPT = """\
title: 坚果零食专场
compliance:
  category: food
products:
  - sku: NUT
    name: 每日坚果
    selling_points:
      - 独立小包装
      - 今晚全网最低价
coupons:
  - name: 史上最低价券
    value: 10
    skus: [NUT]
segments:
  - id: open
    title: 开场
    duration: 5m
    cues:
      - 欢迎来到直播间
      - text: 这款坚果是销量第一，加我微信有优惠
        notes: 全网最低价（写给场控的备注不检查）
        obs:
          scene: 特写
          texts:
            price: 全网最低价 ¥59
  - id: nuts
    title: 坚果讲解
    duration: 5m
    product: NUT
    cues:
      - text: |
          宝宝们看过来
          吃了能减肥，成本价给大家
"""


@pytest.fixture
def script_file(tmp_path: Path) -> Path:
    path = tmp_path / "show.yaml"
    path.write_text(SCRIPT, encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_yaml_script_findings_point_at_the_term(
    script_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Text output is FILE:LINE:COL: term — category — suggestion, LINE:COL where the term is."""
    code, out, _ = _run(capsys, "compliance", "check", str(script_file))
    assert code == 1
    lines = SCRIPT.splitlines()
    found = []
    for row in out.splitlines():
        head, category, _suggestion = row.split(" — ")
        place, term = head.split(": ", 1)
        name, line, col = place.rsplit(":", 2)
        assert name == str(script_file)
        assert lines[int(line) - 1][int(col) - 1 :].startswith(term), row
        found.append((int(line), term, category))
    assert found == [
        (9, "全网最低价", "price_claim"),
        (11, "史上最低价", "price_claim"),
        (20, "销量第一", "absolute"),
        (20, "加我微信", "off_platform"),
        (25, "全网最低价", "price_claim"),
        (33, "减肥", "medical_efficacy"),
        (33, "成本价", "price_claim"),
    ]
    assert out.splitlines()[0] == (
        f"{script_file}:9:11: 全网最低价 — price_claim — 说“今晚直播间价 XX 元”，不与全网比较"
    )


def test_json_shape(script_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--json prints status and findings with exactly the issue's keys."""
    code, out, _ = _run(capsys, "compliance", "check", str(script_file), "--json")
    assert code == 1
    data = json.loads(out)
    assert data["status"] == "fail"
    keys = {"file", "line", "col", "term", "category", "severity", "suggestion", "text"}
    assert all(set(f) == keys for f in data["findings"])
    obs = next(f for f in data["findings"] if f["line"] == 25)
    assert obs["text"] == "全网最低价 ¥59"
    assert obs["severity"] == "block"
    warn = next(f for f in data["findings"] if f["term"] == "成本价")
    assert warn["severity"] == "warn"
    assert warn["text"] == "宝宝们看过来\n吃了能减肥，成本价给大家\n"


def test_warnings_alone_exit_0_and_the_show_category_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Only warnings: exit 0, status warn; an apparel show's 瘦身版型 is no claim at all."""
    path = tmp_path / "s.yaml"
    path.write_text(
        "title: 女装专场\ncompliance: {category: apparel}\nsegments:\n"
        "  - id: a\n    duration: 1m\n    cues: [瘦身版型，亏本冲量]\n",
        encoding="utf-8",
    )
    code, out, _ = _run(capsys, "compliance", "check", str(path), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["status"] == "warn"
    assert [f["term"] for f in data["findings"]] == ["亏本冲量"]
    code, out, _ = _run(capsys, "compliance", "check", str(path), "--category", "food")
    assert code == 0  # the script's own category wins over --category


def test_xlsx_rows_are_the_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """In a spreadsheet the line is the sheet row, also for cues on continuation rows."""
    path = tmp_path / "show.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "脚本"
    ws.append(["美妆专场脚本"])
    ws.append(["环节", "时长", "话术", "商品"])
    ws.append(["开场", 5, "欢迎来到直播间\n今晚全网最低价", None])
    ws.append([None, None, "想要的加我微信", None])
    ws.append(["精华讲解", 10, "第一款是精华，第一时间发货", "焕亮精华"])
    ps = wb.create_sheet("商品")
    ps.append(["SKU", "商品名称", "原价", "直播价", "库存", "卖点"])
    ps.append(["MZ-1", "焕亮精华", 399, 259, 800, "七天见效；提亮"])
    wb.save(path)
    code, out, _ = _run(capsys, "compliance", "check", str(path), "--json")
    assert code == 1
    found = [(f["line"], f["col"], f["term"]) for f in json.loads(out)["findings"]]
    assert found == [(2, 1, "七天见效"), (3, 3, "全网最低价"), (4, 4, "加我微信")]


def test_csv_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A CSV script is read by the spreadsheet loader; GBK files work too."""
    path = tmp_path / "show.csv"
    path.write_bytes("环节,时长,话术\n开场,5,欢迎\n讲解,5,这是最好的面霜\n".encode("gb18030"))
    code, out, _ = _run(capsys, "compliance", "check", str(path))
    assert code == 1
    assert out.splitlines() == [f"{path}:3:3: 最好 — absolute — " + _suggestion("最好")]


def _suggestion(term: str) -> str:
    [hit] = Checker(shipped_lexicon()).hits(term)
    return hit.suggestion


def test_plain_text_one_finding_per_offending_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Plain text: each offending line once (its blocking term first), with line and column."""
    path = tmp_path / "talk.txt"
    path.write_text("欢迎宝宝们\n亏本冲量，全网最低价\n\n第一时间发货，每人最多限购两件\n成本价\n")
    code, out, _ = _run(capsys, "compliance", "check", str(path), "--json")
    assert code == 1
    found = [(f["line"], f["col"], f["term"], f["severity"]) for f in json.loads(out)["findings"]]
    assert found == [(2, 6, "全网最低价", "block"), (5, 1, "成本价", "warn")]


def test_unusable_files_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing file, bad YAML or a bad compliance section: FILE:LINE message and exit 2."""
    missing = tmp_path / "nope.txt"
    code, _, err = _run(capsys, "compliance", "check", str(missing))
    assert (code, err.splitlines()[0]) == (2, f"{missing}:1: no such file")
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: [x\nsegments: []\n", encoding="utf-8")
    code, _, err = _run(capsys, "compliance", "check", str(bad))
    assert code == 2
    assert err.startswith(f"{bad}:2: bad YAML")
    section = tmp_path / "section.yaml"
    section.write_text("title: x\nsegments: []\ncompliance:\n  category: toys\n", encoding="utf-8")
    code, _, err = _run(capsys, "compliance", "check", str(section))
    assert code == 2
    assert err.startswith(f"{section}:3: compliance: category: unknown product category 'toys'")
    good = tmp_path / "good.txt"
    good.write_text("你好\n", encoding="utf-8")
    (tmp_path / "config" / "compliance.yaml").write_text("terms: 5\n", encoding="utf-8")
    code, _, err = _run(capsys, "compliance", "check", str(good))
    assert code == 2
    assert "compliance.yaml:1: terms must be a list" in err


def test_obs_and_other_audience_texts() -> None:
    """Any (source, line, text) list is checked: OBS text sources, talkback presets, replies."""
    checker = Checker(shipped_lexicon())
    findings = check_texts(
        [
            ("talkback presets", 3, "提醒主播：别说加我微信"),
            AudienceText("obs", 0, "¥59 全网最低价", "obs text price", "food"),
            ("quick replies", 1, "亲，48 小时内发货哦"),
        ],
        checker,
    )
    assert [(f.file, f.line, f.col, f.term, f.what) for f in findings] == [
        ("talkback presets", 3, 8, "加我微信", ""),
        ("obs", 0, 5, "全网最低价", "obs text price"),
    ]
    assert status_of(findings) == "fail"
    assert status_of([]) == "pass"


def test_script_validate_lists_findings_and_strict_fails(
    script_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """validate lists compliance findings as warnings (exit 0); --strict fails on blocks."""
    code, out, _ = _run(capsys, "script", "validate", str(script_file))
    assert code == 0
    assert f"{script_file}:20:20: warning: 销量第一 — absolute (block) — " in out
    assert f"{script_file}: OK — 坚果零食专场" in out
    code, out, _ = _run(capsys, "script", "validate", "--strict", str(script_file))
    assert code == 1
    assert f"{script_file}:20:20: error: 销量第一" in out
    assert f"{script_file}:33:17: warning: 成本价" in out
    assert "OK" not in out


def test_gate_item_needs_a_waiver_with_a_reason() -> None:
    """Blocking findings fail the gate unless waived with a non-blank reason; warnings warn."""
    checker = Checker(shipped_lexicon())
    blocking = check_texts([("show.yaml", 12, "全网最低价，成本价")], checker)
    warning = check_texts([("show.yaml", 3, "成本价")], checker)
    item = compliance_gate_item(blocking)
    assert (item.key, item.status, item.blocking) == ("compliance", "fail", True)
    assert item.message == (
        "compliance.blocked",
        {"blocks": 1, "warns": 1, "first": ("compliance.at", {"term": "全网最低价", "line": 12})},
    )
    waived = compliance_gate_item(blocking, "品牌方提供了全网比价截图")
    assert (waived.status, waived.waiver_reason, waived.blocking) == (
        "waived",
        "品牌方提供了全网比价截图",
        False,
    )
    assert compliance_gate_item(blocking, "   ").status == "fail"
    assert compliance_gate_item(warning, "reason").status == "warn"
    assert compliance_gate_item([]).status == "pass"
    assert compliance_gate_status(None) == ("pass", ("compliance.none", {}))
    bad = compliance_gate_item(None, problem="compliance.yaml:3: terms must be a list")
    assert (bad.status, bad.message[0]) == ("fail", "compliance.unusable")
    for findings, problem in ((blocking, None), (warning, None), ([], None), (None, None),
                              (None, "x.yaml:1: bad")):  # fmt: skip
        key, params = compliance_gate_status(findings, problem)[1]
        flat = {k: v for k, v in params.items() if not isinstance(v, tuple)}
        for text in GATE_TEXTS[key]:
            text.format(**flat, first="x")


def test_gate_findings_for_a_stored_show(store: Store, script_file: Path) -> None:
    """A show's stored script is checked with its own section; lines are the stored YAML's."""
    from studio.compliance.stored import show_findings
    from studio.script.loader import load_script_file
    from studio.script.store_io import save_script
    from studio.script.yaml_io import dump_yaml

    script = load_script_file(script_file)
    show_id = save_script(store, script)
    findings = show_findings(store, show_id)
    assert findings is not None
    stored = dump_yaml(script).splitlines()
    assert [f.term for f in findings] == ["全网最低价", "史上最低价", "销量第一", "加我微信",
                                          "全网最低价", "减肥", "成本价"]  # fmt: skip
    for f in findings:
        assert f.file == f"show {show_id}"
        assert stored[f.line - 1][f.col - 1 :].startswith(f.term)
    assert compliance_gate_item(findings).status == "fail"


def test_prompter_spans_in_python_and_utf16_offsets() -> None:
    """Spans are character offsets; utf16=True counts an emoji as two units, as Qt does."""
    default_checker.cache_clear()
    text = "🎉今晚全网最低价，第一时间发货"
    [span] = underline_spans(text)
    assert (span.start, span.end, span.term, span.severity) == (3, 8, "全网最低价", "block")
    assert text[span.start : span.end] == "全网最低价"
    [wide] = underline_spans(text, utf16=True)
    assert (wide.start, wide.end) == (4, 9)
    assert underline_spans("第一款，第一时间，第一个福袋，第一步，最后三单") == []
    message = hint(span.term, span.category, span.severity, span.suggestion)
    assert message.english().startswith("全网最低价: price claim, banned. Say instead: ")
    default_checker.cache_clear()
