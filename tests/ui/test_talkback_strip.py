"""The prompter's talkback strip driven by keys: a message appears under the cue, in the next
cue's place beside the product card (never over the cue, at 1366x768 and 1920x1080), urgent
ones blink for 3 s, Enter or a long pedal press acknowledges (the sender's record says seen),
a short pedal press still turns the cue, questions have their own section, and the strip goes
when messages expire."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from clock import FakeClock
from demo_prompter import open_prompter
from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QFontMetrics, QKeyEvent
from pytestqt.qtbot import QtBot

from studio.talkback import messages as talkback
from studio.timeutil import from_epoch
from studio.ui.common.context import AppContext


class KeyClock:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def prompter(app_ctx: AppContext, qtbot: QtBot, dark_theme: None) -> Iterator[Any]:
    """The demo show running on a fake clock, the prompter at 1920x1080, keys and the strip
    on their own fake clock; in the app's own theme (its fonts decide the room the cue keeps:
    without it this test measured another layout than the app's, and the result depended on
    whether an earlier test in the process had applied the theme)."""

    def key_clock(anchor: Any) -> None:
        anchor.key_clock = KeyClock()
        anchor.strip.clock = anchor.key_clock

    anchor = open_prompter(app_ctx, qtbot, key_clock)
    yield anchor
    anchor.close()


def say(anchor: Any, text: str, **kw: Any) -> talkback.Sent:
    ctx: AppContext = anchor.ctx
    assert ctx.show_id is not None
    return talkback.send(ctx.store, ctx.show_id, text, at=from_epoch(ctx.clock()), **kw)


# Lines of the cue left visible under a full strip: "over two". In the app's theme the cue keeps
# 2.43 lines at 1366x768 (2.5 and more only in Qt's default fonts, which the app never uses).
LINES_LEFT = 2.25


def wait_strip(qtbot: QtBot, anchor: Any, texts: list[str]) -> None:
    def shown() -> bool:
        anchor._poll_talkback(force=True)
        return [m.text for m in anchor.strip.messages] == texts

    qtbot.waitUntil(shown, timeout=5000)


def global_rect(w: Any) -> QRect:
    return QRect(w.mapTo(w.window(), w.rect().topLeft()), w.size())


def press(anchor: Any, key: Qt.Key, autorepeat: bool = False) -> None:
    anchor.keyPressEvent(
        QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, "", autorepeat)
    )


def release(anchor: Any, key: Qt.Key, autorepeat: bool = False) -> None:
    anchor.keyReleaseEvent(
        QKeyEvent(QEvent.Type.KeyRelease, key, Qt.KeyboardModifier.NoModifier, "", autorepeat)
    )


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1366, 768)])
def test_strip_never_covers_the_cue(prompter: Any, qtbot: QtBot, width: int, height: int) -> None:
    """With two messages (one longer than the screen is wide) and two questions the strip sits
    below the cue: no overlap, inside the window, and over two lines of the cue stay
    visible (a longer cue scrolls itself)."""
    prompter.resize(width, height)
    qtbot.waitUntil(lambda: prompter.height() == height, timeout=2000)
    long = "请注意看左边的镜头，" * 6
    say(prompter, long, urgent=True)
    say(prompter, "放慢语速")
    for n in range(2):
        say(prompter, f"这个色号适合黄皮吗？{n}", kind="question", from_role="cs", ref=f"c{n}")

    def filled() -> bool:
        prompter._poll_talkback(force=True)
        return len(prompter.strip.questions) == 2 and len(prompter.strip.messages) == 2

    qtbot.waitUntil(filled, timeout=5000)
    qtbot.waitUntil(lambda: prompter.strip.isVisible(), timeout=2000)

    # The layout applies a shown strip (and the cue's font for the room left) on later events,
    # more so under load: wait for the final layout, which must hold all of this.
    def laid_out() -> bool:
        cue, strip = global_rect(prompter.cue_scroll), global_rect(prompter.strip)
        settled = cue.height() >= QFontMetrics(prompter.cue.font()).lineSpacing() * LINES_LEFT
        return not cue.intersects(strip) and strip.bottom() <= height and settled

    qtbot.waitUntil(laid_out, timeout=5000)
    cue, strip = global_rect(prompter.cue_scroll), global_rect(prompter.strip)
    assert not cue.intersects(strip)
    assert strip.top() >= cue.bottom()
    assert cue.height() >= LINES_LEFT * QFontMetrics(prompter.cue.font()).lineSpacing()
    assert strip.bottom() <= height


def test_urgent_blinks_three_seconds_and_enter_acknowledges(prompter: Any, qtbot: QtBot) -> None:
    """An urgent message blinks, stops blinking after 3 s, Enter takes it off, and the
    sender's record reads seen."""
    sent = say(prompter, "时间到", urgent=True)
    wait_strip(qtbot, prompter, ["时间到"])
    assert prompter.strip.blinking
    assert prompter.next_cue.isHidden()  # the strip has the next cue's place meanwhile
    prompter.key_clock.t += 3.1
    qtbot.waitUntil(lambda: not prompter.strip._timer.isActive(), timeout=3000)
    assert not prompter.strip.blinking and not prompter.strip.blink_on
    press(prompter, Qt.Key.Key_Return)
    assert prompter.strip.messages == []
    assert prompter.strip.isHidden() and not prompter.next_cue.isHidden()
    ctx: AppContext = prompter.ctx
    qtbot.waitUntil(
        lambda: talkback.get_message(ctx.store, sent.uid).acked_at is not None, timeout=5000
    )
    assert talkback.get_message(ctx.store, sent.uid).state(from_epoch(ctx.clock())) == "seen"


def test_pedal_long_press_acknowledges_short_press_turns_the_cue(
    prompter: Any, qtbot: QtBot
) -> None:
    """PageDown held (auto-repeat) past 0.8 s acknowledges and does not move the cue; a short
    press with the strip showing turns the cue on release."""
    ctx: AppContext = prompter.ctx
    assert ctx.runner is not None
    sent = say(prompter, "看镜头")
    say(prompter, "上链接")
    wait_strip(qtbot, prompter, ["上链接", "看镜头"])
    cue = ctx.runner.snapshot().cue_index
    press(prompter, Qt.Key.Key_PageDown)
    for _ in range(5):
        prompter.key_clock.t += 0.2
        release(prompter, Qt.Key.Key_PageDown, autorepeat=True)
        press(prompter, Qt.Key.Key_PageDown, autorepeat=True)
    release(prompter, Qt.Key.Key_PageDown)
    assert ctx.runner.snapshot().cue_index == cue
    assert [m.text for m in prompter.strip.messages] == ["看镜头"]
    press(prompter, Qt.Key.Key_PageDown)
    prompter.key_clock.t += 0.1
    release(prompter, Qt.Key.Key_PageDown)
    assert ctx.runner.snapshot().cue_index == cue + 1
    assert [m.uid for m in prompter.strip.messages] == [sent.uid]


def test_questions_section_and_expiry(prompter: Any, qtbot: QtBot) -> None:
    """Questions show in their own section (two at most); messages leave after 30 s, the
    questions after 60 s, and then the strip takes no room."""
    ctx: AppContext = prompter.ctx
    assert isinstance(ctx.clock, FakeClock)
    say(prompter, "讲福利")
    for n in range(3):
        say(prompter, f"问题{n}", kind="question", from_role="cs")

    def questions() -> list[str]:
        prompter._poll_talkback(force=True)
        return [q.text for q in prompter.strip.questions]

    qtbot.waitUntil(lambda: questions() == ["问题2", "问题1"], timeout=5000)
    assert prompter.strip.question_rows[0].isVisible()
    ctx.clock.advance(31)
    qtbot.waitUntil(lambda: questions() == ["问题2", "问题1"] and not prompter.strip.messages,
                    timeout=5000)  # fmt: skip
    ctx.clock.advance(30)
    qtbot.waitUntil(lambda: not questions() and prompter.strip.isHidden(), timeout=5000)


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1366, 768)])
def test_the_message_left_after_an_acknowledgement_moves_up(
    prompter: Any, qtbot: QtBot, width: int, height: int
) -> None:
    """With two messages shown, acknowledging the first moves the second to the first row's
    place under the heading and the strip shrinks to one row (a real window at 1366x768 once
    showed it at the strip's bottom with a blank row above it)."""
    prompter.resize(width, height)
    qtbot.waitUntil(lambda: prompter.height() == height, timeout=2000)
    say(prompter, "讲一下尺码", urgent=True)
    say(prompter, "库存还剩20件")
    strip = prompter.strip

    def both() -> bool:
        prompter._poll_talkback(force=True)
        return len(strip.messages) == 2

    qtbot.waitUntil(both, timeout=5000)
    second = strip.messages[1].text
    first_top = global_rect(strip.rows[0]).top()
    press(prompter, Qt.Key.Key_Return)
    assert [m.text for m in strip.messages] == [second]
    qtbot.waitUntil(lambda: not strip.rows[1].isVisible(), timeout=3000)
    qtbot.waitUntil(lambda: global_rect(strip.rows[0]).top() == first_top, timeout=3000)
    gap = strip.rows[0].geometry().top() - strip.heading.geometry().bottom()
    qtbot.waitUntil(lambda: strip.height() < 2 * strip.rows[0].height() + 60, timeout=3000)
    assert 0 <= gap <= 3 * strip.layout().spacing() + 8
