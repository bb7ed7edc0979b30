"""The `studio` command: version, show create/list, bad database URLs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from studio import __version__
from studio.cli import main


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "studio.cli", *args], capture_output=True, text=True, timeout=60
    )


def test_version_is_printed() -> None:
    """`studio --version` prints the package version."""
    out = run_cli("--version")
    assert out.returncode == 0
    assert out.stdout.strip() == f"studio {__version__}"


def test_show_create_prints_an_id_and_list_json_returns_it(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A created show is listed with its title, status, start and target."""
    assert (
        main(
            [
                "--db",
                db_url,
                "show",
                "create",
                "--title",
                "双十一美妆专场",
                "--gmv-target",
                "300,000",
                "--start",
                "2026-11-11T20:00:00+08:00",
            ]
        )
        == 0
    )
    show_id = int(capsys.readouterr().out.strip())
    assert main(["--db", db_url, "show", "list", "--json"]) == 0
    shows = json.loads(capsys.readouterr().out)
    assert shows == [
        {
            "id": show_id,
            "title": "双十一美妆专场",
            "status": "planned",
            "planned_start": "2026-11-11T12:00:00+00:00",
            "gmv_target_yuan": 300000.0,
            "rehearsal": False,
        }
    ]


def test_bad_db_url_gives_a_clear_error_and_exit_2(tmp_path: Path) -> None:
    """A wrong --db is a one-line message on stderr, not a traceback."""
    out = run_cli("--db", f"sqlite:///{tmp_path}/missing/dir/x.db", "show", "list")
    assert out.returncode == 2
    assert "does not exist" in out.stderr
    assert "Traceback" not in out.stderr


def test_bad_arguments_are_rejected(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A malformed amount or start time names the bad value."""
    assert main(["--db", db_url, "show", "create", "--title", "x", "--gmv-target", "lots"]) == 2
    assert "lots" in capsys.readouterr().err
    assert main(["--db", db_url, "show", "create", "--title", "x", "--start", "tonight"]) == 2
    assert "tonight" in capsys.readouterr().err
