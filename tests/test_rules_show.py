"""Rules on a stored show: the demo script's rules, `studio script validate` / `rules check`
reporting FILE:LINE, `rules test` firing at the sample where the condition first holds, and a
live tick doing the actions (prompt with live figures, firing log, incident, rehearsal flag)."""

from __future__ import annotations

import json
from pathlib import Path

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
