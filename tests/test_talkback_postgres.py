"""Talkback between two stations on one PostgreSQL database: the controller's message reaches
the anchor through the change notification, the anchor's acknowledgement comes back, and what
a station sends or acknowledges while the server is away arrives exactly once."""

# ruff: noqa: F811  (pytest fixtures imported from pg_cluster are parameters by design)
from __future__ import annotations

import pytest
from pg_cluster import PgCluster, pg_cluster, pg_url, wait_for  # noqa: F401
from sqlalchemy import func, select
from two_stations import arrival, stations  # noqa: F401 - the fixture

from studio.store.shows import create_show
from studio.store.store import Store
from studio.store.talkback_models import RuleFiring, TalkbackMessage
from studio.talkback import messages as talkback
from studio.talkback.firings import log_firing
from studio.timeutil import utcnow

pytestmark = pytest.mark.postgres


def count(store: Store, model: type) -> int:
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_message_and_ack_round_trip_between_stations(stations: tuple[Store, Store]) -> None:
    """The anchor hears of the controller's message (notification, no polling) and shows it;
    its acknowledgement reaches the controller, whose list then says seen."""
    controller, anchor = stations
    show = create_show(controller, "两个机位")
    heard = arrival(anchor, talkback.TABLE)
    sent = talkback.send(controller, show, "看镜头", urgent=True)
    assert heard.wait(10), "the anchor never heard of the message"
    strip = talkback.strip(anchor, show, utcnow())
    assert [m.text for m in strip.messages] == ["看镜头"] and strip.messages[0].urgent
    acked = arrival(controller, talkback.TABLE)
    talkback.acknowledge(anchor, sent.uid)
    assert acked.wait(10), "the controller never heard of the acknowledgement"
    assert talkback.get_message(controller, sent.uid).state(utcnow()) == "seen"


def test_offline_send_and_ack_arrive_exactly_once(pg_cluster: PgCluster, pg_url: str) -> None:
    """Sent, acknowledged and a rule firing logged with the server stopped: queued, then
    stored once when it is back; flushing again changes nothing."""
    controller = Store.open(pg_url, station="controller")
    anchor = Store.open(pg_url, station="anchor")
    try:
        show = create_show(controller, "断网")
        pg_cluster.stop()
        sent = talkback.send(controller, show, "时间到", at=utcnow())
        assert sent.queued and sent.id is None
        talkback.acknowledge(controller, sent.uid)
        log_firing(controller, show, "环节超时", utcnow(), text="超时", actions=["banner"])
        assert controller.outbox_size() == 3
        heard = arrival(anchor, talkback.TABLE)
        pg_cluster.start()
        assert wait_for(lambda: controller.outbox_size() == 0 and controller.link_status.online, 30)
        assert heard.wait(10)
        controller.flush_outbox()
        assert count(anchor, TalkbackMessage) == 1
        assert count(anchor, RuleFiring) == 1
        m = talkback.get_message(anchor, sent.uid)
        assert m.text == "时间到" and m.acked_at is not None
    finally:
        if not pg_cluster.running():
            pg_cluster.start()
        controller.close()
        anchor.close()
