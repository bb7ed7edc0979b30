"""The prompter's product card, and what it and the flash-sale banner say about the product.

Both read one `CardFacts`, made from the station's live products (`ctx.products`, the same
`Derived` the products board shows), so the banner and the card can never disagree: during a
flash sale both show the sale price and what is left of its quota. Only before the first read
of the live products (half a second after a show opens) do the script's planned figures stand
in, for both alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from studio.metrics.fmt import money_cents
from studio.products.model import Derived
from studio.script.model import Product, Segment
from studio.ui.common.theme import set_style_sheet

WHITE = "#ffffff"
GREY = "#9a9a9a"
AMBER = "#ffb000"
RED = "#ff3b30"
FLASH_RED = "#ff5a4f"


@dataclass(frozen=True)
class CardFacts:
    name: str
    price_cents: int  # what a buyer pays now: the flash-sale price during the sale
    struck_cents: int | None  # the list price, struck through, when above the price
    flash: bool  # a flash sale runs now
    flash_over: bool  # the product's flash sale has ended (early or on time)
    quota: int | None  # the flash sale's quota, and what is left of it
    quota_left: int | None
    stock_left: int
    sold_out: bool


def card_facts(planned: Product, segment: Segment, derived: Derived | None) -> CardFacts:
    """What the card and banner show for `planned` (the script's product) during `segment`."""
    if derived is None:
        # Not read yet: the script's plan, including the segment's flash-sale terms.
        fs = segment.flash_sale if segment.kind == "flash_sale" else None
        flash = fs is not None and fs.price_cents is not None
        price = fs.price_cents if flash and fs is not None and fs.price_cents else 0
        price = price or planned.live_price_cents
        quota = fs.quantity if fs is not None else None
        return CardFacts(
            name=planned.name,
            price_cents=price,
            struck_cents=planned.list_price_cents if planned.list_price_cents > price else None,
            flash=flash,
            flash_over=False,
            quota=quota,
            quota_left=quota,
            stock_left=planned.stock,
            sold_out=False,
        )
    p, f = derived.product, derived.flash
    running = f is not None and f.running
    price = derived.effective_price_cents
    quota_gone = running and f is not None and f.quota_left <= 0
    return CardFacts(
        name=p.name,
        price_cents=price,
        struck_cents=p.list_price_cents if p.list_price_cents > price else None,
        flash=running,
        flash_over=f is not None
        and not f.running
        and f.starts_at is not None
        and derived.at >= f.starts_at,
        quota=None if f is None else f.quota,
        quota_left=None if f is None else f.quota_left,
        stock_left=derived.stock_left,
        sold_out="sold_out" in derived.flags or quota_gone,
    )


class ProductCard(QFrame):
    """Name; the price big with the list price struck; what is left (quota or stock)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ProductCard")
        self.setStyleSheet(
            "QFrame#ProductCard { border: 2px solid #444; border-radius: 12px; background: #111; }"
        )
        card = QVBoxLayout(self)
        card.setContentsMargins(20, 12, 20, 12)
        card.setSpacing(4)
        self.name = self._label(WHITE, wrap=True)
        prices = QHBoxLayout()
        prices.setSpacing(16)
        self.badge = self._label(WHITE)
        self.badge.setStyleSheet(
            f"color: white; background: {FLASH_RED}; border-radius: 6px; padding: 2px 10px;"
        )
        self.price = self._label(AMBER)
        self.list_price = self._label(GREY)
        prices.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        prices.addWidget(self.price)
        prices.addWidget(self.list_price, 0, Qt.AlignmentFlag.AlignBottom)
        prices.addStretch(1)
        self.left = self._label(GREY, wrap=True)
        card.addWidget(self.name)
        card.addLayout(prices)
        card.addWidget(self.left)
        self.facts: CardFacts | None = None

    @staticmethod
    def _label(colour: str, wrap: bool = False) -> QLabel:
        label = QLabel()
        label.setStyleSheet(f"color: {colour}; background: transparent;")
        label.setWordWrap(wrap)
        return label

    def apply_fonts(self, scale: float) -> None:
        def font(label: QLabel, points: float, bold: bool = False, strike: bool = False) -> None:
            f = QFont(label.font())
            f.setPointSizeF(max(9.0, points * scale))
            f.setBold(bold)
            f.setStrikeOut(strike)
            label.setFont(f)

        struck = self.facts is not None and self.facts.sold_out
        # The secondary lines at 36-40 pt (48-53 px at 1080p) read from 3 m.
        font(self.name, 36, bold=True, strike=struck)
        font(self.badge, 30, bold=True)
        font(self.price, 60, bold=True, strike=struck)
        font(self.list_price, 34, strike=True)
        font(self.left, 40, bold=True)

    def show_facts(self, facts: CardFacts, scale: float) -> None:
        changed_strike = self.facts is None or self.facts.sold_out != facts.sold_out
        self.facts = facts
        if changed_strike:
            self.apply_fonts(scale)
        self.name.setText(facts.name)
        self.badge.setText(self.tr("FLASH SALE"))
        self.badge.setVisible(facts.flash)
        self.price.setText(money_cents(facts.price_cents))
        set_style_sheet(
            self.price, f"color: {GREY if facts.sold_out else AMBER}; background: transparent;"
        )
        self.list_price.setText(
            "" if facts.struck_cents is None else money_cents(facts.struck_cents)
        )
        self.list_price.setVisible(facts.struck_cents is not None and not facts.sold_out)
        self.left.setText(self.left_text(facts))
        colour = RED if facts.sold_out else (AMBER if facts.flash else GREY)
        set_style_sheet(self.left, f"color: {colour}; background: transparent;")

    def left_text(self, facts: CardFacts) -> str:
        if facts.flash and facts.quota is not None and facts.quota_left is not None:
            if facts.quota_left <= 0:
                return self.tr("FLASH SALE SOLD OUT")
            return (
                self.tr("%1 of %2 left")
                .replace("%1", f"{facts.quota_left:,}")
                .replace("%2", f"{facts.quota:,}")
            )
        if facts.sold_out:
            return self.tr("SOLD OUT")
        return self.tr("Stock left: %1").replace("%1", f"{facts.stock_left:,}")
