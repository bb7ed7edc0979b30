"""Scripts stored with the show (rows + lossless YAML), and `studio show create --script`."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from studio.cli import main
from studio.script.loader import load_script_file
from studio.script.store_io import (
    create_show_from_script_file,
    has_segments,
    load_script,
    replace_script,
)
from studio.store.models import Cue, Product, Segment, Show
from studio.store.store import Store

DEMO = Path(__file__).resolve().parents[1] / "resources" / "demo" / "show.yaml"


def test_script_becomes_rows_and_loads_back(store: Store) -> None:
    """Products, segments and cues become rows; the stored script equals the file's."""
    show_id = create_show_from_script_file(store, DEMO)
    original = load_script_file(DEMO)
    assert load_script(store, show_id) == original
    assert has_segments(store, show_id)
    with store.session() as s:
        show = s.get(Show, show_id)
        assert show is not None and show.title == original.title
        assert show.gmv_target_cents == 300_000_00 and show.planned_seconds == 7200
        assert len(s.scalars(select(Product).where(Product.show_id == show_id)).all()) == 8
        segs = s.scalars(
            select(Segment).where(Segment.show_id == show_id).order_by(Segment.position)
        ).all()
        assert [x.key for x in segs] == [x.id for x in original.segments]
        flash = next(x for x in segs if x.kind == "flash_sale")
        assert flash.extra["flash_sale"] == {"quantity": 300, "price_cents": 9900}
        assert len(s.scalars(select(Cue)).all()) == sum(len(x.cues) for x in original.segments)


def test_overrides_from_the_command_line(store: Store) -> None:
    """Title, start and GMV target given to show create win over the script's."""
    from datetime import UTC, datetime

    start = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    show_id = create_show_from_script_file(
        store, DEMO, title="改名", planned_start=start, gmv_target_cents=123
    )
    with store.session() as s:
        show = s.get(Show, show_id)
        assert show is not None
        assert (show.title, show.planned_start, show.gmv_target_cents) == ("改名", start, 123)
    assert load_script(store, show_id).title == "改名"


def test_bad_script_raises_value_error_and_stores_nothing(store: Store, tmp_path: Path) -> None:
    """A bad file raises ValueError with FILE:LINE messages and creates no show."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: x\nsegments:\n  - id: a\n    duration: -5m\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.yaml:4: segment a: negative duration"):
        create_show_from_script_file(store, bad)
    with store.session() as s:
        assert s.scalars(select(Show)).all() == []


def test_replace_script_rebuilds_rows(store: Store) -> None:
    """Saving an edited script replaces segments/cues, keeping the show id."""
    show_id = create_show_from_script_file(store, DEMO)
    script = load_script(store, show_id)
    edited = replace(script, segments=tuple(reversed(script.segments[:3])))
    replace_script(store, show_id, edited)
    assert load_script(store, show_id) == edited
    with store.session() as s:
        keys = s.scalars(
            select(Segment.key).where(Segment.show_id == show_id).order_by(Segment.position)
        ).all()
    assert keys == [x.id for x in edited.segments]


def test_cli_show_create_with_script(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """`studio show create --script` stores the script and prints the new id."""
    assert main(["--db", db_url, "show", "create", "--title", "测试", "--script", str(DEMO)]) == 0
    show_id = int(capsys.readouterr().out.strip())
    s = Store.open(db_url)
    try:
        assert len(load_script(s, show_id).segments) == 17
    finally:
        s.close()
