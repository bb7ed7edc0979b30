"""The anchor's prompter: the current cue huge on black, the countdown, the product, the next cue.

Read from 3 m: sizes scale with the window height (at 1080 px: cue 54 pt, countdown 120 pt,
the secondary lines 36-40 pt) and with the anchor's font preference (`anchor/font_scale`, 80-160 %).
Once the show has ended the screen says so (its length and how far over or under plan), with no
countdown left running below zero. Keys as in the rundown (page-turner pedals send PageUp/PageDown): Space/PageDown/Right next,
PageUp/Left previous, H hold, F11 full screen, Ctrl+M mirror (for beam-splitter glass). No menus.

The product card and the flash-sale banner read the station's live products (`ctx.products`,
the same figures as the products board) through one `CardFacts`; banned and risky claims in
the cue are underlined in amber (`claim_marks`).
"""

from __future__ import annotations

import contextlib
import time
from typing import Any

from PySide6.QtCore import QRect, QSettings, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPalette, QResizeEvent, QTransform
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from studio.metrics.fmt import money_cents
from studio.talkback import messages as talkback
from studio.timeutil import fmt_duration, from_epoch
from studio.ui.anchor.claim_marks import ClaimMarks, marked_html
from studio.ui.anchor.product_card import CardFacts, ProductCard, card_facts
from studio.ui.anchor.talkback_strip import TalkbackStrip
from studio.ui.common.context import AppContext
from studio.ui.common.qt_jobs import SerialWorker
from studio.ui.common.settings_values import setting_bool, setting_int
from studio.ui.common.theme import set_style_sheet
from studio.ui.rundown.keys import cue_action

WHITE = "#ffffff"
GREY = "#9a9a9a"
AMBER = "#ffb000"
RED = "#ff3b30"
PHASE_COLOURS = {"normal": WHITE, "warn": AMBER, "danger": RED}
FONT_SCALE_KEY = "anchor/font_scale"  # percent of the stock sizes
MIRROR_KEY = "anchor/mirror"
FONT_SCALE_MIN, FONT_SCALE_MAX, FONT_SCALE_DEFAULT = 80, 160, 100
REFRESH_MS = 250
SCROLL_MS = 50
SCROLL_DWELL_MS = 2500  # let the anchor read the first lines before the text starts moving
TALKBACK_POLL_S = 0.5  # the strip re-reads the store this often (and at once on a change)
LONG_PRESS_S = 0.8  # a pedal held this long acknowledges the strip instead of turning the cue


class _Mirror(QWidget):
    """Paints the content widget flipped left-right (the content itself stays hidden)."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content

    def paintEvent(self, event: Any) -> None:
        self.content.resize(self.size())
        pix = self.content.grab(QRect(0, 0, self.width(), self.height()))
        painter = QPainter(self)
        painter.setTransform(QTransform(-1, 0, 0, 1, self.width(), 0))
        painter.drawPixmap(0, 0, pix)
        painter.end()


class AnchorWindow(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.setObjectName("AnchorWindow")
        self.setWindowTitle(self.tr("Anchor prompter"))
        self.setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.Window, QColor("black"))
        pal.setColor(QPalette.ColorRole.WindowText, QColor(WHITE))
        self.setPalette(pal)
        self.setStyleSheet(
            "QWidget#AnchorContent, QScrollArea, QScrollArea > QWidget > QWidget"
            " { background: black; }"
        )
        self.countdown_phase = "normal"
        self._runner: Any = None
        self._cue_key: tuple[int, int, str, bool] | None = None
        self.cue_marks: list[Any] = []  # the claims underlined in the current cue
        # jieba's dictionary and the show's checker load on a worker, never on the GUI thread.
        self.claims = ClaimMarks(self)
        self.claims.ready.connect(self._marks_ready)
        self.claims.warm_up()
        self.font_scale = font_scale_setting(ctx.settings)
        self.key_clock = time.monotonic  # measures a pedal's long press (tests replace it)
        self._pedal_down: float | None = None
        self._pedal_acked = False
        self._talkback = SerialWorker(self, "anchor-talkback")
        self._talkback_busy = False
        self._talkback_polled = 0.0
        self._build()
        ctx.signals.changed.connect(self._on_store_change)
        self.mirror = setting_bool(ctx.settings, MIRROR_KEY, False)
        self._apply_mirror()
        self.resize(1280, 720)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self._scroll_timer = QTimer(self)
        self._scroll_timer.setInterval(SCROLL_MS)
        self._scroll_timer.timeout.connect(self._scroll_step)
        self._scroll_wait = 0
        self.refresh()

    # -- layout -----------------------------------------------------------------------------
    def _label(self, colour: str = WHITE, wrap: bool = False) -> QLabel:
        label = QLabel()
        label.setStyleSheet(f"color: {colour}; background: transparent;")
        label.setWordWrap(wrap)
        return label

    def _build(self) -> None:
        self.content = QWidget(self)
        self.content.setObjectName("AnchorContent")
        outer = QVBoxLayout(self.content)
        outer.setContentsMargins(48, 24, 48, 24)
        outer.setSpacing(12)

        top = QHBoxLayout()
        left = QVBoxLayout()
        self.badge = self._label(AMBER)
        self.segment_title = self._label(GREY, wrap=True)
        left.addWidget(self.badge)
        left.addWidget(self.segment_title)
        left.addStretch(1)
        top.addLayout(left, 1)
        right = QVBoxLayout()
        right.setSpacing(0)
        # The big number is the segment's time left; the banner may count down something else
        # (a flash sale, a lucky-bag draw), so the number says what it is.
        self.countdown_caption = self._label(GREY)
        self.countdown_caption.setAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom
        )
        right.addWidget(self.countdown_caption)
        self.countdown = self._label()
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.hold_label = self._label(AMBER)
        self.hold_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        right.addWidget(self.countdown)
        right.addWidget(self.hold_label)
        top.addLayout(right)
        outer.addLayout(top)

        self.banner = QLabel()
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.banner.hide()
        outer.addWidget(self.banner)

        self.cue = self._label(wrap=True)
        self.cue.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.cue.setTextFormat(Qt.TextFormat.PlainText)
        self.cue_scroll = QScrollArea()
        self.cue_scroll.setWidget(self.cue)
        self.cue_scroll.setWidgetResizable(True)
        self.cue_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.cue_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.cue_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.cue_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer.addWidget(self.cue_scroll, 1)
        bottom = QHBoxLayout()
        bottom.setSpacing(32)
        self.product_card = ProductCard()
        # The card's parts by their old names (what other screens' tests read).
        self.product_name = self.product_card.name
        self.live_price = self.product_card.price
        self.list_price = self.product_card.list_price
        self.stock = self.product_card.left
        bottom.addWidget(self.product_card, 1)  # room for ¥1,299.00 over ¥1,999.00
        next_box = QVBoxLayout()
        self.next_heading = self._label(GREY)
        self.next_cue = self._label(GREY, wrap=True)
        self.next_cue.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        next_box.addWidget(self.next_heading)
        next_box.addWidget(self.next_cue, 1)
        # Messages to the anchor take the next cue's place beside the product card while they
        # show: below the cue, never over it, and the cue keeps its room.
        self.strip = TalkbackStrip(self.content)
        self.strip.changed.connect(self._place_strip)
        next_box.addWidget(self.strip)
        bottom.addLayout(next_box, 1)
        outer.addLayout(bottom)

        self.mirror_view = _Mirror(self.content, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.content)
        layout.addWidget(self.mirror_view)
        self._apply_fonts()

    def _apply_fonts(self) -> None:
        # Sizes are for a 1080-pixel-high screen and scale with the window and the anchor's
        # font preference.
        scale = max(0.45, min(2.5, self.height() / 1080)) if self.height() > 0 else 1.0
        scale *= self.font_scale / 100

        def font(label: QWidget, points: float, bold: bool = False) -> None:
            f = QFont(label.font())
            f.setPointSizeF(max(9.0, points * scale))
            f.setBold(bold)
            label.setFont(f)

        self.cue_points = 54 * scale
        self.countdown_points = 120 * scale
        font(self.cue, 54, bold=True)
        font(self.countdown, 120, bold=True)
        font(self.countdown_caption, 26)
        font(self.hold_label, 36, bold=True)
        font(self.segment_title, 40)
        font(self.badge, 32, bold=True)
        font(self.banner, 44, bold=True)
        self.scale = scale
        self.product_card.apply_fonts(scale)
        font(self.next_heading, 28)
        font(self.next_cue, 36)
        self.strip.apply_fonts(scale)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_fonts()

    # -- following the runner ---------------------------------------------------------------
    def _follow(self) -> Any:
        runner = self.ctx.runner
        if runner is not self._runner:
            if self._runner is not None:
                with contextlib.suppress(RuntimeError, TypeError):
                    self._runner.changed.disconnect(self.refresh)
            self._runner = runner
            self._cue_key = None
            if runner is not None:
                runner.changed.connect(self.refresh)
        return runner

    def refresh(self) -> None:
        self._poll_talkback()
        runner = self._follow()
        if runner is None:
            self._show_idle(self.tr("Waiting for the show script"))
            return
        snap = runner.snapshot()
        script = runner.script
        seg_plan = snap.segment
        if seg_plan is None:
            self._show_idle(self.tr("The script has no segments"))
            return
        seg = script.segments[snap.segment_index]
        badges = []
        if getattr(runner, "is_rehearsal", False):
            badges.append(self.tr("REHEARSAL"))
        if snap.status == "ready":
            badges.append(self.tr("READY — waiting for start"))
        elif snap.status == "ended":
            badges.append(self.tr("SHOW ENDED"))
        self.badge.setText("   ".join(badges))
        self.badge.setVisible(bool(badges))
        ended = snap.status == "ended"
        # An ended show has no current segment: its header would only be the last one, stale.
        self.segment_title.setText(
            "" if ended else f"{snap.segment_index + 1}/{len(script.segments)} · {seg.title}"
        )
        self.segment_title.setVisible(not ended)

        # Countdown: remaining, counting up with "+" once the segment runs over; once the show
        # has ended, the show's length (and below it, how far over or under plan).
        remaining = snap.segment_remaining
        self.countdown_caption.setText(self.tr("Show length") if ended else self.tr("Segment left"))
        if ended:
            self.countdown.setText(fmt_duration(snap.show_elapsed))
            phase = "normal"
        elif remaining < 0:
            self.countdown.setText("+" + fmt_duration(-remaining))
            phase = snap.phase
        else:
            # Round up, so "0:00" appears only when the time is really out.
            self.countdown.setText(fmt_duration(-(-remaining // 1)))
            phase = snap.phase
        self.countdown_phase = phase
        set_style_sheet(self.countdown, f"color: {PHASE_COLOURS[phase]}; background: transparent;")
        if ended:
            self.hold_label.setText(self._over_under_text(snap.over_under))
        else:
            self.hold_label.setText(
                self.tr("HOLD %1").replace("%1", fmt_duration(snap.hold_elapsed))
                if snap.held
                else ""
            )

        cue_text = seg.cues[snap.cue_index].text if snap.cue_index < len(seg.cues) else seg.title
        if snap.status == "ended":
            cue_text = self.tr("Thank you — the show has ended.")
        self.claims.follow(script)
        key = (snap.segment_index, snap.cue_index, cue_text, self.claims.is_ready)
        if key != self._cue_key:
            moved = self._cue_key is None or self._cue_key[:3] != key[:3]
            self._cue_key = key
            marks = (
                []
                if snap.status == "ended"
                else self.claims.spans(cue_text, seg.product, utf16=False)
            )
            self._set_cue_text(cue_text, marks)
            if moved:
                self.cue_scroll.verticalScrollBar().setValue(0)
                self._scroll_wait = SCROLL_DWELL_MS // SCROLL_MS
                self._scroll_timer.start()
        self._show_next(script, snap)
        facts = self._product_facts(script, seg, snap)
        self._show_product(facts)
        self._show_banner(seg, snap, facts)
        if self.mirror:
            self.mirror_view.update()

    def _over_under_text(self, over_under: float) -> str:
        seconds = round(over_under)
        if seconds > 0:
            return self.tr("%1 over plan").replace("%1", fmt_duration(seconds))
        if seconds < 0:
            return self.tr("%1 under plan").replace("%1", fmt_duration(-seconds))
        return self.tr("On time")

    def _set_cue_text(self, text: str, marks: list[Any]) -> None:
        self.cue_marks = marks
        if marks:
            self.cue.setTextFormat(Qt.TextFormat.RichText)
            self.cue.setText(marked_html(text, marks))
        else:
            self.cue.setTextFormat(Qt.TextFormat.PlainText)
            self.cue.setText(text)

    def _marks_ready(self) -> None:
        self._cue_key = None  # mark the cue on screen now that the checker is loaded
        self.refresh()

    def _show_idle(self, text: str) -> None:
        self.badge.hide()
        self.segment_title.setText("")
        self.countdown_caption.setText("")
        self.countdown.setText("")
        self.hold_label.setText("")
        self._set_cue_text(text, [])
        self._cue_key = None
        self.next_heading.setText("")
        self.next_cue.setText("")
        self.product_card.hide()
        self.banner.hide()
        if self.mirror:
            self.mirror_view.update()

    def _show_next(self, script: Any, snap: Any) -> None:
        seg = script.segments[snap.segment_index]
        text = ""
        if snap.cue_index + 1 < len(seg.cues):
            text = seg.cues[snap.cue_index + 1].text
        elif snap.segment_index + 1 < len(script.segments):
            nxt = script.segments[snap.segment_index + 1]
            text = f"【{nxt.title}】 " + (nxt.cues[0].text if nxt.cues else "")
        self.next_heading.setText(self.tr("Next") if text and snap.status != "ended" else "")
        self.next_cue.setText(text if snap.status != "ended" else "")

    def _product_facts(self, script: Any, seg: Any, snap: Any) -> CardFacts | None:
        product = script.product(seg.product)
        if product is None or snap.status == "ended":
            return None
        # The station's live products model (the one the products board reads): the card and
        # the banner both show its figures.
        live = self.ctx.products
        return card_facts(product, seg, None if live is None else live.get(product.sku))

    def _show_product(self, facts: CardFacts | None) -> None:
        if facts is None:
            self.product_card.hide()
            return
        self.product_card.show()
        self.product_card.show_facts(facts, self.scale)

    def _show_banner(self, seg: Any, snap: Any, facts: CardFacts | None) -> None:
        left = snap.banner_remaining
        if left is None or snap.status not in ("running", "held"):
            self.banner.hide()
            return
        if seg.kind == "lucky_bag":
            colour = "#b8860b"
            text = (
                self.tr("LUCKY BAG DRAW IN %1").replace("%1", fmt_duration(-(-left // 1)))
                if left > 0
                else self.tr("LUCKY BAG: DRAW NOW!")
            )
        else:
            colour = "#c62828"
            terms = ""
            # The terms are the card's (one Derived): the price and the quota left, not the
            # script's plan.
            if facts is not None and facts.flash:
                terms = f"  {money_cents(facts.price_cents)}"
                if facts.quota is not None and facts.quota_left is not None:
                    terms += "  " + (
                        self.tr("%1/%2 left")
                        .replace("%1", f"{max(facts.quota_left, 0):,}")
                        .replace("%2", f"{facts.quota:,}")
                    )
            over = left <= 0 or (facts is not None and facts.flash_over)
            text = (
                self.tr("FLASH SALE OVER")
                if over
                else self.tr("FLASH SALE ENDS IN %1").replace("%1", fmt_duration(-(-left // 1)))
                + terms
            )
        self.banner.setText(text)
        set_style_sheet(
            self.banner, f"color: white; background: {colour}; border-radius: 10px; padding: 8px;"
        )
        self.banner.show()

    # -- talkback -----------------------------------------------------------------------------
    def _show_now(self) -> Any:
        return from_epoch(self.ctx.clock())

    def _on_store_change(self, table: str, _row: object, show_id: object) -> None:
        if table == talkback.TABLE and show_id == self.ctx.show_id:
            self._poll_talkback(force=True)

    def _poll_talkback(self, force: bool = False) -> None:
        """Re-read the strip on the worker (never on the GUI thread)."""
        show_id = self.ctx.show_id
        now = time.monotonic()
        if show_id is None:
            self.strip.show_items([], [])
            return
        if self._talkback_busy or (not force and now - self._talkback_polled < TALKBACK_POLL_S):
            return
        self._talkback_busy = True
        self._talkback_polled = now
        store, when = self.ctx.store, self._show_now()

        def done(result: Any) -> None:
            self._talkback_busy = False
            self.strip.show_items(result.messages, result.questions)
            if self.mirror:
                self.mirror_view.update()

        def failed(_exc: BaseException) -> None:
            self._talkback_busy = False

        self._talkback.submit(lambda: talkback.strip(store, show_id, when), done, failed)

    def _place_strip(self) -> None:
        """The strip or the next cue, not both (they share the bottom row's right half)."""
        showing = self.strip.active
        self.next_heading.setVisible(not showing)
        self.next_cue.setVisible(not showing)

    def acknowledge_top(self) -> bool:
        """The anchor has seen the strip's top item (Enter, or the pedal held)."""
        item = self.strip.top()
        if item is None:
            return False
        self.strip.drop(item.uid)
        store, uid, when = self.ctx.store, item.uid, self._show_now()
        self._talkback.submit(
            lambda: talkback.acknowledge(store, uid, by="anchor", at=when),
            lambda _r: self._poll_talkback(force=True),
            lambda _e: self._poll_talkback(force=True),
        )
        return True

    def _pedal(self, event: QKeyEvent, pressed: bool) -> bool:
        """PageDown while the strip shows something: a short press turns the cue on release,
        a long press (auto-repeat or a late release) acknowledges instead."""
        if (
            event.key() != Qt.Key.Key_PageDown
            or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            return False
        if pressed and not event.isAutoRepeat():
            if not self.strip.active:
                return False
            self._pedal_down, self._pedal_acked = self.key_clock(), False
            return True
        if self._pedal_down is None:
            return False
        held = self.key_clock() - self._pedal_down
        if pressed or event.isAutoRepeat():  # the key is still down
            if held >= LONG_PRESS_S and not self._pedal_acked:
                self.acknowledge_top()
                self._pedal_acked = True
            return True
        self._pedal_down = None
        if self._pedal_acked:
            return True
        if held >= LONG_PRESS_S:
            self.acknowledge_top()
            return True
        return False  # a short press: the caller turns the cue

    def _scroll_step(self) -> None:
        bar = self.cue_scroll.verticalScrollBar()
        if bar.maximum() <= 0:
            self._scroll_timer.stop()
            return
        if self._scroll_wait > 0:
            self._scroll_wait -= 1
            return
        if bar.value() >= bar.maximum():
            self._scroll_timer.stop()
            return
        bar.setValue(bar.value() + max(1, self.height() // 400))
        if self.mirror:
            self.mirror_view.update()

    # -- preferences ------------------------------------------------------------------------
    def set_font_scale(self, percent: int) -> None:
        """Text size as a percentage of the stock sizes (the Preferences' prompter font)."""
        self.font_scale = max(FONT_SCALE_MIN, min(FONT_SCALE_MAX, int(percent)))
        self._apply_fonts()
        if self.product_card.facts is not None:
            self.product_card.apply_fonts(self.scale)
        if self.mirror:
            self.mirror_view.update()

    def set_mirror(self, mirror: bool) -> None:
        """Mirror on or off, remembered (Ctrl+M and the Preferences set the same value)."""
        self.mirror = mirror
        self.ctx.settings.setValue(MIRROR_KEY, self.mirror)
        self._apply_mirror()

    # -- keys -------------------------------------------------------------------------------
    def toggle_mirror(self) -> None:
        self.set_mirror(not self.mirror)

    def _apply_mirror(self) -> None:
        self.content.setVisible(not self.mirror)
        self.mirror_view.setVisible(self.mirror)
        self.mirror_view.update()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def handle_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        mods = event.modifiers()
        runner = self.ctx.runner
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.strip.active:
            return self.acknowledge_top()
        if self._pedal(event, pressed=True):
            return True
        if key == Qt.Key.Key_F11:
            self.toggle_full_screen()
            return True
        if key == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
            return True
        if key == Qt.Key.Key_M and mods & Qt.KeyboardModifier.ControlModifier:
            self.toggle_mirror()
            return True
        action = cue_action(key, mods)
        if runner is None or action is None:
            return False
        if action == "next" and runner.snapshot().status == "ready":
            # Going live is the controller's call; a rehearsing anchor may start alone.
            if runner.is_rehearsal:
                runner.start()
        elif action == "next":
            runner.next()
        elif action == "prev":
            runner.prev()
        else:
            runner.hold_toggle()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.handle_key(event):
            super().keyPressEvent(event)

    def handle_key_release(self, event: QKeyEvent) -> bool:
        """The pedal's release: a short press with the strip showing turns the cue now."""
        if self._pedal_down is None or event.key() != Qt.Key.Key_PageDown:
            return False
        if self._pedal(event, pressed=False):
            return True
        if not event.isAutoRepeat():
            runner = self.ctx.runner
            if runner is not None and runner.snapshot().status != "ready":
                runner.next()
        return True

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if not self.handle_key_release(event):
            super().keyReleaseEvent(event)

    def closeEvent(self, event: Any) -> None:
        self._timer.stop()
        self._scroll_timer.stop()
        self.strip.stop()
        self.claims.shutdown()
        super().closeEvent(event)


def font_scale_setting(settings: QSettings) -> int:
    """The stored prompter font scale, clamped to what Preferences offers."""
    percent = setting_int(settings, FONT_SCALE_KEY, FONT_SCALE_DEFAULT)
    return max(FONT_SCALE_MIN, min(FONT_SCALE_MAX, percent))
