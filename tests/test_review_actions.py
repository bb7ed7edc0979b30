"""Review actions: decided in one show's review, carried into the next show's readiness gate item
and report (done / not done), dated ones due at the first show on or after their date."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from studio.cli import main
from studio.planning.review_actions import (
    ActionError,
    actions_for_show,
    add_action,
    readiness_item,
    set_done,
)
from studio.review import tables
from studio.review.html import render_html
from studio.review.load import build_review
from studio.store.models import Show
from studio.store.shows import create_show
from studio.store.store import Store

DAY1 = datetime(2026, 11, 10, 12, 0, tzinfo=UTC)


def _shows(store: Store) -> tuple[int, int, int, int]:
    """A (ended, day 1), a rehearsal on day 2, B planned on day 3, C planned on day 5."""
    a = create_show(store, "周一专场", planned_start=DAY1)
    rehearsal = create_show(
        store, "彩排", planned_start=DAY1 + timedelta(days=1), is_rehearsal=True
    )
    b = create_show(store, "周三专场", planned_start=DAY1 + timedelta(days=2))
    c = create_show(store, "周五专场", planned_start=DAY1 + timedelta(days=4))
    with store.transaction() as s:
        s.execute(
            update(Show)
            .where(Show.id == a)
            .values(status="ended", started_at=DAY1, ended_at=DAY1 + timedelta(hours=2))
        )
    return a, rehearsal, b, c


def _clock(at: datetime):  # type: ignore[no-untyped-def]
    return lambda: at.timestamp()


def test_action_from_one_review_is_a_readiness_item_of_the_next_show(store: Store) -> None:
    """An action due "next show" from show A's review warns in the readiness item of B (not of
    the rehearsal in between), stays open into C, and passes once done (listed as done in B
    only)."""
    a, rehearsal, b, c = _shows(store)
    aid = add_action(
        store, a, "开场福袋提前到第5分钟", "阿强", clock=_clock(DAY1 + timedelta(hours=3))
    )
    carried_b = actions_for_show(store, b)
    assert [(x.id, x.due_here, x.due_show_id, x.origin_title) for x in carried_b] == [
        (aid, True, b, "周一专场")
    ]
    status, message = readiness_item(carried_b)
    assert status == "warn"
    assert message == (
        "actions.open",
        {"open": 1, "first": "开场福袋提前到第5分钟", "owner": "阿强"},
    )
    assert actions_for_show(store, rehearsal)[0].due_here is False  # a rehearsal is not "next"
    assert actions_for_show(store, a) == []  # never carried into its own show
    assert readiness_item(actions_for_show(store, c))[0] == "warn"  # still open: overdue

    set_done(store, aid, note="第5分钟开福袋", clock=_clock(DAY1 + timedelta(days=2)))
    done_b = actions_for_show(store, b)
    assert [x.done for x in done_b] == [True]
    assert readiness_item(done_b) == ("pass", ("actions.done", {"done": 1}))
    assert actions_for_show(store, c) == []  # done, and it was due at B, not C
    set_done(store, aid, done=False)
    assert readiness_item(actions_for_show(store, b))[0] == "warn"


def test_dated_action_is_due_at_the_first_show_on_or_after_its_date(store: Store) -> None:
    """Due on day 4: open but not yet due in B (day 3, the item passes), due in C (day 5)."""
    a, _, b, c = _shows(store)
    add_action(store, a, "更换补光灯", "小林", due_at=DAY1 + timedelta(days=3))
    in_b = actions_for_show(store, b)
    assert [(x.due_here, x.due_show_id) for x in in_b] == [(False, c)]
    assert readiness_item(in_b) == ("pass", ("actions.later", {"open": 1}))
    in_c = actions_for_show(store, c)
    assert readiness_item(in_c)[0] == "warn" and in_c[0].due_here


def test_report_lists_carried_actions_done_or_not(store: Store) -> None:
    """B's review lists A's actions with their state in both languages; A's review lists the
    actions it decided."""
    a, _, b, _ = _shows(store)
    first = add_action(store, a, "话术加入价格对比", "小美")
    add_action(store, a, "千川预算提前30分钟", "")
    set_done(store, first, note="已加入")
    review_b = build_review(store, b)
    table = tables.carried_actions(review_b, "en")
    assert [r[0] for r in table.rows] == ["话术加入价格对比", "千川预算提前30分钟"]
    assert [r[4] for r in table.rows] == ["done", "not done"]
    assert table.rows[0][5] == "已加入" and table.rows[1][1] == tables.DASH
    zh = render_html(review_b, "zh_CN")
    assert "往期复盘待办" in zh and "已完成" in zh and "未完成" in zh
    review_a = build_review(store, a)
    assert [r[0] for r in tables.review_actions(review_a, "en").rows] == [
        "话术加入价格对比",
        "千川预算提前30分钟",
    ]
    assert "next show" in render_html(review_a, "en")


def test_action_errors_and_command(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    """An empty text or unknown action is refused; `studio action add|list|done` records,
    lists (JSON) and closes actions with clear exit codes."""
    a, _, b, _ = _shows(store)
    with pytest.raises(ActionError):
        add_action(store, a, "  ")
    with pytest.raises(ActionError):
        set_done(store, 999)
    db = str(store.engine.url)
    assert (
        main(["--db", db, "action", "add", "--show", str(a), "--what", "测试", "--owner", "X"]) == 0
    )
    assert (
        main(["--db", db, "action", "add", "--show", str(a), "--what", "Y", "--due", "2026-11-13"])
        == 0
    )
    capsys.readouterr()
    assert main(["--db", db, "action", "list", "--show", str(b), "--json"]) == 0
    out = capsys.readouterr().out
    assert '"what": "测试"' in out and '"due": "next_show"' in out and '"due_here": true' in out
    assert main(["--db", db, "action", "done", "1", "--note", "ok"]) == 0
    assert main(["--db", db, "action", "done", "42"]) == 1
    assert main(["--db", db, "action", "add", "--show", "99", "--what", "Z"]) == 1
    assert (
        main(["--db", db, "action", "add", "--show", str(a), "--what", "Z", "--due", "soon"]) == 2
    )
    assert [x.done for x in actions_for_show(store, b)] == [True, False]
