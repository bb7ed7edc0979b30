"""Talkback messages on one database: send, the strip's two sections, acknowledge (the sender
sees "seen"), clear, clear by reference, expiry on the show's clock, and the commands."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from studio.cli import main
from studio.store.shows import create_show
from studio.store.store import Store
from studio.talkback import messages as talkback

T0 = datetime(2027, 1, 15, 12, 0, tzinfo=UTC)


@pytest.fixture
def show(store: Store) -> int:
    return create_show(store, "talkback")


def secs(n: float) -> datetime:
    return T0 + timedelta(seconds=n)


def test_message_reaches_the_strip_and_the_ack_comes_back(store: Store, show: int) -> None:
    """A sent message is on the strip until the anchor acknowledges it; the sender's list
    then says seen, with the time."""
    sent = talkback.send(store, show, "放慢语速", urgent=True, at=T0)
    assert sent.id is not None and not sent.queued
    strip = talkback.strip(store, show, secs(5))
    assert [m.text for m in strip.messages] == ["放慢语速"] and strip.messages[0].urgent
    talkback.acknowledge(store, sent.uid, at=secs(6))
    talkback.acknowledge(store, sent.uid, at=secs(9))  # twice: the first time stays
    assert talkback.strip(store, show, secs(7)).messages == []
    m = talkback.get_message(store, sent.uid)
    assert m.state(secs(60)) == "seen" and m.acked_at == secs(6)
    assert m.as_json(secs(60))["expired_at"] is None


def test_messages_expire_after_30_s_by_default(store: Store, show: int) -> None:
    """Unseen, a message leaves the strip at 30 s and is reported expired at that time."""
    sent = talkback.send(store, show, "看镜头", at=T0)
    assert talkback.strip(store, show, secs(29)).messages
    assert talkback.strip(store, show, secs(30)).messages == []
    m = talkback.get_message(store, sent.uid)
    assert m.state(secs(31)) == "expired"
    assert m.as_json(secs(31))["expired_at"] == secs(30).isoformat()


def test_a_demo_at_60x_keeps_messages_up_for_30_wall_seconds(store: Store, show: int) -> None:
    """On a demo show's sped-up clock (60x) a message and a question stay up for their reading
    time in wall seconds: 30 s and 60 s of wall time are 1,800 s and 3,600 s of show time."""
    from studio.demo import demo_clock

    demo_clock(store, show, 60.0, wall=lambda: T0.timestamp())
    msg = talkback.send(store, show, "看镜头", at=T0)
    question = talkback.send(store, show, "能用吗", kind="question", at=T0, expires_in_s=60)
    assert talkback.strip(store, show, secs(1799)).messages
    assert talkback.strip(store, show, secs(1800)).messages == []
    assert talkback.strip(store, show, secs(3599)).questions
    assert talkback.strip(store, show, secs(3600)).questions == []
    assert talkback.get_message(store, msg.uid).state(secs(1801)) == "expired"
    assert talkback.get_message(store, question.uid).state(secs(60)) == "waiting"


def test_clear_takes_a_message_off_early(store: Store, show: int) -> None:
    """A cleared message leaves the strip at once and reads as expired then."""
    sent = talkback.send(store, show, "上链接", at=T0)
    talkback.clear(store, sent.uid, at=secs(3))
    assert talkback.strip(store, show, secs(4)).messages == []
    assert talkback.get_message(store, sent.uid).expired_at(secs(4)) == secs(3)


def test_questions_have_their_own_section_at_most_two(store: Store, show: int) -> None:
    """Questions live 60 s, the newest two are shown, and clear_ref removes one by its ref."""
    for n in range(3):
        talkback.send(store, show, f"问题 {n}", kind="question", from_role="cs",
                      ref=f"c{n}", at=secs(n))  # fmt: skip
    talkback.send(store, show, "逼单", at=secs(3))
    strip = talkback.strip(store, show, secs(10))
    assert [q.text for q in strip.questions] == ["问题 2", "问题 1"]
    assert [m.text for m in strip.messages] == ["逼单"]
    assert talkback.clear_ref(store, show, "c2", at=secs(11)) == 1
    assert [q.text for q in talkback.strip(store, show, secs(12)).questions] == ["问题 1", "问题 0"]
    assert talkback.strip(store, show, secs(61)).questions == []  # 60 s for questions


def test_urgent_messages_come_first(store: Store, show: int) -> None:
    """On the strip an urgent message is listed before newer plain ones."""
    talkback.send(store, show, "时间到", urgent=True, at=T0)
    talkback.send(store, show, "讲福利", at=secs(1))
    assert [m.text for m in talkback.strip(store, show, secs(2)).messages] == ["时间到", "讲福利"]


@pytest.mark.parametrize(
    ("text", "kw"),
    [("", {}), ("x" * 501, {}), ("ok", {"kind": "shout"}), ("ok", {"to_role": "boss"})],
)
def test_bad_messages_are_refused(store: Store, show: int, text: str, kw: dict[str, str]) -> None:
    """Empty, overlong text, an unknown kind or role: TalkbackError, nothing stored."""
    with pytest.raises(talkback.TalkbackError):
        talkback.send(store, show, text, **kw)  # type: ignore[arg-type]
    assert talkback.list_messages(store, show) == []


def test_say_and_messages_commands(db_url: str, store: Store, show: int, capsys) -> None:  # type: ignore[no-untyped-def]
    """`studio say` prints the id; `studio messages --json` lists it with the issue's keys;
    an unknown show exits 2."""
    assert main(["--db", db_url, "say", "--show", str(show), "--to", "anchor",
                 "--text", "回答问题", "--urgent"]) == 0  # fmt: skip
    msg_id = int(capsys.readouterr().out.strip())
    assert main(["--db", db_url, "messages", "--show", str(show), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in rows] == [msg_id]
    keys = {"id", "at", "from_role", "to_role", "text", "urgent", "rule", "figures",
            "acked_at", "expired_at"}  # fmt: skip
    assert keys <= set(rows[0]) and rows[0]["urgent"] is True and rows[0]["text"] == "回答问题"
    assert main(["--db", db_url, "say", "--show", "999", "--text", "x"]) == 2


def test_review_lists_messages_and_rule_firings(store: Store, show: int) -> None:
    """The review's talkback list has the message with "seen" and the rule firing, oldest
    first, in Chinese; a rule's own prompt is listed once (as its firing)."""
    from studio.review import tables
    from studio.review.load import build_review
    from studio.talkback.firings import log_firing

    sent = talkback.send(store, show, "看镜头", urgent=True, at=T0)
    talkback.acknowledge(store, sent.uid, at=secs(4))
    talkback.send(
        store, show, "精华仅剩 95 单", from_role="rules", rule="精华剩 100 单", at=secs(60)
    )
    log_firing(store, show, "精华剩 100 单", secs(60), text="精华仅剩 95 单", actions=["prompt"])
    table = tables.talkback(build_review(store, show), "zh_CN")
    assert [row[1:] for row in table.rows] == [
        ("提示", "场控", "⚠ 看镜头", "已读"),
        ("规则", "精华剩 100 单", "精华仅剩 95 单", "—"),
    ]
