"""Manual metrics entry: the controller types what the platform console shows right now.

Empty fields are simply not entered; money is typed in yuan. The write runs on a worker thread
(it is one small transaction, but the GUI never waits on the database).
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from studio.metrics.names import METRICS, label
from studio.metrics.samples import SampleError
from studio.metrics.sources.manual import enter, parse_entry
from studio.ui.common.context import AppContext
from studio.ui.common.theme import FAIL

# What a platform console shows at a glance, in the order it shows it.
FIELDS = (
    "online_viewers", "viewers_total", "gmv_cents", "orders", "buyers",
    "product_exposures", "product_clicks", "new_followers", "comments", "ad_spend_cents",
)  # fmt: skip


class ManualEntryDialog(QDialog):
    saved = Signal(int)  # rows written
    _done = Signal(object)  # int rows | Exception, from the worker thread

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Enter metrics by hand"))
        lang = "zh" if QLocale().language() == QLocale.Language.Chinese else "en"
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Type the numbers the platform console shows now (totals so far). "
                              "Leave a field empty to skip it. Money in yuan."))  # fmt: skip
        hint.setWordWrap(True)
        layout.addWidget(hint)
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        self._labels = {name: label(name, lang) for name in FIELDS}
        for name in FIELDS:
            edit = QLineEdit()
            edit.setPlaceholderText("¥" if METRICS[name].money else "0")
            self.edits[name] = edit
            form.addRow(label(name, lang), edit)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {FAIL}; font-weight: 600;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._done.connect(self._finished)
        self._worker: threading.Thread | None = None

    def values(self) -> dict[str, int | float]:
        """The typed values in storage units; raises SampleError naming the bad field."""
        out: dict[str, int | float] = {}
        for name, edit in self.edits.items():
            if edit.text().strip():
                try:
                    out[name] = parse_entry(name, edit.text())
                except SampleError as exc:
                    what = self.tr("an amount in yuan, at most 2 decimals") if METRICS[name].money \
                        else self.tr("a whole number")  # fmt: skip
                    raise SampleError(self.tr("{0}: {1!r} is not {2}.").format(
                        self._labels[name], edit.text(), what)) from exc  # fmt: skip
        return out

    def submit(self) -> None:
        if self.ctx.show_id is None:
            self.error.setText(self.tr("Load a show first."))
            return
        try:
            values = self.values()
        except SampleError as exc:
            self.error.setText(str(exc))
            return
        if not values:
            self.error.setText(self.tr("Nothing typed in."))
            return
        self.buttons.setEnabled(False)
        store, show_id, clock = self.ctx.store, self.ctx.show_id, self.ctx.clock

        def work() -> None:
            try:
                result: Any = enter(store, show_id, values, clock=clock)
            except Exception as exc:  # shown in the dialog; the typed numbers stay
                result = exc
            self._done.emit(result)

        self._worker = threading.Thread(target=work, name="manual-entry", daemon=True)
        self._worker.start()

    def _finished(self, result: object) -> None:
        if self._worker is not None:
            self._worker.join()
            self._worker = None
        self.buttons.setEnabled(True)
        if isinstance(result, Exception):
            self.error.setText(self.tr("Not saved: {0}").format(result))
            return
        self.saved.emit(int(result))  # type: ignore[call-overload]
        self.accept()
