"""Importing spreadsheet scripts (xlsx with Chinese headers, GBK csv) and the script CLI."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import openpyxl
import pytest

from studio.cli import main
from studio.script.loader import check_file, load_script_file

HEADERS = ["时间段", "环节", "时长(分钟)", "话术", "商品", "福利", "场控配合", "备注"]
ROWS = [
    ["20:00-20:05", "开场预热", 5, "欢迎来到直播间！\n先点个关注", None, None, "切暖光", None],
    ["20:05-20:08", "开场福袋", 3, "福袋挂上啦", None, "口红正装×20份，3分钟开奖", "发福袋", None],
    ["20:08-20:18", "精华讲解", 10, "第一款是精华", "焕亮精华", "买一送二", "上1号链接", "盯库存"],
    [None, None, None, "原价399今天259", None, None, None, None],
    ["20:18-20:23", "口红秒杀", 5, "秒杀开始！", "丝绒口红", "秒杀价¥99 限量300件", "改价", None],
    ["20:23-20:28", "收尾", None, "感谢陪伴", None, None, None, None],
]


def _xlsx(path: Path, rows: list[list[object]], products: bool = True) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "脚本"
    ws.append(["冬季美妆专场直播脚本"])
    ws.append(HEADERS)
    for row in rows:
        ws.append(row)
    if products:
        ps = wb.create_sheet("商品")
        ps.append(["SKU", "商品名称", "原价", "直播价", "库存", "卖点"])
        ps.append(["MZ-1", "焕亮精华", 399, 259, 800, "淡纹；提亮"])
        ps.append(["MZ-2", "丝绒口红", 269, 159, 1500, "显白"])
    wb.save(path)
    return path


def test_xlsx_with_chinese_headers_imports(tmp_path: Path) -> None:
    """Columns are recognised by their Chinese headers; kinds, products and offers are read."""
    script = load_script_file(_xlsx(tmp_path / "s.xlsx", ROWS))
    assert script.title == "冬季美妆专场直播脚本"
    assert [s.kind for s in script.segments] == [
        "opening",
        "lucky_bag",
        "product",
        "flash_sale",
        "closing",
    ]
    assert [s.planned_seconds for s in script.segments] == [300, 180, 600, 300, 300]
    opening, bag, essence, sale, _ = script.segments
    assert [c.text for c in opening.cues] == ["欢迎来到直播间！", "先点个关注"]
    assert opening.cues[0].notes == "切暖光"
    assert bag.lucky_bag is not None and bag.lucky_bag.draw_seconds == 180
    assert essence.product == "MZ-1" and [c.text for c in essence.cues][-1] == "原价399今天259"
    assert "盯库存" in essence.cues[0].notes and "买一送二" in essence.cues[0].notes
    assert sale.flash_sale is not None
    assert (sale.flash_sale.quantity, sale.flash_sale.price_cents) == (300, 9900)
    assert script.product("MZ-2") is not None and script.products[0].selling_points == (
        "淡纹",
        "提亮",
    )


def test_xlsx_errors_point_at_sheet_and_row(tmp_path: Path) -> None:
    """Each problem is reported as FILE:SHEET!ROW."""
    rows = [list(r) for r in ROWS]
    rows[0][2] = "很久"  # unreadable duration, row 3
    rows[4][5] = "限量300件"  # flash sale without a price, row 7
    rows[5][0] = None  # closing: no duration and no time slot, row 8
    path = _xlsx(tmp_path / "bad.xlsx", rows)
    _, issues = check_file(path)
    got = [str(i) for i in issues]
    assert any(g.startswith(f"{path}:脚本!3: ") and "duration" in g for g in got), got
    assert f"{path}:脚本!7: segment seg-04 (口红秒杀): flash sale without a price" in got
    assert f"{path}:脚本!8: segment 收尾: missing duration" in got
    assert len(got) == 3


def test_csv_in_gbk_without_product_sheet(tmp_path: Path) -> None:
    """A CSV saved by Chinese Excel (GBK) imports; product names become products."""
    lines = ["环节,时长,话术,商品", "开场,2,大家好,", "讲解,8,介绍面膜,修护面膜"]
    path = tmp_path / "s.csv"
    path.write_bytes("\r\n".join(lines).encode("gbk"))
    script = load_script_file(path)
    assert [s.planned_seconds for s in script.segments] == [120, 480]
    assert script.segments[1].product == "修护面膜" and script.products[0].name == "修护面膜"


def test_english_headers_and_seconds(tmp_path: Path) -> None:
    """English headers work too; a header saying seconds makes bare numbers seconds."""
    path = tmp_path / "s.csv"
    path.write_text(
        "Segment,Duration (s),Talking points\nOpening,90,Hello\nQ&A,1:30,Ask me\n", encoding="utf-8"
    )
    script = load_script_file(path)
    assert [(s.kind, s.planned_seconds) for s in script.segments] == [("opening", 90), ("qa", 90)]


def test_no_header_row_is_one_clear_error(tmp_path: Path) -> None:
    """A sheet without recognisable headers says which columns it expected."""
    path = tmp_path / "s.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    _, issues = check_file(path)
    assert len(issues) == 1 and "环节" in issues[0].message


# -- the headless contract ---------------------------------------------------------------------

DEMO = Path(__file__).resolve().parents[1] / "resources" / "demo" / "show.yaml"


def test_cli_validate_ok_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """validate exits 0 with a summary, or 1 with one FILE:LINE: message per error."""
    assert main(["script", "validate", str(DEMO)]) == 0
    assert "17 segments" in capsys.readouterr().out
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: x\nsegments:\n  - id: a\n    duration: 0\n  - id: a\n", encoding="utf-8")
    assert main(["script", "validate", str(bad)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"{bad}:4: segment a: duration must be more than 0",
        f"{bad}:5: segment a: missing duration",
        f"{bad}:5: duplicate segment id 'a' (first at line 3)",
    ]


def test_cli_plan_json(capsys: pytest.CaptureFixture[str]) -> None:
    """plan --json prints the contract's fields with consistent offsets."""
    assert main(["script", "plan", str(DEMO), "--json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert set(plan) == {"title", "planned_start", "total_seconds", "segments"}
    segs = plan["segments"]
    assert set(segs[0]) == {
        "id",
        "title",
        "kind",
        "product",
        "planned_start_offset_s",
        "planned_seconds",
        "cues",
    }
    assert sum(s["planned_seconds"] for s in segs) == plan["total_seconds"]
    for a, b in itertools.pairwise(segs):
        assert b["planned_start_offset_s"] == a["planned_start_offset_s"] + a["planned_seconds"]


@pytest.mark.slow
def test_cli_import_subprocess(tmp_path: Path) -> None:
    """`studio script import x.xlsx -o x.yaml` writes YAML that validates to the same script."""
    import subprocess
    import sys

    src = _xlsx(tmp_path / "s.xlsx", ROWS)
    out = tmp_path / "s.yaml"
    proc = subprocess.run(
        [sys.executable, "-m", "studio.cli", "script", "import", str(src), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert load_script_file(out) == load_script_file(src)
    again = subprocess.run(
        [sys.executable, "-m", "studio.cli", "script", "import", str(src), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert again.returncode == 2 and "exists" in again.stderr
