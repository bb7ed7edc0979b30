"""Talkback on the show timeline: a message to the anchor and a rule firing become markers on
the live dashboard's viewers graph (their own colour and row, with a tooltip saying what and
whether it was seen), refreshed from the store bus; the review lists them."""

from __future__ import annotations

from typing import Any

import pytest
from clock import FakeClock
from live_board import feed_samples, open_board, set_timeline

from studio.store.shows import create_show
from studio.talkback import messages as talkback
from studio.talkback.firings import log_firing
from studio.timeutil import from_epoch

T0 = 1_794_000_000.0
SEGS = [("open", "开场", "opening", 600), ("p1", "讲解", "product", 2400)]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(T0)


def _show(store: Any) -> int:
    """A 50-minute show with 15 minutes of samples."""
    sid = create_show(store, "talkback timeline")
    with store.transaction() as s:
        set_timeline(s, sid, T0, 3000, SEGS)
    feed_samples(store, sid, SEGS, T0, 900)
    return sid


def test_message_and_rule_firing_are_dashboard_markers(ctx, qtbot, clock) -> None:  # type: ignore[no-untyped-def]
    """A message (acknowledged) and a rule firing 5 minutes apart are two markers in the
    talkback colour; the tooltips name the text, the rule and "seen"."""
    from studio.ui.talkback.timeline_overlay import TALK_COLOR

    sid = _show(ctx.store)
    clock.t = T0 + 901
    panel = open_board(ctx, qtbot, sid)
    sent = talkback.send(ctx.store, sid, "看镜头", at=from_epoch(T0 + 200))
    talkback.acknowledge(ctx.store, sent.uid, at=from_epoch(T0 + 205))
    log_firing(ctx.store, sid, "精华剩 100 单", from_epoch(T0 + 500), text="精华仅剩 95 单",
               actions=["prompt"])  # fmt: skip
    talk = panel.overlays.talk
    qtbot.waitUntil(lambda: len(talk.groups) == 2, timeout=5000)
    assert [at for at, _ in talk.groups] == [T0 + 200, T0 + 500]
    labels = [t for t, _x in talk._labels if t.isVisible()]
    assert [t.text() for t in labels] == ["✉", "⚑"]
    assert labels[0].brush().color().name() == TALK_COLOR
    assert "看镜头 (seen)" in labels[0].toolTip()
    assert "rule 精华剩 100 单: 精华仅剩 95 单" in labels[1].toolTip()
    panel.shutdown()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_report_lists_talkback(store, tmp_path, lang: str, qapp) -> None:  # type: ignore[no-untyped-def]
    """`studio report` (HTML and PDF) has the talkback section with the message and the rule
    firing, in both languages."""
    import shutil
    import subprocess

    from studio.cli import main

    sid = _show(store)
    sent = talkback.send(store, sid, "看镜头", urgent=True, at=from_epoch(T0 + 200))
    talkback.acknowledge(store, sent.uid, at=from_epoch(T0 + 203))
    log_firing(store, sid, "精华剩 100 单", from_epoch(T0 + 500), text="精华仅剩 95 单",
               actions=["prompt"])  # fmt: skip
    db = str(store.engine.url)
    pdf, html = tmp_path / "r.pdf", tmp_path / "r.html"
    for out in (pdf, html):
        assert main(["--db", db, "report", "--show", str(sid), "-o", str(out), "--lang", lang]) == 0
    heading = "给主播的提示与自动提示" if lang == "zh_CN" else "Talkback and automatic prompts"
    seen = "已读" if lang == "zh_CN" else "seen"
    text = html.read_text(encoding="utf-8")
    assert heading in text and "⚠ 看镜头" in text and seen in text and "精华仅剩 95 单" in text
    if shutil.which("pdftotext"):
        pdf_text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True
        ).stdout
        assert heading in pdf_text.replace("\n", "") and "精华仅剩 95 单" in pdf_text
