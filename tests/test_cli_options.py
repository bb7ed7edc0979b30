"""Global options work before or after the subcommand; the GUI without a screen says what to do."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from studio.cli import build_parser


def test_global_options_after_the_subcommand(tmp_path: Path) -> None:
    """`studio demo --lang zh_CN` and `studio show list --db URL` parse like the leading form."""
    parser = build_parser()
    url = f"sqlite:///{tmp_path / 'a.db'}"
    after = parser.parse_args(["demo", "--lang", "zh_CN", "--speed", "60"])
    before = parser.parse_args(["--lang", "zh_CN", "demo", "--speed", "60"])
    assert after.lang == before.lang == "zh_CN"
    assert after.speed == before.speed == 60
    nested = parser.parse_args(["show", "list", "--db", url, "-v"])
    assert nested.db == url and nested.verbose
    # Given before the subcommand and not repeated after it, the value is kept.
    kept = parser.parse_args(["--db", url, "show", "list"])
    assert kept.db == url
    plain = parser.parse_args(["show", "list"])
    assert plain.db is None and plain.lang is None and plain.verbose is False


def test_every_process_knows_how_to_replay_every_queued_edit() -> None:
    """A fresh `studio` process registers the replays of incidents, products and coupons, so an
    edit queued offline by another command never stalls its outbox."""
    code = (
        "from studio.cli import register_replays; from studio.store.sync import writes; "
        "register_replays(); print(sorted(writes._REPLAYS))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    from studio.incidents.log import UPDATE_OP
    from studio.products.changes import EDIT_OP, UNDO_OP
    from studio.products.coupon_book import COUNTS_OP

    for op in (UPDATE_OP, EDIT_OP, UNDO_OP, COUNTS_OP):
        assert repr(op) in out
