"""The FAQ library editor: ready answers per product (of the open show) or for every show,
optionally for one topic; the queue offers them as quick replies."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.audience.replies import Faq, add_faq, delete_faq, list_faq, products_of, update_faq
from studio.audience.rules import TOPICS
from studio.ui.audience.aliases import AliasDialog
from studio.ui.audience.labels import topic_label
from studio.ui.audience.life import stop_view
from studio.ui.common.context import AppContext
from studio.ui.common.qt_jobs import SerialWorker


class FaqEditor(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._worker = SerialWorker(self, "audience-faq")
        self._rows: list[Faq] = []
        self._closed = False
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("audience_faq")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Product"), self.tr("Topic"), self.tr("Question"), self.tr("Answer")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._load_selected)
        self.product = QComboBox(self)
        self.topic = QComboBox(self)
        self.topic.addItem(self.tr("Any topic"), None)
        for t in TOPICS:
            self.topic.addItem(topic_label(t), t)
        self.question = QLineEdit(self)
        self.answer = QPlainTextEdit(self)
        self.answer.setMaximumHeight(90)
        form = QFormLayout()
        form.addRow(self.tr("Product:"), self.product)
        form.addRow(self.tr("Topic:"), self.topic)
        form.addRow(self.tr("Question:"), self.question)
        form.addRow(self.tr("Answer:"), self.answer)
        buttons = QHBoxLayout()
        for text, fn in (
            (self.tr("Add"), self._add),
            (self.tr("Save"), self._save),
            (self.tr("Delete"), self._delete),
        ):
            b = QPushButton(text, self)
            b.clicked.connect(fn)
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.aliases_button = QPushButton(self.tr("Product aliases…"), self)
        self.aliases_button.setToolTip(
            self.tr("Other names viewers use for the show's products (316, 枫叶红)")
        )
        self.aliases_button.clicked.connect(self.open_aliases)
        buttons.addWidget(self.aliases_button)
        self.aliases: AliasDialog | None = None
        self.message = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        ctx.signals.changed.connect(self._on_changed)
        self.refresh()

    def refresh(self) -> None:
        if self._closed:
            return
        store, show_id = self.ctx.store, self.ctx.show_id
        self._worker.submit(
            lambda: (
                list_faq(store, show_id),
                [] if show_id is None else products_of(store, show_id),
            ),
            self._refreshed,
        )

    def _refreshed(self, result: Any) -> None:
        rows, products = result
        self._rows = rows
        chosen = self.product.currentData()
        self.product.clear()
        self.product.addItem(self.tr("Every product (global)"), None)
        for sku, name, link in products:
            self.product.addItem(f"{link}号 {name}" if link is not None else name, sku)
        i = self.product.findData(chosen)
        self.product.setCurrentIndex(max(0, i))
        names = {sku: name for sku, name, _ in products}
        self.table.setRowCount(len(rows))
        for r, f in enumerate(rows):
            cells = [
                names.get(f.sku or "", f.sku or self.tr("Global")),
                topic_label(f.topic) if f.topic else self.tr("Any topic"),
                f.question,
                f.answer,
            ]
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))

    def _selected(self) -> Faq | None:
        row = self.table.currentRow()
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _load_selected(self) -> None:
        f = self._selected()
        if f is None:
            return
        self.product.setCurrentIndex(max(0, self.product.findData(f.sku)))
        self.topic.setCurrentIndex(max(0, self.topic.findData(f.topic)))
        self.question.setText(f.question)
        self.answer.setPlainText(f.answer)

    def _run(self, job: Any, said: str) -> None:
        def done(_r: object) -> None:
            self.message.setText(said)
            self.refresh()

        self._worker.submit(job, done, lambda exc: self.message.setText(str(exc)))

    def _add(self) -> None:
        answer = self.answer.toPlainText().strip()
        if not answer:
            self.message.setText(self.tr("Write the answer first."))
            return
        store, sku, topic, q = (
            self.ctx.store, self.product.currentData(), self.topic.currentData(), self.question.text()
        )  # fmt: skip
        show_id = self.ctx.show_id if sku else None
        self._run(
            lambda: add_faq(
                store, answer=answer, question=q, show_id=show_id, sku=sku, topic=topic
            ),
            self.tr("Added to the FAQ library."),
        )

    def _save(self) -> None:
        f = self._selected()
        if f is None:
            return
        store, q, a = self.ctx.store, self.question.text(), self.answer.toPlainText()
        self._run(lambda: update_faq(store, f.id, question=q, answer=a), self.tr("Saved."))

    def _delete(self) -> None:
        f = self._selected()
        if f is None:
            return
        store = self.ctx.store
        self._run(lambda: delete_faq(store, f.id), self.tr("Deleted."))

    def open_aliases(self) -> None:
        """The open show's product aliases, in a small dialog (one at a time)."""
        if self.ctx.show_id is None:
            self.message.setText(self.tr("Open a show first."))
            return
        dialog = self.aliases
        if dialog is not None and not dialog.isVisible():
            dialog.shutdown()
            dialog.deleteLater()
            dialog = None
        if dialog is None or dialog.show_id != self.ctx.show_id:
            if dialog is not None:
                dialog.close()
            dialog = self.aliases = AliasDialog(self.ctx, self)
        if dialog.isVisible():  # already open: bring it forward
            dialog.raise_()
            dialog.activateWindow()
        dialog.show()
        dialog.alias.setFocus()

    def _on_changed(self, table: str, _row_id: object, _show_id: object) -> None:
        if table in ("audience_faq", "product"):
            self.refresh()

    def shutdown(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self.aliases is not None:
            self.aliases.shutdown()
        stop_view(self.ctx, self._on_changed, self._worker)
