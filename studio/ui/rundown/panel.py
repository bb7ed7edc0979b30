"""The controller's rundown: segments with planned vs actual times, back-timing, the controls.

Keys while the panel has focus (page-turner pedals send PageUp/PageDown):
Space / PageDown / Right next cue, PageUp / Left previous cue, H hold/resume, Ctrl+J jump to the
selected segment, Ctrl+Z undo and Ctrl+Shift+Z redo a script edit.
"""

from __future__ import annotations

import contextlib
import functools
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedLayout,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.runner.state import Snapshot
from studio.script import edit
from studio.script.model import parse_duration
from studio.timeutil import fmt_duration
from studio.ui.common.context import AppContext
from studio.ui.common.empty_state import EmptyState, request_from_window
from studio.ui.common.on_screen import on_screen
from studio.ui.common.theme import set_style_sheet
from studio.ui.rundown.cue_editor import edit_cue_text
from studio.ui.rundown.keys import CUE_KEYS, cue_action

COLUMNS = 8
_CLAIMED_KEYS = (*CUE_KEYS, Qt.Key.Key_J, Qt.Key.Key_Z)
OVER = "#ff6b5e"
UNDER = "#5ecf7a"
CURRENT_BG = "#1f4e79"


@functools.lru_cache(maxsize=512)
def _clock(ts: float | None) -> str:
    # Cached: the planned starts of every row are formatted on each refresh (4 a second).
    return datetime.fromtimestamp(ts).strftime("%H:%M:%S") if ts is not None else "—"


_ANY_DIGIT = str.maketrans("123456789", "000000000")


class RundownPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner: Any = ctx.runner
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.stack = QStackedLayout(self)
        self.empty = EmptyState(
            self.tr("Load a script"),
            self.tr("Open a show script (YAML, Excel or CSV) to run the rundown."),
            self.tr("Open show script…"),
            request_from_window(self, "open_script_requested"),
        )
        self.stack.addWidget(self.empty)
        self.body = QWidget()
        self.stack.addWidget(self.body)
        self._build_body()
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._tick)
        self.edits: edit.EditStack | None = None
        # Each row's look as last applied (RundownPanel._row_style), by row index.
        self._row_styles: dict[int, tuple[bool, bool, bool, str | None]] = {}
        self.bind(ctx.runner)

    # -- building ---------------------------------------------------------------------------
    def _build_body(self) -> None:
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(6, 6, 6, 6)
        head = QHBoxLayout()
        self.title = QLabel()
        tf = self.title.font()
        tf.setPointSizeF(tf.pointSizeF() * 1.3)
        tf.setBold(True)
        self.title.setFont(tf)
        self.status = QLabel()
        self.status.setFont(tf)
        head.addWidget(self.title, 1)
        head.addWidget(self.status)
        layout.addLayout(head)

        timing = QHBoxLayout()
        self.seg_clock = QLabel()
        self.to_end = QLabel()
        self.over_under = QLabel()
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.9)
        big.setBold(True)
        self._timing_font = big
        for label in (self.seg_clock, self.to_end, self.over_under):
            label.setFont(big)
            timing.addWidget(label, 1)
        layout.addLayout(timing)
        # The lucky-bag draw / flash-sale countdown, the same figure as the prompter's banner
        # (the runner's snapshot), so the controller sees what the anchor is counting down.
        self.banner = QLabel()
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setFont(big)
        self.banner.hide()
        layout.addWidget(self.banner)

        self.table = QTableWidget(0, COLUMNS)
        self.table.setHorizontalHeaderLabels([
            self.tr("Segment"), self.tr("Kind"), self.tr("Planned start"), self.tr("Planned"),
            self.tr("Actual start"), self.tr("Actual"), self.tr("Over/under"), self.tr("Cues"),
        ])  # fmt: skip
        self.table.verticalHeader().setVisible(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        # The segment title keeps a readable width even in a narrow dock (the table scrolls
        # sideways instead); a stretched first column was squeezed to "…" in English.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 170)
        # The other columns fit their contents, fitted by _fit_columns when a text changes its
        # length or a row its font: ResizeToContents re-measured every cell of every column
        # on each item change (~1 ms per changed cell, several a second during a show).
        for col in range(1, COLUMNS):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
        self.table.itemSelectionChanged.connect(self._show_cues)
        self.table.cellDoubleClicked.connect(self._cell_double_clicked)

        self.cues = QListWidget()
        self.cues.setWordWrap(True)
        self.cues.itemDoubleClicked.connect(self._edit_cue)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.cues)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 1)
        # The talking points (话术) must show more than a line or two of the current segment.
        line = self.cues.fontMetrics().lineSpacing()
        self.cues.setMinimumHeight(6 * line + 12)
        layout.addWidget(split, 1)

        controls = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text, tip, slot in [
            ("start", self.tr("Start"), self.tr("Start the show"), self.start),
            ("prev", self.tr("◀ Prev"), self.tr("Previous cue (PageUp, Left)"), self.prev),
            ("next", self.tr("Next ▶"), self.tr("Next cue (Space, PageDown, Right)"), self.next),
            ("hold", self.tr("Hold"), self.tr("Hold / resume the countdown (H)"), self.hold),
            ("skip", self.tr("Skip"), self.tr("Skip the rest of this segment"), self.skip),
            ("jump", self.tr("Jump"), self.tr("Jump to the selected segment (Ctrl+J)"), self.jump),
            ("end", self.tr("End"), self.tr("End the show"), self.end_show),
        ]:
            button = QPushButton(text)
            button.setToolTip(tip)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(40)
            # Seven buttons share a 560 px laptop dock: narrow padding keeps them all on screen.
            button.setStyleSheet("padding: 6px 4px;")
            button.clicked.connect(slot)
            controls.addWidget(button)
            self.buttons[name] = button
        layout.addLayout(controls)

        editing = QHBoxLayout()
        for name, text, tip, slot in [
            ("up", self.tr("Move up"), self.tr("Move the selected segment up"), self.move_up),
            (
                "down",
                self.tr("Move down"),
                self.tr("Move the selected segment down"),
                self.move_down,
            ),
            (
                "duration",
                self.tr("Duration…"),
                self.tr("Change the planned duration"),
                self.change_duration,
            ),
            ("undo", self.tr("Undo"), self.tr("Undo (Ctrl+Z)"), self.undo),
            ("redo", self.tr("Redo"), self.tr("Redo (Ctrl+Shift+Z)"), self.redo),
            ("save", self.tr("Save YAML…"), self.tr("Save the script as YAML"), self.save_yaml),
        ]:
            button = QPushButton(text)
            button.setToolTip(tip)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setStyleSheet("padding: 4px 6px;")
            button.clicked.connect(slot)
            editing.addWidget(button)
            self.buttons[name] = button
        editing.addStretch(1)
        layout.addLayout(editing)
        for widget in (self, self.table, self.cues):
            widget.installEventFilter(self)

    # -- runner -----------------------------------------------------------------------------
    def bind(self, runner: Any) -> None:
        if self.runner is not None and self.runner is not runner:
            with contextlib.suppress(RuntimeError, TypeError):
                self.runner.changed.disconnect(self._runner_changed)
        self.runner = runner
        if runner is None:
            self.stack.setCurrentWidget(self.empty)
            self._timer.stop()
            return
        runner.changed.connect(self._runner_changed)
        self.edits = edit.EditStack(runner.script)
        self.stack.setCurrentWidget(self.body)
        self._fill_table()
        self._timer.start()
        self.refresh()

    def _fill_table(self) -> None:
        script = self.runner.script
        self._row_styles = {}  # new items: every row is styled again
        self.table.setRowCount(len(script.segments))
        kinds = self._kind_names()
        for row, seg in enumerate(script.segments):
            values = [
                seg.title,
                kinds.get(seg.kind, seg.kind),
                "",
                fmt_duration(seg.planned_seconds),
                "",
                "",
                "",
                str(len(seg.cues)),
            ]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, col, item)
        self._fit_columns(range(1, COLUMNS))

    def _kind_names(self) -> dict[str, str]:
        return {
            "opening": self.tr("Opening"), "product": self.tr("Product"),
            "interaction": self.tr("Interaction"), "lucky_bag": self.tr("Lucky bag"),
            "flash_sale": self.tr("Flash sale"), "qa": self.tr("Q&A"),
            "closing": self.tr("Closing"), "talk": self.tr("Talk"),
        }  # fmt: skip

    def _tick(self) -> None:
        if self.runner is not None and on_screen(self):
            self.refresh()

    def _runner_changed(self) -> None:
        """A cue moved: shown at once, unless the panel is covered (its dock tabbed behind
        another one): then on_revealed shows where the show is."""
        if on_screen(self) or not self.window().isVisible():
            self.refresh()

    def on_revealed(self) -> None:
        self._tick()

    def _fit_timing(self) -> None:
        """The three big timing figures share one row: in a narrow dock (a laptop, English's
        longer words) the font steps down until all three fit instead of being cut off."""
        labels = (self.seg_clock, self.to_end, self.over_under)
        room = self.body.width() - 40
        # Digits share one width: "Segment 4:59" needs the room "Segment 4:58" did.
        key = (room, *(lb.text().translate(_ANY_DIGIT) for lb in labels))
        if key == self._fitted:
            return  # same words in the same room: the fonts already fit
        self._fitted = key
        font = QFont(self._timing_font)
        for _ in range(8):
            needed = sum(QFontMetrics(font).horizontalAdvance(lb.text()) for lb in labels)
            if needed <= room or font.pointSizeF() <= self.font().pointSizeF() * 1.1:
                break
            font.setPointSizeF(font.pointSizeF() * 0.9)
        for label in labels:
            if label.font() != font:
                label.setFont(font)

    _fitted: tuple[object, ...] = ()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.runner is not None:
            self._fit_timing()

    def _show_banner(self, snap: Snapshot) -> None:
        left = snap.banner_remaining
        kind = snap.segment.kind if snap.segment is not None else ""
        if (
            left is None
            or snap.status not in ("running", "held")
            or kind
            not in (
                "lucky_bag",
                "flash_sale",
            )
        ):
            self.banner.hide()
            return
        shown = fmt_duration(-(-left // 1))
        if kind == "lucky_bag":
            colour = "#b8860b"
            text = (
                self.tr("Lucky bag draw in %1").replace("%1", shown)
                if left > 0
                else self.tr("Lucky bag: draw now")
            )
        else:
            colour = "#c0392b"
            text = (
                self.tr("Flash sale ends in %1").replace("%1", shown)
                if left > 0
                else self.tr("Flash sale over")
            )
        self.banner.setText(text)
        set_style_sheet(
            self.banner, f"background: {colour}; color: white; border-radius: 4px; padding: 4px;"
        )
        self.banner.show()

    def refresh(self) -> None:
        runner = self.runner
        if runner is None:
            return
        snap = runner.snapshot()
        title = getattr(runner, "title", runner.script.title)
        self.title.setText(title)
        status = {
            "ready": self.tr("READY"), "running": self.tr("LIVE"), "held": self.tr("HOLD"),
            "ended": self.tr("ENDED"),
        }[snap.status]  # fmt: skip
        if getattr(runner, "is_rehearsal", False) and snap.status != "ended":
            status = self.tr("REHEARSAL") + " · " + status
        self.status.setText(status)
        colour = {"running": "#e53935", "held": "#ffb000"}.get(snap.status, "")
        set_style_sheet(self.status, f"color: {colour};" if colour else "")

        rem = snap.segment_remaining
        seg_text = ("+" + fmt_duration(-rem)) if rem < 0 else fmt_duration(-(-rem // 1))
        self.seg_clock.setText(self.tr("Segment %1").replace("%1", seg_text))
        phase_colour = {"warn": "#ffb000", "danger": OVER}.get(snap.phase, "")
        set_style_sheet(self.seg_clock, f"color: {phase_colour};" if phase_colour else "")
        to_end = snap.time_to_planned_end
        self.to_end.setText(
            self.tr("To planned end %1").replace(
                "%1", fmt_duration(to_end) if to_end is not None else "—"
            )
        )
        ou = snap.over_under
        if abs(ou) < 1:
            self.over_under.setText(self.tr("On time"))
            set_style_sheet(self.over_under, "")
        else:
            text = self.tr("Over %1") if ou > 0 else self.tr("Under %1")
            self.over_under.setText(text.replace("%1", fmt_duration(abs(ou))))
            set_style_sheet(self.over_under, f"color: {OVER if ou > 0 else UNDER};")

        self._fit_timing()
        self._show_banner(snap)

        started = snap.status != "ready"
        show_start = snap.planned_end - runner.plan.total_seconds if snap.planned_end else None
        refit: set[int] = set()
        for row in snap.rows:
            planned_at = show_start + row.planned_offset if show_start is not None else None
            cells = {
                2: _clock(planned_at)
                if planned_at is not None
                else fmt_duration(row.planned_offset),
                4: _clock(row.actual_start),
                5: fmt_duration(row.actual_seconds) if row.actual_seconds is not None else "—",
                6: self._over_under_text(row),
            }
            for col, text in cells.items():
                item = self.table.item(row.index, col)
                if item is not None and item.text() != text:
                    if len(item.text()) != len(text):  # (digits share one width)
                        refit.add(col)
                    item.setText(text)
            if self._style_row(row, started):
                refit.update(range(1, COLUMNS))  # bold or not: other widths
        self._fit_columns(sorted(refit))
        self._show_cues()
        b = self.buttons
        b["start"].setEnabled(snap.status == "ready")
        for name in ("prev", "next", "hold", "skip", "end"):
            b[name].setEnabled(snap.status in ("running", "held"))
        b["jump"].setEnabled(snap.status != "ended")
        b["hold"].setText(self.tr("Resume") if snap.held else self.tr("Hold"))
        if self.edits is not None:
            b["undo"].setEnabled(self.edits.undo_label is not None)
            b["redo"].setEnabled(self.edits.redo_label is not None)

    @staticmethod
    def _over_under_text(row: Any) -> str:
        # A running segment that is still under plan has no verdict yet.
        if row.over_under is None or (row.state == "current" and row.over_under <= 0):
            return "—"
        return fmt_duration(row.over_under, signed=True)

    @staticmethod
    def _row_style(row: Any, started: bool) -> tuple[bool, bool, bool, str | None]:
        """What a row's look depends on: current, struck out, dimmed, the over/under colour."""
        current = row.state == "current"
        strike = row.state == "skipped" and row.actual_seconds is None
        dim = not current and row.state in ("done", "skipped") and started
        verdict: str | None = None
        if row.over_under is not None and not current:
            verdict = OVER if row.over_under > 0.5 else UNDER
        elif current and (row.over_under or 0) > 0:
            verdict = "#ffb3ab"
        return current, strike, dim, verdict

    def _style_row(self, row: Any, started: bool) -> bool:
        """Restyle the row's items only when its look changed (a restyle of every row on
        every tick cost the GUI thread ~1 s a minute in the show-day soak); True if it did."""
        style = self._row_style(row, started)
        current = style[0]
        restyled = self._row_styles.get(row.index) != style
        if restyled:
            self._row_styles[row.index] = style
            self._apply_row_style(row.index, style)
        if current and self._last_current != row.index:
            self._last_current = row.index
            first = self.table.item(row.index, 0)
            if first is not None:
                self.table.scrollToItem(first, QAbstractItemView.ScrollHint.EnsureVisible)
        return restyled

    def _fit_columns(self, columns: Any) -> None:
        """Fit these columns to their contents, as ResizeToContents would."""
        for col in columns:
            self.table.resizeColumnToContents(col)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_columns(range(1, COLUMNS))  # another font or theme: other widths

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_columns(range(1, COLUMNS))  # styled by the window it is shown in

    _last_current = -1

    def _apply_row_style(self, index: int, style: tuple[bool, bool, bool, str | None]) -> None:
        current, strike, dim, verdict = style
        for col in range(COLUMNS):
            item = self.table.item(index, col)
            if item is None:
                continue
            font = item.font()
            font.setBold(current)
            font.setStrikeOut(strike)
            item.setFont(font)
            if current:
                item.setBackground(QBrush(QColor(CURRENT_BG)))
                item.setForeground(QBrush(QColor("white")))
            else:
                item.setBackground(QBrush())
                item.setForeground(QBrush(QColor("#8a8a8a")) if dim else QBrush())
            if col == 6 and verdict is not None:
                item.setForeground(QBrush(QColor(verdict)))

    def _show_cues(self) -> None:
        """The selected segment's cues with the controller notes; the live one when none is."""
        if self.runner is None:
            self.cues.clear()
            return
        snap = self.runner.snapshot()
        index = self._selected()
        live = index is None
        if live:
            index = snap.segment_index
        seg = self.runner.script.segments[index]
        key = (index, seg.cues, snap.cue_index if live else -1)
        if key == self._cues_key:
            return
        self._cues_key = key
        self.cues.clear()
        for j, cue in enumerate(seg.cues):
            text = f"{j + 1}. {cue.text}" + (f"\n      ⟶ {cue.notes}" if cue.notes else "")
            item = QListWidgetItem(text)
            if live and j == snap.cue_index and snap.status in ("running", "held"):
                font = item.font()
                font.setBold(True)
                item.setFont(font)
                item.setBackground(QBrush(QColor(CURRENT_BG)))
                item.setForeground(QBrush(QColor("white")))
            self.cues.addItem(item)

    _cues_key: Any = None

    # -- actions ----------------------------------------------------------------------------
    def _selected(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].row() if rows else None

    def start(self) -> None:
        if self.runner is not None:
            self.runner.start()

    def next(self) -> None:
        if self.runner is None:
            return
        if self.runner.snapshot().status == "ready":
            self.runner.start()
        else:
            self.runner.next()

    def prev(self) -> None:
        if self.runner is not None:
            self.runner.prev()

    def hold(self) -> None:
        if self.runner is not None:
            self.runner.hold_toggle()

    def skip(self) -> None:
        if self.runner is not None:
            self.runner.skip()

    def jump(self) -> None:
        """Ctrl+J / Jump: a searchable list with the current segment selected; a jump back
        during the show or over a segment that sells is confirmed first."""
        if self.runner is None:
            return
        from studio.ui.rundown.jump_dialog import JumpDialog

        dialog = JumpDialog(self.runner.snapshot(), self._kind_names(), self)
        if dialog.exec() and dialog.target is not None:
            self.runner.jump(dialog.target)

    def end_show(self, confirm: bool = True) -> None:
        if self.runner is None:
            return
        if confirm:
            answer = QMessageBox.question(
                self, self.tr("End show"), self.tr("End the show now? This cannot be undone.")
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.runner.end()

    # -- editing ----------------------------------------------------------------------------
    def _apply_edit(self, label: str, new_script: Any) -> None:
        if self.edits is None or self.runner is None:
            return
        self.edits.apply(label, new_script)
        self._store_script(self.edits.current)

    def _store_script(self, script: Any) -> None:
        selected = self._selected()
        self.runner.set_script(script)
        self._fill_table()
        self.refresh()
        if selected is not None:
            self.table.selectRow(selected)

    def move_up(self) -> None:
        i = self._selected()
        if i is not None and i > 0:
            self._apply_edit(
                self.tr("Move segment"), edit.move_segment(self.runner.script, i, i - 1)
            )
            self.table.selectRow(i - 1)

    def move_down(self) -> None:
        i = self._selected()
        if i is not None and i < len(self.runner.script.segments) - 1:
            self._apply_edit(
                self.tr("Move segment"), edit.move_segment(self.runner.script, i, i + 1)
            )
            self.table.selectRow(i + 1)

    def change_duration(self, index: int | None = None) -> None:
        i = index if index is not None else self._selected()
        if i is None or self.runner is None:
            return
        seg = self.runner.script.segments[i]
        text, ok = QInputDialog.getText(
            self,
            self.tr("Planned duration"),
            self.tr("Duration (e.g. 90s, 5m, 1:30):"),
            text=fmt_duration(seg.planned_seconds),
        )
        if not ok:
            return
        self.set_duration(i, text)

    def set_duration(self, index: int, text: str) -> bool:
        try:
            seconds = parse_duration(text)
            new = edit.set_duration(self.runner.script, index, seconds)
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("Planned duration"), str(exc))
            return False
        self._apply_edit(self.tr("Change duration"), new)
        return True

    def _cell_double_clicked(self, row: int, col: int) -> None:
        if col == 3:
            self.change_duration(row)

    def _edit_cue(self, item: QListWidgetItem) -> None:
        i = self._selected()
        if i is None:
            i = self.runner.snapshot().segment_index
        j = self.cues.row(item)
        seg = self.runner.script.segments[i]
        # The editor marks banned and risky claims while typing (studio.ui.rundown.cue_editor).
        text = edit_cue_text(self, seg.cues[j].text, self.runner.script, seg.product)
        if text is not None and text.strip():
            self.set_cue_text(i, j, text.strip())

    def set_cue_text(self, index: int, cue: int, text: str) -> None:
        self._apply_edit(
            self.tr("Edit cue"), edit.set_cue_text(self.runner.script, index, cue, text)
        )
        self._show_cues()

    def undo(self) -> None:
        if self.edits is not None and self.edits.undo() is not None:
            self._store_script(self.edits.current)

    def redo(self) -> None:
        if self.edits is not None and self.edits.redo() is not None:
            self._store_script(self.edits.current)

    def save_yaml(self, path: str | None = None) -> None:
        if self.runner is None:
            return
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save script"),
                str(Path.home() / "show.yaml"),
                self.tr("YAML (*.yaml *.yml)"),
            )
        if not path:
            return
        from studio.script.yaml_io import save_yaml

        try:
            save_yaml(self.runner.script, path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Save script"), str(exc))
            return
        if self.edits is not None:
            self.edits.mark_saved()

    # -- keys -------------------------------------------------------------------------------
    def handle_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        mods = event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        if ctrl and key == Qt.Key.Key_Z:
            self.redo() if shift else self.undo()
            return True
        if ctrl and key == Qt.Key.Key_J:
            self.jump()
            return True
        action = cue_action(key, mods)
        if action is None or self.runner is None:
            return False
        {"next": self.next, "prev": self.prev, "hold": self.hold}[action]()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Claim our keys before window-level shortcuts and the table's own navigation.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in _CLAIMED_KEYS
        ):
            event.accept()
            return True
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self.handle_key(event)
        return super().eventFilter(watched, event)

    def shutdown(self) -> None:
        self._timer.stop()
