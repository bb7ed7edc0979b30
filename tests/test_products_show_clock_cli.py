"""CLI edits stamp the show's clock (`show_clock`), not the wall's: a demo show's records from
`studio product set|flash|undo`, `studio say`, `studio incident add|update` and
`studio comments answer` line up with its runner events on its sped-up clock."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from studio.audience.ingest import accept_lines
from studio.audience.queue import card_of_comment, get_card
from studio.audience.stats import list_comments
from studio.cli import main
from studio.demo import CLOCK_KEY, demo_script_path
from studio.incidents.log import list_incidents
from studio.products.history import product_history
from studio.script.store_io import create_show_from_script_file
from studio.store.models import Product, Show
from studio.store.store import Store
from studio.talkback.messages import list_messages

START = datetime(2026, 12, 12, 12, 0, tzinfo=UTC)
SHOW_NOW = START.timestamp() + 1800.0  # the show's clock when the test begins
SLACK = 600.0  # the commands run within seconds; the wall clock is days away from SHOW_NOW


@pytest.fixture
def show(store: Store) -> int:
    """A show on a recorded clock (as `demo_clock` records it) far from the wall's."""
    show_id = create_show_from_script_file(store, demo_script_path(), planned_start=START)
    with store.transaction() as s:
        row = s.get(Show, show_id)
        assert row is not None
        row.started_at = START
        clock = {"wall": time.time(), "show": SHOW_NOW, "speed": 1.0}
        row.extra = {**(row.extra or {}), CLOCK_KEY: clock}
    assert abs(time.time() - SHOW_NOW) > 10 * SLACK
    return show_id


def run(capsys: pytest.CaptureFixture[str], db_url: str, *argv: str) -> str:
    code = main(["--db", db_url, *argv])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def on_show_clock(at: datetime | float | None) -> bool:
    ts = at.timestamp() if isinstance(at, datetime) else at
    return ts is not None and SHOW_NOW <= ts < SHOW_NOW + SLACK


def test_product_edits_stamp_the_show_clock(
    store: Store, show: int, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A price change, a flash sale started and ended, and an undo are stamped on the show's
    clock (the flash window too)."""
    sid = str(show)
    run(capsys, db_url, "product", "set", "--show", sid, "--sku", "MZ-JH01", "--price", "299")
    run(capsys, db_url, "product", "flash", "--show", sid, "--sku", "MZ-KH03", "--price", "99",
        "--quota", "300")  # fmt: skip
    run(capsys, db_url, "product", "flash", "--show", sid, "--sku", "MZ-KH03", "--end")
    with store.session() as s:
        lipstick = s.query(Product).filter_by(show_id=show, sku="MZ-KH03").one()
        assert on_show_clock(lipstick.flash_starts_at) and on_show_clock(lipstick.flash_ends_at)
    price = next(
        e for e in product_history(store, show, "MZ-JH01") if e.field == "live_price_cents"
    )
    run(capsys, db_url, "product", "undo", "--show", sid, "--op", price.op)
    entries = product_history(store, show)
    assert len(entries) >= 4
    assert all(on_show_clock(e.at) for e in entries), [e.at for e in entries]


def test_say_and_incidents_stamp_the_show_clock(
    store: Store, show: int, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A message, an incident logged and its resolution are on the show's clock; the message
    reads as waiting (not expired) on that clock."""
    sid = str(show)
    run(capsys, db_url, "say", "--show", sid, "--text", "口红库存只剩50")
    messages = list_messages(store, show)
    assert len(messages) == 1 and on_show_clock(messages[0].at)
    assert "[waiting]" in run(capsys, db_url, "messages", "--show", sid)
    incident_id = run(
        capsys,
        db_url,
        "incident",
        "add",
        "--show",
        sid,
        "--category",
        "technical",
        "--severity",
        "2",
    ).strip()
    run(capsys, db_url, "incident", "update", incident_id, "--status", "resolved")
    (incident,) = list_incidents(store, show)
    assert on_show_clock(incident.at) and on_show_clock(incident.resolved_at)


def test_comments_answer_stamps_the_show_clock(
    store: Store, show: int, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A question answered from the CLI is answered on the show's clock (its wait is seconds,
    not days)."""
    event = {"ts": SHOW_NOW, "type": "chat", "id": "q1", "user": "小鹿", "text": "口红多少钱？"}
    assert accept_lines(store, show, [event], source="test").accepted == 1
    (comment,) = list_comments(store, show)
    run(capsys, db_url, "comments", "answer", str(comment["id"]), "--text", "到手99")
    card = get_card(store, card_of_comment(store, int(comment["id"])))
    assert card.status == "answered" and on_show_clock(card.answered_ts)
