"""The Edit cue dialog: banned and risky claims (广告法 极限词) highlighted while typing.

A wavy underline marks each claim (red: banned, amber: risky), its tooltip says why and what to
say instead (`studio.compliance.labels.hint`), and a line under the text lists them all. The
show's checker loads on a worker (`studio.ui.anchor.claim_marks`); until then nothing is marked.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtGui import QColor, QHelpEvent, QSyntaxHighlighter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from studio.compliance.labels import hint
from studio.compliance.spans import Span
from studio.script.model import Script
from studio.ui.anchor.claim_marks import AMBER, ClaimMarks
from studio.ui.common.texts import tr_message

BANNED: Final = "#ff5a4f"


def hint_text(span: Span) -> str:
    return tr_message(hint(span.term, span.category, span.severity, span.suggestion))


class ClaimHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, claims: ClaimMarks, sku: str | None) -> None:
        super().__init__(document)
        self.claims = claims
        self.sku = sku
        self._formats: dict[str, QTextCharFormat] = {}
        for severity, colour in (("block", BANNED), ("warn", AMBER)):
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor(colour))
            fmt.setForeground(QColor(colour))
            self._formats[severity] = fmt

    def highlightBlock(self, text: str) -> None:
        # Qt hands one paragraph at a time and counts in UTF-16 code units.
        for span in self.claims.spans(text, self.sku, utf16=True):
            fmt = self._formats.get(span.severity, self._formats["warn"])
            self.setFormat(span.start, span.end - span.start, fmt)


class CueEditDialog(QDialog):
    def __init__(
        self, text: str, script: Script | None, sku: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit cue"))
        self.sku = sku
        self.claims = ClaimMarks(self)
        self.editor = QPlainTextEdit()
        self.editor.setPlainText(text)
        self.editor.setMinimumSize(520, 160)
        self.highlighter = ClaimHighlighter(self.editor.document(), self.claims, sku)
        self.found = QLabel()
        self.found.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Cue text:")))
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.found)
        layout.addWidget(buttons)
        self.editor.viewport().installEventFilter(self)
        self.editor.textChanged.connect(self._list_claims)
        self.claims.ready.connect(self._marks_ready)
        self.claims.follow(script)
        self._list_claims()

    def text(self) -> str:
        return self.editor.toPlainText()

    def _marks_ready(self) -> None:
        self.highlighter.rehighlight()
        self._list_claims()

    def spans(self) -> list[Span]:
        """Every claim in the text (Python positions in the whole text)."""
        return self.claims.spans(self.text(), self.sku, utf16=False)

    def _list_claims(self) -> None:
        if not self.claims.is_ready:
            if self.claims.problem:
                text = self.tr("Claims not checked: %1").replace("%1", self.claims.problem)
            else:
                text = self.tr("Checking for banned claims…")
            self.found.setText(text)
            self.found.setStyleSheet("")
            return
        spans = self.spans()
        if not spans:
            self.found.setText(self.tr("No banned or risky claims."))
            self.found.setStyleSheet("")
            return
        self.found.setText("\n".join(hint_text(s) for s in spans))
        banned = any(s.severity == "block" for s in spans)
        self.found.setStyleSheet(f"color: {BANNED if banned else AMBER};")

    def hint_at(self, pos: QPoint) -> str | None:
        """The tooltip for the viewport point `pos`: the claim under it, if any."""
        cursor = self.editor.cursorForPosition(pos)
        block, at = cursor.block(), cursor.positionInBlock()
        for span in self.claims.spans(block.text(), self.sku, utf16=True):
            if span.start <= at < span.end or (at == span.end and at > span.start):
                return hint_text(span)
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.hint_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.editor)
            else:
                QToolTip.hideText()
            return True
        return super().eventFilter(watched, event)

    def done(self, result: int) -> None:
        self.claims.shutdown()
        super().done(result)


def edit_cue_text(parent: QWidget, text: str, script: Script | None, sku: str | None) -> str | None:
    """The edited text, or None when cancelled."""
    dialog = CueEditDialog(text, script, sku, parent)
    try:
        return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.claims.shutdown()
        dialog.deleteLater()
