"""The headless contract: `studio incident add|list|update|export`."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from studio.cli import main

LIST_KEYS = {
    "id",
    "at",
    "category",
    "severity",
    "status",
    "source",
    "segment",
    "text",
    "mitigated_at",
    "resolved_at",
}


def run(capsys: pytest.CaptureFixture[str], db_url: str, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", db_url, *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def show(capsys, db_url: str) -> int:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, db_url, "show", "create", "--title", "CLI show")
    assert code == 0
    return int(out.strip())


def test_add_prints_the_id_and_list_json_has_exact_keys(capsys, db_url, show) -> None:
    """add prints the new id; list --json returns exactly the contract keys and values."""
    code, out, _ = run(
        capsys,
        db_url,
        "incident",
        "add",
        "--show",
        str(show),
        "--category",
        "product",
        "--severity",
        "2",
        "--text",
        "链接价格错误",
        "--at",
        "2026-11-11T20:05:00+08:00",
    )
    assert code == 0
    iid = int(out.strip())
    code, out, _ = run(capsys, db_url, "incident", "list", "--show", str(show), "--json")
    assert code == 0
    (item,) = json.loads(out)
    assert set(item) == LIST_KEYS
    assert item["id"] == iid and item["text"] == "链接价格错误"
    assert (item["category"], item["severity"], item["status"], item["source"]) == (
        "product",
        2,
        "open",
        "manual",
    )
    assert item["at"] == "2026-11-11T12:05:00+00:00"
    assert item["segment"] is None and item["mitigated_at"] is None


def test_update_mitigate_then_resolve_with_note(capsys, db_url, show) -> None:
    """update --status moves the lifecycle on and --note is kept as the action taken."""
    _, out, _ = run(
        capsys,
        db_url,
        "incident",
        "add",
        "--show",
        str(show),
        "--category",
        "technical",
        "--severity",
        "1",
        "--text",
        "stream drop",
    )
    iid = out.strip()
    code, out, _ = run(
        capsys,
        db_url,
        "incident",
        "update",
        iid,
        "--status",
        "mitigated",
        "--note",
        "switched to backup push",
    )
    assert code == 0 and "mitigated" in out
    assert run(capsys, db_url, "incident", "update", iid, "--status", "resolved")[0] == 0
    _, out, _ = run(capsys, db_url, "incident", "list", "--show", str(show), "--json")
    (item,) = json.loads(out)
    assert item["status"] == "resolved" and item["mitigated_at"] and item["resolved_at"]
    assert item["mitigated_at"] <= item["resolved_at"]


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["add", "--show", "{show}", "--category", "weather", "--severity", "2"], 2, "category"),
        (["add", "--show", "{show}", "--category", "other", "--severity", "4"], 2, "severity"),
        (
            ["add", "--show", "{show}", "--category", "other", "--severity", "2", "--at", "noon"],
            2,
            "--at",
        ),
        (["add", "--show", "999", "--category", "other", "--severity", "2"], 1, "no show"),
        (["update", "999", "--status", "resolved"], 1, "no incident"),
        (["update", "1"], 2, "nothing to change"),
        (["update", "1", "--status", "closed"], 2, "status"),
    ],
)
def test_bad_input_gives_a_message_and_exit_code(capsys, db_url, show, argv, code, message) -> None:
    """Wrong category, severity, time, show or incident: a clear message and a non-zero exit."""
    argv = [a.replace("{show}", str(show)) for a in argv]
    try:
        got = run(capsys, db_url, "incident", *argv)
    except SystemExit as exc:  # argparse rejects choices itself
        got = (int(exc.code or 0), "", capsys.readouterr().err)
    assert got[0] == code
    assert message in got[2]


def test_export_writes_csv(capsys, db_url, show, tmp_path: Path) -> None:
    """export -o writes one CSV row per incident."""
    for cat in ("technical", "anchor", "compliance"):
        run(
            capsys,
            db_url,
            "incident",
            "add",
            "--show",
            str(show),
            "--category",
            cat,
            "--severity",
            "3",
            "--text",
            cat,
        )
    out_file = tmp_path / "inc.csv"
    code, out, _ = run(
        capsys, db_url, "incident", "export", "--show", str(show), "-o", str(out_file)
    )
    assert code == 0 and "3 incidents" in out
    rows = list(csv.DictReader(out_file.read_text(encoding="utf-8-sig").splitlines()))
    assert [r["category"] for r in rows] == ["technical", "anchor", "compliance"]
