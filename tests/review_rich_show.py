"""The demo show run start to end with everything a review can show: the platform's traffic and
audience exports, actions carried from an earlier review and decided in this one, automatic
incidents made from the monitors' templates (several within a minute, so their markers cluster),
and device checks with translatable findings — some of them the show's, some not.

For the review's panel, report and insights tests, and for screenshots of them.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from simulated_show import SimulatedShow, simulate_show
from sqlalchemy import update

from studio.devices.audio.mic_check import NOISE_ADVICE, NOISE_QUIET_STEP, TOO_QUIET
from studio.devices.camera.monitor import BLACK, CONDITION_TEXTS
from studio.devices.checks_store import save_check
from studio.devices.findings import Finding
from studio.incidents.log import quick_log
from studio.obs.obs_check import CHECKS, NOT_CONNECTED, UNREACHABLE
from studio.planning.crew import add_crew
from studio.planning.review_actions import add_action, set_done
from studio.script.store_io import create_show_from_script_file
from studio.store.models import DeviceCheck, Show
from studio.store.shows import create_show
from studio.store.store import Store
from studio.timeutil import from_epoch
from studio.traffic.imports import import_audience, import_traffic

DEMO = Path(__file__).resolve().parents[1] / "resources" / "demo" / "show.yaml"
T0 = 1_797_000_000.0  # 2026-12-12 ... UTC

SOURCES = [
    ["流量来源", "进入人数", "人数占比", "成交金额(元)", "成交订单数", "消耗(元)"],
    ["推荐feed", "1.2万", "48.0%", "¥35,600.50", "310", ""],
    ["短视频引流", "5000", "20.0%", "12000", "100", ""],
    ["关注", "3,000", "12.0%", "9800", "90", ""],
    ["千川PC版", "1500", "6.0%", "9000", "70", "2,400"],
    ["同城", "1000", "4.0%", "800", "8", ""],
    ["个人主页&店铺&橱窗", "900", "3.6%", "500", "4", ""],
]
AUDIENCE = [
    ["维度", "标签", "人数", "占比"],
    ["性别", "男", "3,000", "30%"],
    ["性别", "女", "7000", "70%"],
    ["年龄", "18-23", "1000", "10%"],
    ["年龄", "24-30", "4000", "40%"],
    ["年龄", "31-40", "5000", "50%"],
    ["新老用户", "新用户", "6000", "60%"],
    ["新老用户", "老用户", "4000", "40%"],
]


@dataclass(frozen=True)
class RichShow:
    show_id: int
    earlier_id: int
    other_id: int
    sim: SimulatedShow
    black_text: str  # the English text of the automatic camera incident


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def _check(store: Store, kind: str, findings: list[Finding], show_id: int | None, at: float) -> int:
    check_id = save_check(store, kind, f"{kind}0", {}, findings, show_id=show_id)
    assert check_id is not None
    with store.transaction() as s:
        s.execute(update(DeviceCheck).where(DeviceCheck.id == check_id).values(at=from_epoch(at)))
    return check_id


def make_rich_show(store: Store, folder: Path, *, step_seconds: int = 10) -> RichShow:
    """The whole show in `store` (export files are written to `folder`)."""
    earlier = create_show(store, "上周专场")
    other = create_show(store, "别的直播间")
    with store.transaction() as s:
        s.execute(
            update(Show)
            .where(Show.id == earlier)
            .values(started_at=from_epoch(T0 - 7 * 86400), status="ended")
        )
    done = add_action(store, earlier, "福袋口令提前写进话术", "小美", clock=lambda: T0 - 6 * 86400)
    set_done(store, done, note="第 3 环节已加", clock=lambda: T0 - 86400)
    add_action(store, earlier, "备用麦克风开播前充满电", "阿强", clock=lambda: T0 - 6 * 86400)

    show_id = create_show_from_script_file(store, DEMO)
    with store.transaction() as s:
        s.execute(update(Show).where(Show.id == show_id).values(traffic_target=40000))
    add_crew(store, show_id, "anchor", "小美")
    add_crew(store, show_id, "controller", "阿强")
    # checks: the show's own (OBS not connected: one fail and five skipped), a mic check whose
    # sentences end in full stops, one run without a show shortly before, one long before and
    # one of another show
    obs = [
        Finding.of(
            "reachable", "fail", None, UNREACHABLE(address="127.0.0.1:4455", detail="refused")
        ),
        *[Finding.of(n, "warn", None, NOT_CONNECTED()) for n in CHECKS[1:]],
    ]
    _check(store, "obs", obs, show_id, T0 - 1800)
    mic = [
        Finding.of("loudness", "warn", -31.0, TOO_QUIET(lufs=-31.0, db=7, target=-24)),
        Finding.of("noise", "warn", -48.0, NOISE_QUIET_STEP(floor="-48"), NOISE_ADVICE(), sep=" "),
    ]
    _check(store, "mic", mic, None, T0 - 3600)
    _check(store, "camera", [Finding("focus", "fail", "blurred (old check)")], None, T0 - 86400)
    _check(store, "light", [Finding("level", "fail", "too dark (another show)")], other, T0 - 600)

    sim = simulate_show(store, show_id, T0, seed=11, step_seconds=step_seconds)
    # automatic incidents from the camera monitor: three within a minute, then a counted one
    black = CONDITION_TEXTS[BLACK][0].format()
    span = sim.end_ts - sim.start_ts
    for k, dt in enumerate((0.0, 20.0, 45.0)):
        quick_log(
            store,
            show_id,
            "technical",
            severity=2 if k else 1,
            text=black if k != 2 else f"{black} (×3)",
            at=from_epoch(T0 + span * 0.33 + dt),
            source="auto",
            condition_key=BLACK,
        )
    import_traffic(store, show_id, _csv(folder / "流量来源.csv", SOURCES))
    import_audience(store, show_id, _csv(folder / "画像.csv", AUDIENCE))
    add_action(store, show_id, "福袋前 2 分钟预告口令", "小美", clock=lambda: sim.end_ts + 600)
    add_action(
        store,
        show_id,
        "千川预算移到 20 点档",
        "投放",
        from_epoch(sim.end_ts + 3 * 86400),
        clock=lambda: sim.end_ts + 700,
    )
    return RichShow(show_id, earlier, other, sim, black)
