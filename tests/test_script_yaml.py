"""Script model, YAML loading with line numbers, validation of broken scripts, lossless saving."""

from __future__ import annotations

import string
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studio.script.errors import ScriptError
from studio.script.loader import check_file, load_script_file, load_script_text
from studio.script.model import (
    Cue,
    FlashSale,
    LuckyBag,
    Product,
    Script,
    Segment,
    format_duration,
    parse_duration,
)
from studio.script.yaml_io import dump_yaml, save_yaml

DEMO = Path(__file__).resolve().parents[1] / "resources" / "demo" / "show.yaml"

GOOD = """\
title: 测试专场
slot: 30m
products:
  - sku: A1
    name: 口红
    list_price: 199
    live_price: 99.9
    stock: 10
segments:
  - id: open
    kind: opening
    duration: 5m
    cues:
      - 大家好
  - id: sale
    kind: flash_sale
    product: A1
    duration: 1:30
    flash_sale: {quantity: 50, price: 59}
    cues:
      - text: 秒杀开始
        notes: 改价
"""


def _issues(tmp_path: Path, text: str) -> list[tuple[int, str]]:
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    _, issues = check_file(path)
    return [(int(i.where), i.message) for i in issues]


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("90s", 90), ("5m", 300), ("1h30m", 5400), ("1:30", 90), ("1:02:05", 3725), ("2m30s", 150),
     ("5分钟", 300), ("1小时", 3600), (45, 45), ("120", 120), ("-5m", -300)],
)  # fmt: skip
def test_parse_duration_forms(text: object, seconds: int) -> None:
    """Every documented duration form reads to the right number of seconds."""
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "abc", "5x", "1.5s", "m5", "5m garbage"])
def test_parse_duration_rejects_garbage(text: str) -> None:
    """Unreadable durations raise ValueError instead of guessing."""
    with pytest.raises(ValueError):
        parse_duration(text)


def test_demo_script_validates() -> None:
    """The bundled demo show is valid and realistic: ~2 h, 8 products, 2 flash sales, 3 bags."""
    script = load_script_file(DEMO)
    assert len(script.products) == 8
    assert sum(s.kind == "flash_sale" for s in script.segments) == 2
    assert sum(s.kind == "lucky_bag" for s in script.segments) == 3
    assert 100 * 60 <= script.total_seconds <= script.slot_seconds == 7200
    assert script.gmv_target_cents == 300_000_00


def test_good_script_loads_values(tmp_path: Path) -> None:
    """Money becomes cents, durations seconds, plain-string cues become Cue objects."""
    p = tmp_path / "s.yaml"
    p.write_text(GOOD, encoding="utf-8")
    s = load_script_file(p)
    assert s.products[0].live_price_cents == 9990
    assert s.segments[1].planned_seconds == 90
    assert s.segments[1].flash_sale == FlashSale(50, 5900)
    assert s.segments[0].cues == (Cue("大家好"),)
    assert s.segments[1].cues[0].notes == "改价"


def test_bad_yaml_reports_its_line(tmp_path: Path) -> None:
    """A YAML syntax error is one fatal issue pointing at the broken line."""
    issues = _issues(tmp_path, "title: x\nsegments:\n  - id: a\n    duration: [5m\n  - id: b\n")
    assert len(issues) == 1
    assert issues[0][0] in (4, 5)
    assert "bad YAML" in issues[0][1]


def test_broken_script_reports_every_error_with_its_line(tmp_path: Path) -> None:
    """All problems are reported at once, each at the line where it is."""
    text = (
        "title: x\n"              # 1
        "slot: 10m\n"             # 2
        "segments:\n"             # 3
        "  - id: a\n"             # 4
        "    duration: 10m\n"     # 5
        "  - id: a\n"             # 6
        "    duration: -1m\n"     # 7
        "    product: NOPE\n"     # 8
        "  - id: fs\n"            # 9
        "    kind: flash_sale\n"  # 10
        "    duration: 2m\n"      # 11
        "    flash_sale:\n"       # 12
        "      quantity: 10\n"    # 13
        "  - id: c\n"             # 14
        "    title: no duration\n"
        "  - id: d\n"             # 16
        "    duration: soon\n"    # 17
        "    colour: red\n"       # 18
    )  # fmt: skip
    issues = _issues(tmp_path, text)
    lines = {line for line, _ in issues}
    messages = " | ".join(m for _, m in issues)
    assert (6, "duplicate segment id 'a' (first at line 4)") in issues
    assert any(line == 7 and "negative duration" in m for line, m in issues)
    assert any(line == 8 and "unknown product 'NOPE'" in m for line, m in issues)
    assert any(line == 12 and "without a price" in m for line, m in issues)
    assert any(line == 14 and "missing duration" in m for line, m in issues)
    assert any(line == 17 and "duration" in m for line, m in issues)
    assert any(line == 18 and "unknown key 'colour'" in m for line, m in issues)
    assert any(line == 2 and "over the show slot" in m for line, m in issues), messages
    assert lines == {2, 6, 7, 8, 12, 14, 17, 18}


def test_flash_sale_without_quantity_or_block(tmp_path: Path) -> None:
    """A flash sale segment with no flash_sale block lacks both quantity and price."""
    issues = _issues(
        tmp_path, "title: x\nsegments:\n  - id: s\n    kind: flash_sale\n    duration: 5m\n"
    )
    assert [m for _, m in issues] == [
        "segment s: flash sale without a quantity",
        "segment s: flash sale without a price",
    ]
    assert {line for line, _ in issues} == {3}


def test_bad_script_never_half_loads(tmp_path: Path) -> None:
    """A script with any error raises ScriptError with all messages instead of returning."""
    p = tmp_path / "s.yaml"
    p.write_text(GOOD.replace("duration: 5m", "duration: 5 minutes please"), encoding="utf-8")
    with pytest.raises(ScriptError) as err:
        load_script_file(p)
    assert str(err.value).startswith(f"{p}:12:")


def test_duplicate_key_and_non_mapping(tmp_path: Path) -> None:
    """Repeated keys and a list where a mapping belongs are reported, not silently merged."""
    issues = _issues(tmp_path, "title: a\ntitle: b\nsegments:\n  - [1, 2]\n")
    assert (2, "script: key 'title' appears twice") in issues
    assert any(line == 4 and "must be a mapping" in m for line, m in issues)


def test_not_utf8_is_reported(tmp_path: Path) -> None:
    """A file saved in a legacy encoding gets a clear message, not a traceback."""
    p = tmp_path / "s.yaml"
    p.write_bytes("title: 测试\n".encode("gbk"))
    _, issues = check_file(p)
    assert len(issues) == 1 and "UTF-8" in issues[0].message


# -- lossless save/load ------------------------------------------------------------------------

_text = st.text(
    alphabet=string.ascii_letters + string.digits + " :#-'\"!?\n\t直播口红秒杀福袋，。！",
    max_size=30,
) | st.sampled_from(["yes", "null", "~", "1:30", "0x10", " lead", "@x"])
_word = st.text(alphabet=string.ascii_letters + string.digits + "-_", min_size=1, max_size=12)
_cents = st.integers(min_value=0, max_value=10**11)
_secs = st.integers(min_value=1, max_value=10 * 3600)


@st.composite
def scripts(draw: st.DrawFn) -> Script:
    skus = draw(st.lists(_word, max_size=4, unique=True))
    products = tuple(
        Product(
            sku,
            draw(_text),
            draw(_cents),
            draw(_cents),
            draw(st.integers(0, 10**6)),
            tuple(draw(st.lists(_text, max_size=3))),
            draw(st.none() | _text),
        )
        for sku in skus
    )
    segments = []
    for seg_id in draw(st.lists(_word, min_size=1, max_size=5, unique=True)):
        kind = draw(st.sampled_from(["opening", "product", "talk", "flash_sale", "lucky_bag"]))
        cues = tuple(
            Cue(draw(_text), draw(_text), draw(st.none() | st.fixed_dictionaries({"scene": _text})))
            for _ in range(draw(st.integers(0, 3)))
        )
        segments.append(Segment(
            seg_id, draw(_text), kind, draw(_secs),
            draw(st.sampled_from(skus)) if skus and draw(st.booleans()) else None,
            draw(st.integers(0, 300)), cues,
            FlashSale(draw(st.none() | st.integers(1, 10**5)), draw(st.none() | _cents))
            if draw(st.booleans()) else None,
            LuckyBag(draw(st.none() | _secs), draw(_text)) if draw(st.booleans()) else None,
        ))  # fmt: skip
    offset = draw(st.integers(-12 * 60, 14 * 60))
    start = draw(
        st.none()
        | st.just(
            datetime(2026, 12, 12, 12, 0, tzinfo=UTC).astimezone(
                timezone(timedelta(minutes=offset))
            )
        )
    )
    return Script(
        draw(_text),
        start,
        draw(st.none() | _secs),
        draw(_cents),
        draw(st.integers(0, 10**7)),
        products,
        tuple(segments),
    )


@settings(max_examples=60, deadline=None)
@given(scripts())
def test_yaml_save_load_is_lossless(script: Script) -> None:
    """Any script saved as YAML and parsed back is equal to the original, field for field."""
    from studio.script.yaml_io import parse_yaml

    back, _, issues = parse_yaml(dump_yaml(script), "x.yaml")
    assert [i for i in issues if i.fatal] == []
    assert back == script


def test_save_yaml_writes_a_loadable_file(tmp_path: Path) -> None:
    """save_yaml writes UTF-8 Chinese text readably (not escaped) and it loads back equal."""
    script = load_script_file(DEMO)
    out = tmp_path / "out.yaml"
    save_yaml(script, out)
    text = out.read_text(encoding="utf-8")
    assert "焕亮心动夜" in text and "\\u" not in text
    assert load_script_file(out) == script
    assert load_script_text(text) == script


def test_format_duration_is_canonical() -> None:
    """The written form of durations is short and reads back to the same seconds."""
    assert [format_duration(s) for s in (0, 45, 90, 300, 5400, 3725)] == [
        "0s",
        "45s",
        "1m30s",
        "5m",
        "1h30m",
        "1h2m5s",
    ]
    for s in range(0, 8000, 37):
        assert parse_duration(format_duration(s)) == s
