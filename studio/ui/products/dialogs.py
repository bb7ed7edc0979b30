"""The board's questions: confirm a big or below-floor price change, and issue a coupon."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studio.metrics.fmt import money_cents
from studio.products.model import Derived


def confirm_price_change(parent: QWidget, reasons: list[str]) -> bool:
    """Ask once before a price change the core says needs it; No is the default answer."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("ProductsBoard", "Change price"))
    box.setText("\n".join(reasons))
    box.setInformativeText(QCoreApplication.translate("ProductsBoard", "Change the price anyway?"))
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


@dataclass(frozen=True)
class CouponForm:
    value_cents: int
    threshold_cents: int
    count: int
    valid_from: datetime | None
    valid_to: datetime | None
    skus: tuple[str, ...]
    name: str

    def describe(self) -> str:
        off = money_cents(self.value_cents, 0)
        if self.threshold_cents > 0:
            return f"{self.name} ({money_cents(self.threshold_cents, 0)} − {off})".strip()
        return f"{self.name} (− {off})".strip()


class CouponDialog(QDialog):
    """A coupon (优惠券) for the selected product or the whole shop."""

    def __init__(self, parent: QWidget | None, product: Derived | None, now: datetime) -> None:
        super().__init__(parent)
        self.now = now
        self.setWindowTitle(self.tr("Add coupon"))
        self.product = product
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. 满199减20"))
        self.value = QDoubleSpinBox()
        self.threshold = QDoubleSpinBox()
        for box, top in ((self.value, 10_000.0), (self.threshold, 100_000.0)):
            box.setPrefix("¥")
            box.setDecimals(2)
            box.setRange(0.0, top)
            box.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.value.setValue(10.0)
        self.threshold.setSpecialValueText(self.tr("no threshold"))
        self.count = QSpinBox()
        self.count.setRange(0, 1_000_000)
        self.count.setValue(100)
        self.count.setSpecialValueText(self.tr("unlimited"))
        self.only_this = QCheckBox()
        if product is not None:
            self.only_this.setText(self.tr("Only for %1").replace("%1", product.product.name))
            self.only_this.setChecked(True)
        else:
            self.only_this.setText(self.tr("Only for the selected product"))
            self.only_this.setEnabled(False)
        self.until = QCheckBox(self.tr("Valid until"))
        self.valid_to = QDateTimeEdit(QDateTime.fromSecsSinceEpoch(int(now.timestamp()) + 3 * 3600))
        self.valid_to.setCalendarPopup(True)
        self.valid_to.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.valid_to.setEnabled(False)
        self.until.toggled.connect(self.valid_to.setEnabled)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Value"), self.value)
        form.addRow(self.tr("From a price of"), self.threshold)
        form.addRow(self.tr("How many"), self.count)
        form.addRow("", self.only_this)
        form.addRow(self.until, self.valid_to)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #e5484d;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def form(self) -> CouponForm:
        skus = (self.product.sku,) if self.product and self.only_this.isChecked() else ()
        valid_to = None
        if self.until.isChecked():
            chosen = self.valid_to.dateTime().toPython()
            if isinstance(chosen, datetime):
                valid_to = chosen.astimezone()  # the local time the person picked
        return CouponForm(
            value_cents=round(self.value.value() * 100),
            threshold_cents=round(self.threshold.value() * 100),
            count=self.count.value(),
            valid_from=None,
            valid_to=valid_to,
            skus=skus,
            name=self.name.text().strip(),
        )

    def _accept(self) -> None:
        f = self.form()
        if f.value_cents <= 0:
            self.problem.setText(self.tr("The coupon needs a value."))
            return
        if f.valid_to is not None and f.valid_to <= self.now:
            self.problem.setText(self.tr("The coupon would be expired already."))
            return
        self.accept()


def ask_coupon(parent: QWidget, product: Derived | None, now: datetime) -> CouponForm | None:
    """The coupon the person filled in (None: cancelled); `now` is the show's time."""
    dialog = CouponDialog(parent, product, now)
    try:
        return dialog.form() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
