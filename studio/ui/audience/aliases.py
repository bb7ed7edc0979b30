"""Product aliases of the open show (色号 "316", "枫叶红", "小棕瓶"): the other names viewers
use, which the comment tagger reads. The same core functions as `studio comments alias`
(`studio.audience.aliases`); every store call runs on the dialog's worker, never the GUI thread.
A removal can be undone (Undo / Ctrl+Z adds the alias back to its product)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.audience.aliases import AliasError, add_alias, list_aliases, remove_alias
from studio.audience.replies import products_of
from studio.ui.audience.life import stop_view
from studio.ui.common.context import AppContext
from studio.ui.common.qt_jobs import SerialWorker

MAX_ALIAS = 100  # studio.audience.aliases keeps 1 to 100 characters


class AliasDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("audience_aliases")
        self.setWindowTitle(self.tr("Product aliases"))
        self._worker = SerialWorker(self, "audience-aliases")
        self._closed = False
        self._aliases: dict[str, list[str]] = {}
        self._names: dict[str, str] = {}
        self._undo: tuple[str, str] | None = None  # (sku, alias) of the last removal
        self.show_id = ctx.show_id

        hint = QLabel(
            self.tr(
                "Other names viewers use for a product (a shade number such as 316, a colour "
                "name); the comment tagger reads them."
            ),
            self,
        )
        hint.setWordWrap(True)
        self.product = QComboBox(self)
        self.product.currentIndexChanged.connect(lambda _i: self._fill_list())
        self.list = QListWidget(self)
        self.list.setObjectName("audience_alias_list")
        self.list.itemSelectionChanged.connect(self._enable)
        self.alias = QLineEdit(self)
        self.alias.setMaxLength(MAX_ALIAS)
        self.alias.setPlaceholderText(self.tr("New alias, e.g. 316"))
        self.alias.returnPressed.connect(self.add)
        self.alias.textChanged.connect(lambda _t: self._enable())
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove)
        self.undo_button = QPushButton(self.tr("Undo"), self)
        self.undo_button.setAutoDefault(False)
        self.undo_button.clicked.connect(self.undo)
        close = QPushButton(self.tr("Close"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.close)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo)
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.list, self.remove)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)

        form = QFormLayout()
        form.addRow(self.tr("Product:"), self.product)
        entry = QHBoxLayout()
        entry.addWidget(self.alias, 1)
        entry.addWidget(self.add_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.list, 1)
        layout.addLayout(entry)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.resize(420, 340)
        self._enable()
        ctx.signals.changed.connect(self._on_changed)
        self.refresh()

    # -- reading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        if self._closed or self.show_id is None:
            return
        store, show_id = self.ctx.store, self.show_id
        self._worker.submit(
            lambda: (products_of(store, show_id), list_aliases(store, show_id)),
            self._refreshed,
            self._failed,
        )

    def _refreshed(self, result: Any) -> None:
        products, aliases = result
        self._aliases = aliases
        self._names = {sku: name for sku, name, _ in products}
        chosen = self.product.currentData()
        self.product.blockSignals(True)
        self.product.clear()
        for sku, name, link in products:
            self.product.addItem(f"{link}号 {name}" if link is not None else name, sku)
        self.product.setCurrentIndex(max(0, self.product.findData(chosen)))
        self.product.blockSignals(False)
        self._fill_list()

    def _fill_list(self) -> None:
        current = self.list.currentItem()
        keep = current.text() if current is not None else None
        self.list.clear()
        for alias in self._aliases.get(self.sku() or "", []):
            self.list.addItem(alias)
            if alias == keep:
                self.list.setCurrentRow(self.list.count() - 1)
        self._enable()

    def sku(self) -> str | None:
        data = self.product.currentData()
        return None if data is None else str(data)

    def _enable(self) -> None:
        self.add_button.setEnabled(bool(self.alias.text().strip()) and self.sku() is not None)
        self.remove_button.setEnabled(self.list.currentItem() is not None)
        self.undo_button.setEnabled(self._undo is not None)

    # -- writing -----------------------------------------------------------------------------

    def _run(self, job: Any, done: Any) -> None:
        self._worker.submit(job, done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, AliasError):
            self.message.setText(self.tr("That product is no longer in the show."))
        else:
            self.message.setText(self.tr("The alias could not be saved; try again."))
        self.refresh()

    def add(self) -> None:
        text = " ".join(self.alias.text().split())
        sku, show_id = self.sku(), self.show_id
        if not text or sku is None or show_id is None:
            return
        before = next((s for s, names in self._aliases.items() if text in names), None)
        store = self.ctx.store

        def done(_r: object) -> None:
            self.alias.clear()
            product = self.product.currentText()
            if before is not None and before != sku:
                self.message.setText(
                    self.tr("“%1” now names %2 (moved from %3).")
                    .replace("%1", text)
                    .replace("%2", product)
                    .replace("%3", self._names.get(before, before))
                )
            else:
                self.message.setText(
                    self.tr("Added “%1” to %2.").replace("%1", text).replace("%2", product)
                )
            self.refresh()

        self._run(lambda: add_alias(store, show_id, sku, text), done)

    def remove(self) -> None:
        item = self.list.currentItem()
        sku, show_id = self.sku(), self.show_id
        if item is None or sku is None or show_id is None:
            return
        text, store = item.text(), self.ctx.store

        def done(_r: object) -> None:
            self._undo = (sku, text)
            self.message.setText(self.tr("Removed “%1”. Undo with Ctrl+Z.").replace("%1", text))
            self.refresh()

        self._run(lambda: remove_alias(store, show_id, text), done)

    def undo(self) -> None:
        if self._undo is None or self.show_id is None:
            return
        (sku, text), show_id, store = self._undo, self.show_id, self.ctx.store
        self._undo = None
        self._enable()

        def done(_r: object) -> None:
            self.message.setText(self.tr("“%1” is back.").replace("%1", text))
            self.refresh()

        self._run(lambda: add_alias(store, show_id, sku, text), done)

    # -- life --------------------------------------------------------------------------------

    def _on_changed(self, table: str, _row_id: object, show_id: object) -> None:
        if table in ("audience_alias", "product") and show_id in (None, self.show_id):
            self.refresh()

    def shutdown(self) -> None:
        if self._closed:
            return
        self._closed = True
        stop_view(self.ctx, self._on_changed, self._worker)

    def done(self, result: int) -> None:  # Esc, Close and the window's close button
        self.shutdown()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
