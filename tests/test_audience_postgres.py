"""The audience desk on two stations sharing one PostgreSQL database: the 客服 answers a
question and the controller's station hears of it (notification, then reads the answer);
an ingest on one station and the queue on the other see the same cards."""

# ruff: noqa: F811  (pytest fixtures imported from pg_cluster are parameters by design)
from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from pg_cluster import PgCluster, pg_cluster, pg_url, wait_for  # noqa: F401
from two_stations import open_stations

from studio.audience.ingest import accept_lines
from studio.audience.queue import act, escalate, open_cards
from studio.audience.stats import desk_now, show_stats
from studio.demo import demo_script_path
from studio.script.store_io import create_show_from_script_file
from studio.store.changes import Change
from studio.store.store import Store
from studio.talkback.messages import list_messages
from studio.timeutil import from_epoch, wall_clock

pytestmark = pytest.mark.postgres


@pytest.fixture
def stations(pg_url: str) -> Iterator[tuple[Store, Store]]:
    with open_stations(pg_url, "controller", "cs") as both:
        yield both


def test_cs_answers_and_the_controller_sees_it(stations: tuple[Store, Store]) -> None:
    """Questions ingested on the controller's station are the 客服's queue; the answer the
    客服 records reaches the controller as a notification and in its figures."""
    controller, cs = stations
    now = wall_clock()
    show = create_show_from_script_file(
        controller, demo_script_path(), planned_start=from_epoch(now - 600)
    )
    lines = [
        {"ts": now - 30, "type": "chat", "id": "a", "user": "阿狸", "text": "3号链接多少钱"},
        {"ts": now - 20, "type": "chat", "id": "b", "user": "北北", "text": "口红多少钱？"},
        {"ts": now - 10, "type": "chat", "id": "c", "user": "七七", "text": "新疆包邮吗"},
    ]
    assert accept_lines(controller, show, lines, source="platform").accepted == 3
    assert wait_for(lambda: len(open_cards(cs, show)) == 2)
    price = next(c for c in open_cards(cs, show) if c.topic == "price")
    assert price.count == 2 and price.askers == ("阿狸", "北北")

    heard = threading.Event()

    def seen(c: Change) -> None:
        if c.remote and c.table == "audience_group" and c.row_id == price.id:
            heard.set()

    controller.bus.subscribe(seen)
    act(cs, price.id, "answer", who="cs", at=now, reply="3号链接直播价 159 元")
    assert heard.wait(10), "the controller never heard of the answer"
    assert wait_for(lambda: desk_now(controller, show, now).answered == 1)
    st = show_stats(controller, show)
    assert st.answered == 2 and st.unanswered == 1
    assert st.per_agent["cs"]["answered"] == 2

    # The controller pushes the other question to the anchor; the 客服's answer clears it.
    ship = next(c for c in open_cards(controller, show) if c.topic == "shipping")
    escalate(controller, ship.id, who="controller", role="controller", at=now)
    assert wait_for(lambda: any(c.escalated for c in open_cards(cs, show)))
    act(cs, ship.id, "answer", who="cs", at=now + 5, reply="新疆补 10 元运费")
    msgs = list_messages(controller, show, kind="question")
    assert [m.ref for m in msgs] == [ship.uid] and msgs[0].cleared_at is not None


def test_answer_made_while_the_server_is_down_arrives_once(
    pg_cluster: PgCluster, pg_url: str
) -> None:
    """The 客服 answers with the server stopped: the answer is queued, applied once when the
    server is back, and the controller then sees the card answered with that reply."""
    controller = Store.open(pg_url, station="controller")
    cs = Store.open(pg_url, station="cs")
    try:
        now = wall_clock()
        show = create_show_from_script_file(
            controller, demo_script_path(), planned_start=from_epoch(now - 600)
        )
        line = {"ts": now - 5, "type": "chat", "id": "a", "user": "阿狸", "text": "新疆包邮吗"}
        accept_lines(controller, show, [line], source="platform")
        assert wait_for(lambda: len(open_cards(cs, show)) == 1)
        card = open_cards(cs, show)[0]
        pg_cluster.stop()
        assert act(cs, card, "answer", who="cs", at=now, reply="新疆补 10 元运费") is False
        assert cs.outbox_size() == 1
        pg_cluster.start()
        assert wait_for(lambda: cs.outbox_size() == 0 and cs.link_status.online, 30)
        assert wait_for(lambda: not open_cards(controller, show))
        st = show_stats(controller, show)
        assert (st.answered, st.unanswered) == (1, 0)
        cs.flush_outbox()  # nothing left to apply twice
        assert show_stats(controller, show).answered == 1
    finally:
        if not pg_cluster.running():
            pg_cluster.start()
        controller.close()
        cs.close()
