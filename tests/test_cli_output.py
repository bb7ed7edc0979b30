"""Command output a person reads: aligned Chinese labels, empty lists said, pipes that close."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from studio.cli import main
from studio.commands.common import display_width
from studio.metrics.samples import make_row
from studio.metrics.writer import write_samples
from studio.store.shows import create_show
from studio.store.store import Store


def test_kpi_rows_align_in_chinese_and_name_money_as_money(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every value ends in the same terminal column; GMV is labelled 成交金额, not gmv_cents."""
    url = f"sqlite:///{tmp_path / 'k.db'}"
    store = Store.open(url)
    try:
        show = create_show(store, "k")
        write_samples(store, [
            make_row(show, "sim", "gmv_cents", 1_800_000_000, 1_234_500),
            make_row(show, "sim", "online_viewers", 1_800_000_000, 3_210),
            make_row(show, "sim", "orders", 1_800_000_000, 17),
        ])  # fmt: skip
    finally:
        store.close()
    assert main(["kpi", "--db", url, "--show", str(show), "--lang", "zh_CN"]) == 0
    rows = [ln for ln in capsys.readouterr().out.splitlines()[1:] if (ln.startswith("  ") and "¥" in ln) or ln.strip().endswith(("17", "3,210"))]  # fmt: skip
    assert len(rows) >= 3
    assert len({display_width(r) for r in rows}) == 1, rows
    gmv = next(r for r in rows if "成交金额" in r)
    assert "gmv_cents" not in gmv and "¥12,345.00" in gmv


def test_show_list_says_when_there_are_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An empty list is said, with the command that makes a show."""
    assert main(["show", "list", "--db", f"sqlite:///{tmp_path / 'e.db'}"]) == 0
    out = capsys.readouterr().out
    assert "No shows yet" in out and "studio show create" in out


def test_json_into_a_pipe_that_closes_early(tmp_path: Path) -> None:
    """`studio show list --json | head -c 10`: no BrokenPipeError traceback, exit 0."""
    url = f"sqlite:///{tmp_path / 'p.db'}"
    store = Store.open(url)
    try:
        for i in range(3000):
            create_show(store, f"show {i} " + "x" * 40)
    finally:
        store.close()
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "studio.cli", "--db", url, "show", "list", "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=60) == 0
    assert "Traceback" not in err and "BrokenPipe" not in err
