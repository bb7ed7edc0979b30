"""Rules on a stored show: the demo script's rules, `studio script validate` / `rules check`
reporting FILE:LINE, `rules test` firing at the sample where the condition first holds, and a
live tick doing the actions (prompt with live figures, firing log, incident, rehearsal flag)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from studio.cli import main
from studio.demo import demo_script_path
from studio.incidents.log import list_incidents
from studio.metrics.samples import make_row
from studio.metrics.writer import write_samples
from studio.rules.live import LiveRules, rules_for_show
from studio.rules.model import Rule, parse_condition
from studio.rules.parse import check_file, load_rules_file
from studio.rules.replay import replay_show
from studio.script.store_io import create_show_from_script_file
from studio.store.models import Show
from studio.store.store import Store
from studio.talkback import messages as talkback
from studio.talkback.firings import list_firings
from studio.timeutil import from_epoch

T0 = 1_800_000_000.0
ESSENCE = "MZ-JH01"  # stock 800 in the demo script


@pytest.fixture
def show(store: Store) -> int:
    return create_show_from_script_file(store, demo_script_path())


def sell(store: Store, show: int, *points: tuple[float, int]) -> None:
    """Units sold of the essence at T0 + t, and the show's online viewers at the same times."""
    rows = [make_row(show, "sim", "units", T0 + t, v, ESSENCE) for t, v in points]
    rows += [make_row(show, "sim", "online_viewers", T0 + t, 3000) for t, _ in points]
    write_samples(store, rows)


def test_demo_script_notes_are_real_rules() -> None:
    """The demo script's "剩 100 单时提醒主播" and "库存归零后口播已抢光" are rules that check clean."""
    script, issues = check_file(demo_script_path())
    assert issues == []
    by_name = {str(r["name"]): r for r in script.rules}
    assert by_name["精华剩 100 单"]["when"] == "stock_left <= 100"
    assert by_name["口红秒杀抢光"]["when"] == "quota_left <= 0"


BAD = """title: t
products:
  - {sku: A, name: a, list_price: 2, live_price: 1, stock: 10}
segments:
  - {id: s, duration: 5m, cues: [{text: hi}]}
rules:
  - name: ok
    when: stock_left <= 3
    sku: A
    prompt: 仅剩 {stock_left}
  - name: typo
    when: stok_left <= 3
    prompt: x
  - name: other
    when: stock_left <= 3
    sku: B
    prompt: "{nope}"
"""


def test_validate_reports_rule_errors_at_their_lines(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """`studio script validate` and `studio rules check` print FILE:LINE for each bad rule
    field and exit 1; a good rule passes."""
    f = tmp_path / "show.yaml"
    f.write_text(BAD, encoding="utf-8")
    assert main(["script", "validate", str(f)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert f"{f}:12: rule 'typo': unknown figure 'stok_left'" in out[0]
    assert out[1].startswith(f"{f}:16: rule 'other': unknown product 'B'")
    assert out[2].startswith(f"{f}:17: rule 'other': prompt: unknown figure {{nope}}")
    assert main(["rules", "check", str(f)]) == 1
    assert capsys.readouterr().out.splitlines() == out


def test_studio_rules_file_is_checked_with_lines(tmp_path: Path) -> None:
    """A studio-wide rules file names its bad rule's line; its good rules load."""
    f = tmp_path / "rules.yaml"
    f.write_text("rules:\n  - name: a\n    when: overrun > 30s\n    banner: true\n"
                 "  - name: b\n    when: gmv_pace < 80\n    banner: maybe\n", encoding="utf-8")  # fmt: skip
    rules, issues = load_rules_file(f)
    assert [r.name for r in rules] == ["a"]
    assert [str(i) for i in issues] == [f"{f}:7: rule 'b': banner must be true or false"]


def test_rule_fires_at_the_sample_where_the_condition_first_holds(
    store: Store, show: int, db_url: str, capsys
) -> None:  # type: ignore[no-untyped-def]
    """Replaying the stored show: 800 - 705 = 95 left at T0+20 is the first sample at or
    under 100; the rule fires there once (710 at T0+30 is the same episode)."""
    sell(store, show, (0, 500), (10, 690), (20, 705), (30, 710))
    rule = Rule("精华剩 100 单", parse_condition("stock_left <= 100"), sku=ESSENCE,
                prompt="精华仅剩 {stock_left} 单")  # fmt: skip
    fired = replay_show(store, show, [rule])
    assert [(f.at, f.text) for f in fired] == [(T0 + 20, "精华仅剩 95 单")]
    assert main(["--db", db_url, "rules", "test", str(demo_script_path()), "--show", str(show),
                 "--json"]) == 0  # fmt: skip
    rows = json.loads(capsys.readouterr().out)
    essence = [r for r in rows if r["rule"] == "精华剩 100 单"]
    assert [r["at"] for r in essence] == [from_epoch(T0 + 20).isoformat()]
    assert talkback.list_messages(store, show) == []  # a test writes nothing


def test_live_tick_prompts_the_anchor_and_logs_the_firing(store: Store, show: int) -> None:
    """A live tick on the show's clock sends the prompt with the stock left, logs the firing
    with its figures (marked as a rehearsal), logs the incident, and fires once per episode."""
    with store.transaction() as s:
        row = s.get(Show, show)
        assert row is not None
        row.is_rehearsal = True
    now = [T0 + 25]
    rule = Rule("精华剩 100 单", parse_condition("stock_left <= 100"), sku=ESSENCE,
                prompt="精华仅剩 {stock_left} 单", urgent=True, incident="product")  # fmt: skip
    live = LiveRules(store, show, [rule], clock=lambda: now[0])
    sell(store, show, (0, 500))
    assert live.tick() == []
    sell(store, show, (20, 705))
    done = live.tick()
    assert [d.actions for d in done] == [["prompt", "incident"]]
    assert done[0].rehearsal and done[0].figures["stock_left"] == 95
    now[0] += 1
    assert live.tick() == []
    msgs = talkback.list_messages(store, show)
    assert [(m.text, m.rule, m.urgent, m.rehearsal, m.from_role) for m in msgs] == [
        ("精华仅剩 95 单", "精华剩 100 单", True, True, "rules")
    ]
    assert msgs[0].figures["stock_left"] == 95
    assert [f.rule for f in list_firings(store, show)] == ["精华剩 100 单"]
    assert [i.source for i in list_incidents(store, show)] == ["auto"]


def test_show_rules_come_from_its_stored_script(store: Store, show: int) -> None:
    """The rules a live show runs are its stored script's (saved with the show)."""
    assert "精华剩 100 单" in [r.name for r in rules_for_show(store, show)]


def test_questions_waiting_reads_the_customer_service_queue(store: Store, show: int) -> None:
    """With three viewer questions open at the audience desk, "questions_waiting > 2" fires
    (a banner), once."""
    from datetime import datetime

    from studio.audience.ingest import accept_lines

    t = datetime.fromisoformat("2026-12-12T20:01:00+08:00").timestamp()  # the demo's day
    asks = ["这个口红适合黄皮吗？", "什么时候发货？", "有没有优惠券？"]
    lines = [
        json.dumps({"ts": t + i, "type": "chat", "id": f"c{i}", "user": f"u{i}", "text": q})
        for i, q in enumerate(asks)
    ]
    assert accept_lines(store, show, lines, source="test").accepted == 3
    rule = Rule("问题积压", parse_condition("questions_waiting > 2"), banner=True)
    live = LiveRules(store, show, [rule], clock=lambda: t + 10)
    done = live.tick()
    assert [(d.rule, d.figures["questions_waiting"]) for d in done] == [("问题积压", 3)]
    assert live.tick() == []


def test_rules_test_replays_questions_waiting_from_the_stored_cards(
    store: Store, show: int, db_url: str, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    """`rules test` counts the questions waiting at each time from the stored cards (first
    asked, answered, ignored): "questions_waiting > 2" fires when the 3rd is asked, re-arms
    once answers bring it to 1, fires again at the next 3rd; ignoring counts from its time."""
    from datetime import datetime

    from studio.audience.ingest import accept_lines
    from studio.audience.queue import act, open_cards, questions_waiting

    t = datetime.fromisoformat("2026-12-12T20:01:00+08:00").timestamp()  # the demo's day

    def ask(at: float, text: str) -> None:
        line = json.dumps({"ts": t + at, "type": "chat", "id": f"q{at:g}", "user": f"u{at:g}",
                           "text": text})  # fmt: skip
        assert accept_lines(store, show, [line], source="test").accepted == 1

    def close(action: str, text: str, at: float) -> None:
        card = next(c for c in open_cards(store, show) if c.text == text)
        assert act(store, card, action, who="cs1", at=t + at, reply="有的") is True

    ask(0, "这个口红适合黄皮吗？")
    ask(5, "什么时候发货？")
    ask(10, "有没有优惠券？")  # 3 waiting: fires
    close("answer", "这个口红适合黄皮吗？", 20)  # 2: still the same episode
    close("answer", "什么时候发货？", 25)  # 1: re-armed
    ask(30, "精华液怎么用？")  # 2
    ask(40, "气垫是什么色号？")  # 3: fires again
    close("ignore", "有没有优惠券？", 45)
    close("ignore", "精华液怎么用？", 50)  # 1: re-armed
    ask(55, "面膜一盒几片？")
    ask(60, "防晒乳会不会油？")  # 3: fires a third time
    assert len(open_cards(store, show)) == 3
    counts = [questions_waiting(store, show, t + s) for s in (-1, 0, 10, 20, 25, 40, 45, 50, 60)]
    assert counts == [0, 1, 3, 2, 1, 3, 2, 1, 3]

    rules = tmp_path / "rules.yaml"
    rules.write_text("rules:\n  - name: 问题积压\n    when: questions_waiting > 2\n"
                     "    prompt: 有 {questions_waiting} 个问题在等\n", encoding="utf-8")  # fmt: skip
    assert main(["--db", db_url, "rules", "test", str(rules), "--show", str(show), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["at"], r["value"], r["text"]) for r in rows] == [
        (from_epoch(t + s).isoformat(), 3.0, "有 3 个问题在等") for s in (10, 40, 60)
    ]
    live = LiveRules(store, show, load_rules_file(rules)[0], clock=lambda: t + 60)
    assert [d.figures["questions_waiting"] for d in live.tick()] == [3]  # live: the same count


def test_rules_sheet_of_a_spreadsheet_script(tmp_path: Path) -> None:
    """An xlsx script's 规则 sheet: good rows become rules (kept in the script's YAML), a bad
    row is reported at its sheet and row."""
    import openpyxl

    from studio.rules.parse import rules_of_script
    from studio.script.yaml_io import dump_yaml, parse_yaml

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "脚本"
    ws.append(["环节", "时长", "话术", "商品"])
    ws.append(["精华讲解", 10, "上链接！", "MZ-1"])
    ps = wb.create_sheet("商品")
    ps.append(["SKU", "商品名称", "原价", "直播价", "库存"])
    ps.append(["MZ-1", "焕亮精华", 399, 259, 800])
    rs = wb.create_sheet("规则")
    rs.append(["规则", "条件", "商品", "提示", "紧急"])
    rs.append(["剩 100 单", "stock_left <= 100", "MZ-1", "仅剩 {stock_left} 单", "是"])
    rs.append(["写错了", "库存 <= 5", "MZ-1", "x", ""])
    path = tmp_path / "show.xlsx"
    wb.save(path)
    script, issues = check_file(path)
    assert [str(i) for i in issues] == [
        f"{path}:规则!3: rule '写错了': cannot read the condition '库存 <= 5' (write e.g. "
        "'stock_left <= 100', 'quota_left <= 10%', 'segment_ends_in <= 60s' or 'sold_out')"
    ]
    [ok] = rules_of_script(script)
    assert (ok.name, str(ok.when), ok.sku, ok.urgent) == (
        "剩 100 单",
        "stock_left <= 100",
        "MZ-1",
        True,
    )
    again, _, problems = parse_yaml(dump_yaml(script), "saved.yaml")
    assert problems == [] and again.rules == script.rules


def test_obs_text_action_goes_through_the_obs_link(store: Store, show: int) -> None:
    """A rule with obs: sets that text source through the OBS client (SetInputSettings with
    the live figure filled in); without a connected client it is skipped, the rest still done."""
    from studio.rules.actions import perform
    from studio.rules.model import Firing, ObsText

    sent: list[tuple[str, dict[str, object]]] = []

    class Session:
        def request(self, name: str, data: dict[str, object]) -> dict[str, object]:
            sent.append((name, data))
            return {}

    class Client:
        connected = True

        def submit(self, job: Any) -> None:
            job(Session())

    rule = Rule("剩 100", parse_condition("stock_left <= 100"), sku=ESSENCE, banner=True,
                obs=ObsText("库存文字", "仅剩 {stock_left}"))  # fmt: skip
    firing = Firing(rule, T0, 95.0, {"stock_left": 95}, obs_text="仅剩 95")
    done = perform(store, show, firing, obs=Client())
    assert done.actions == ["banner", "obs"]
    assert sent == [("SetInputSettings", {"inputName": "库存文字",
                                          "inputSettings": {"text": "仅剩 95"}, "overlay": True})]  # fmt: skip
    assert perform(store, show, firing, obs=None).actions == ["banner"]


def test_replayed_sales_derive_what_the_store_derives(store: Store, show: int) -> None:
    """The replay's in-memory sales give the same derived figures as `derive_show` at every
    sample time, flash sale included (one truth for stock and quota left)."""
    from studio.products.changes import start_flash_sale
    from studio.products.reader import derive_show
    from studio.rules.replay import SalesTimeline

    start_flash_sale(store, show, "MZ-KH03", 9_900, 300, seconds=60, clock=lambda: T0 + 5)
    sell(store, show, (0, 500), (10, 690), (20, 705))
    write_samples(
        store,
        [
            make_row(show, "sim", "units", T0 + t, v, "MZ-KH03")
            for t, v in ((0, 10), (30, 250), (90, 400))
        ],
    )
    timeline = SalesTimeline(store, show)
    for t in (0, 10, 20, 30, 90):
        now = from_epoch(T0 + t)
        ours = [(d.sku, d.stock_left, d.flash) for d in timeline.derived(T0 + t)]
        theirs = [(d.sku, d.stock_left, d.flash) for d in derive_show(store, show, now, T0 + t)]
        assert ours == theirs


def test_hostile_rules_are_errors_at_their_lines_never_a_crash(tmp_path: Path) -> None:
    """Non-text names, a number or a mapping as condition, a huge or attribute template, a
    negative expiry, a rule that is not a mapping: each an error at its own line; a good rule
    after a skipped item is still reported at its own line, not its neighbour's."""
    f = tmp_path / "hostile.yaml"
    f.write_text(
        "title: t\nproducts:\n  - {sku: A, name: a, list_price: 2, live_price: 1, stock: 10}\n"
        "segments:\n  - {id: s, duration: 5m, cues: [{text: hi}]}\nrules:\n"
        "  - name: [1, 2]\n    when: 5\n    prompt: {a: b}\n"  # 7-9
        "  - name: big\n    when: stock_left <= 3\n    prompt: '{stock_left:>99999999}'\n"  # 10-12
        "  - name: attr\n    when: stock_left <= 3\n    prompt: '{product.__class__}'\n"  # 13-15
        "    expires: -5\n"  # 16
        "  - just text\n"  # 17
        "  - name: nested\n    when: {a: 1}\n    banner: true\n"  # 18-20
        "  - name: ok\n    when: stock_left <= 3\n    sku: A\n    urgent: 1\n"  # 21-24
        "    prompt: '{price:.2f} 元，剩 {stock_left:,}'\n",  # 25
        encoding="utf-8",
    )
    _, issues = check_file(f)
    assert [(i.where, i.message.split(":")[0]) for i in issues] == [
        ("8", "rule '[1, 2]'"),
        ("9", "rule '[1, 2]'"),
        ("12", "rule 'big'"),
        ("15", "rule 'attr'"),
        ("16", "rule 'attr'"),
        ("17", "rule 4 must be a mapping"),
        ("19", "rule 'nested'"),
    ]
