"""Hostile scripts: overflowing numbers, deep nesting, YAML tags, control characters, values
the store cannot hold, huge files, floods of problems."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from studio.cli import main

GOOD = """title: t
segments:
  - id: a
    duration: 5m
    cues:
      - text: hello
"""


def _validate(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["script", "validate", str(path)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, [x for x in out.splitlines() if x]


def _script(tmp_path: Path, text: str, name: str = "s.yaml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize(
    ("snippet", "line", "words"),
    [
        ("    duration: " + "9" * 400 + "h\n", 4, "duration"),
        ("    duration: 1e400\n", 4, "duration"),
        ("    duration: inf\n", 4, "duration"),
        ("    warn: " + "9" * 400 + "s\n", 5, "warn"),
    ],
)
def test_overflowing_durations_are_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], snippet: str, line: int, words: str
) -> None:
    """Durations of hundreds of digits, 1e400 or inf: FILE:LINE: message, exit 1 (they raised
    OverflowError)."""
    text = GOOD.replace(
        "    duration: 5m\n", snippet if "duration" in snippet else "    duration: 5m\n" + snippet
    )
    p = _script(tmp_path, text)
    code, lines = _validate(p, capsys)
    assert code == 1
    assert any(x.startswith(f"{p}:{line}: ") and words in x for x in lines), lines


@pytest.mark.parametrize("value", ["1e99999999", "1e308", "9" * 400, "99999999999999999999"])
def test_money_beyond_the_store_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    """live_price 1e99999999 (decimal.Overflow) or 1e308 (validated OK, then show create
    crashed): a FILE:LINE message naming the limit, exit 1."""
    text = GOOD + f"products:\n  - sku: A\n    name: a\n    live_price: {value}\n"
    p = _script(tmp_path, text)
    code, lines = _validate(p, capsys)
    assert code == 1
    assert any(x.startswith(f"{p}:10: ") and "live_price" in x for x in lines), lines


def test_counts_and_durations_the_store_cannot_hold_fail_validation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], db_url: str
) -> None:
    """Validation enforces the store's ranges (stock in a 32-bit column, a 10^30-hour
    duration) and says which; `show create` refuses the same file without a traceback."""
    text = (
        "title: t\ntraffic_target: 99999999999\nproducts:\n  - sku: A\n    name: a\n"
        "    stock: 4294967296\nsegments:\n  - id: a\n    duration: 1000000000000000000000000000000h\n"
    )
    p = _script(tmp_path, text)
    code, lines = _validate(p, capsys)
    assert code == 1
    assert any(x.startswith(f"{p}:2: ") and "at most 2,147,483,647" in x for x in lines)
    assert any(x.startswith(f"{p}:6: ") and "stock" in x for x in lines)
    assert any(x.startswith(f"{p}:9: ") and "7 days" in x for x in lines)
    code = main(["--db", db_url, "show", "create", "--title", "x", "--script", str(p)])
    _out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in err
    assert all(x.startswith(f"{p}:") for x in err.splitlines() if x)


def test_deep_nesting_is_reported_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """JSON-style nesting thousands deep (RecursionError in PyYAML's composer): one message
    at the line where it gets too deep."""
    p = _script(tmp_path, GOOD + "compliance:\n  x: " + "[" * 3000 + "]" * 3000 + "\n")
    code, lines = _validate(p, capsys)
    assert code == 1 and lines[0].startswith(f"{p}:8: ") and "nested" in lines[0]


@pytest.mark.parametrize(
    "obs",
    [
        "!!python/object/apply:os.system ['echo hacked']",
        "{scene: !!binary AAAA}",
        "{at: !!timestamp 'garbage'}",
        "&a {loop: *a}",
        "{n: 1.0e+400}",
        '{text: "\\ud800"}',
        "{a: &x [1, 2], b: [*x, *x]}",
    ],
)
def test_tags_and_anchors_inside_obs_are_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], obs: str
) -> None:
    """Tags, recursive anchors, inf and lone surrogates inside a cue's obs: FILE:LINE, exit 1
    (they raised ConstructorError / ValueError, or got stored and broke the JSON column)."""
    text = GOOD + "      - text: go\n        obs: " + obs + "\n"
    p = _script(tmp_path, text)
    code, lines = _validate(p, capsys)
    if obs.startswith("{a: &x"):  # aliases of plain values are fine (and small)
        assert code == 0, lines
        return
    assert code == 1, lines
    assert all(x.startswith(f"{p}:") for x in lines)
    assert any(x.startswith(f"{p}:8: ") for x in lines), lines


def test_alias_bomb_in_obs_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A "billion laughs" of aliases in obs is refused, not expanded."""
    levels = ["          l0: &l0 [lol]"] + [
        f"          l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]" for i in range(1, 9)
    ]
    text = GOOD + "      - text: go\n        obs:\n" + "\n".join(levels) + "\n"
    p = _script(tmp_path, text)
    code, lines = _validate(p, capsys)
    assert code == 1 and any("values" in x for x in lines), lines


def test_control_character_is_reported_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A control character on line 5 is reported at line 5, not line 1."""
    p = _script(tmp_path, GOOD.replace("    cues:", "    cues:\x01"))
    code, lines = _validate(p, capsys)
    assert code == 1 and lines[0].startswith(f"{p}:5: "), lines


def test_every_message_line_carries_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A reader error (a bell character in a cue) is one FILE:LINE line: PyYAML's own message
    has a second line, which was printed without the prefix."""
    p = _script(tmp_path, GOOD.replace("hello", "hel\x07lo"))
    code, lines = _validate(p, capsys)
    assert code == 1 and len(lines) == 1 and lines[0].startswith(f"{p}:6: "), lines


def test_huge_script_is_refused_quickly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A script of megabytes is refused with the limit, not parsed for minutes."""
    p = _script(tmp_path, GOOD + "# " + "x" * (3 * 1024 * 1024) + "\n")
    code, lines = _validate(p, capsys)
    assert code == 1 and lines == [lines[0]] and "too large" in lines[0] and "MB" in lines[0]


def test_a_flood_of_problems_is_capped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Thousands of problems: the first hundred are listed and one line says how many more."""
    segs = "".join(f"  - id: s{i}\n    duration: bad\n" for i in range(1000))
    p = _script(tmp_path, "title: t\nsegments:\n" + segs)
    code, lines = _validate(p, capsys)
    assert code == 1 and len(lines) == 101
    assert lines[-1].startswith(f"{p}:") and "… and 900 more problems" in lines[-1]


def test_spreadsheet_overflows_are_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Stock 1e400 and a flash-sale quantity of thousands of digits in a spreadsheet:
    FILE:SHEET!ROW messages, exit 1 (OverflowError and ValueError escaped before)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "脚本"
    ws.append(["环节", "时长(分钟)", "话术", "商品", "福利"])
    ws.append(["口红秒杀", 5, "秒杀开始", "丝绒口红", "秒杀价¥99 限量" + "9" * 5000 + "件"])
    ps = wb.create_sheet("商品")
    ps.append(["SKU", "商品名称", "直播价", "库存"])
    ps.append(["MZ-2", "丝绒口红", "1e99999999", "1e400"])
    p = tmp_path / "s.xlsx"
    wb.save(p)
    code, lines = _validate(p, capsys)
    assert code == 1
    assert all(x.startswith(f"{p}:") for x in lines)
    assert any(x.startswith(f"{p}:商品!2: ") and "stock" in x for x in lines), lines
    assert any(x.startswith(f"{p}:脚本!2: ") for x in lines), lines


def test_spreadsheet_claiming_a_million_rows_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A CSV of tens of thousands of rows is refused with the row limit instead of read."""
    rows = "环节,时长,话术\n" + "".join(f"s{i},5,hi\n" for i in range(20_000))
    p = tmp_path / "s.csv"
    p.write_text(rows, encoding="utf-8")
    code, lines = _validate(p, capsys)
    assert code == 1 and len(lines) == 1 and "rows" in lines[0] and lines[0].startswith(f"{p}:")
