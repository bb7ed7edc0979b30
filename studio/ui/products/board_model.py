"""The board's table model: one row per product of the show, in board order (link number first).

Every figure comes from the station's one `Derived` per product (`ctx.products`); this model
only chooses words and formats. Texts are made when a cell is painted, so a 1 Hz update of 200
products costs a list swap and one `dataChanged`, and only the visible rows are formatted.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPixmap

from studio.metrics.fmt import DASH, money_cents, rate
from studio.products.model import PRODUCT_STATES, Derived
from studio.ui.common.theme import FAIL, OFF
from studio.ui.products.board_texts import (
    PRESENTING_BG,
    flag_colour,
    flag_words,
    price_text,
    state_word,
)

# The brief's order (what the 中控 reads first on a narrow dock), then 到手价 and the funnel.
COLUMNS: Final = (
    "link", "product", "state", "price", "flash", "stock", "sold", "best", "ctr", "cvr", "gmv",
    "flags",
)  # fmt: skip
COL: Final = {name: i for i, name in enumerate(COLUMNS)}
EDITABLE: Final = frozenset({COL["price"], COL["stock"]})  # edited in place (改价, 补库存)
NUMERIC: Final = frozenset(
    COL[c] for c in ("price", "best", "flash", "stock", "sold", "ctr", "cvr", "gmv")
)
DERIVED_ROLE: Final = int(Qt.ItemDataRole.UserRole) + 1
ROW_ROLE: Final = int(Qt.ItemDataRole.UserRole) + 2  # the row's RowCells (what delegates paint)
# Roles as plain ints: `data` is called for every role of every visible cell on each repaint.
DISPLAY: Final = int(Qt.ItemDataRole.DisplayRole)
EDIT: Final = int(Qt.ItemDataRole.EditRole)
ALIGN: Final = int(Qt.ItemDataRole.TextAlignmentRole)
BACKGROUND: Final = int(Qt.ItemDataRole.BackgroundRole)
FOREGROUND: Final = int(Qt.ItemDataRole.ForegroundRole)
FONT: Final = int(Qt.ItemDataRole.FontRole)
TOOLTIP: Final = int(Qt.ItemDataRole.ToolTipRole)
DECORATION: Final = int(Qt.ItemDataRole.DecorationRole)
RIGHT: Final = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT: Final = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
CELL_FLAGS: Final = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
EDIT_FLAGS: Final = CELL_FLAGS | Qt.ItemFlag.ItemIsEditable
NO_FLAGS: Final = Qt.ItemFlag.NoItemFlags
ALIGNMENT: Final = tuple(
    Qt.AlignmentFlag.AlignCenter if c == "link" else RIGHT if i in NUMERIC else LEFT
    for i, c in enumerate(COLUMNS)
)
THUMB_PX: Final = 28

Index = QModelIndex | QPersistentModelIndex


@functools.lru_cache(maxsize=256)
def _thumbnail(path: str) -> QPixmap | None:
    # Scripts name images relative to where they were written; only a file that exists here
    # is shown (a missing image is not an error on a live board).
    if not path or not Path(path).is_file():
        return None
    pix = QPixmap(path)
    if pix.isNull():
        return None
    return pix.scaled(
        THUMB_PX,
        THUMB_PX,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


@dataclass(slots=True)
class RowCells:
    """One row as painted: its Derived, each cell's words and colour (None: the text colour).
    Made when the row is first painted after an update, so off-screen rows cost nothing."""

    d: Derived
    texts: list[str]
    colours: list[QColor | None]


class BoardModel(QAbstractTableModel):
    # An in-place edit of the price or stock cell: (sku, column name, typed text). The model
    # changes nothing itself; the board's actions write the change and the next refresh shows it.
    edit_requested = Signal(str, str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Derived] = []
        self._skus: list[str] = []
        self._cells: dict[int, RowCells] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self._presenting_bg = QBrush(QColor(PRESENTING_BG))
        titles = {
            "link": self.tr("Link"),
            "product": self.tr("Product"),
            "state": self.tr("State"),
            "price": self.tr("Live price"),
            "flash": self.tr("Flash sale"),
            "stock": self.tr("Stock left"),
            "sold": self.tr("Sold"),
            "best": self.tr("Final price"),
            "ctr": self.tr("CTR"),
            "cvr": self.tr("CVR"),
            "gmv": self.tr("GMV"),
            "flags": self.tr("Alerts"),
        }
        self._headers = [titles[c] for c in COLUMNS]
        self._tips = {
            COL["link"]: self.tr("Link number on the platform (链接号)"),
            COL["best"]: self.tr("What a buyer pays for one unit with the best coupons (到手价)"),
            COL["flash"]: self.tr("Flash-sale price and what is left of its quota"),
            COL["stock"]: self.tr("Stock left: initial stock + top-ups − sold"),
        }

    # -- updating ---------------------------------------------------------------------------
    def set_rows(self, derived: Sequence[Derived]) -> bool:
        """Show `derived`; True when the rows changed (products added, removed or reordered),
        False when only their figures did."""
        skus = [d.sku for d in derived]
        if skus != self._skus:
            self.beginResetModel()
            self.rows = list(derived)
            self._skus = skus
            self._cells = {}
            self.endResetModel()
            return True
        self.rows = list(derived)
        self._cells = {}
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1)
            )
        return False

    def row_of(self, sku: str) -> int | None:
        try:
            return self._skus.index(sku)
        except ValueError:
            return None

    def derived_at(self, row: int) -> Derived | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    # -- Qt model ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tips.get(section)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Asked for every painted cell: answered from two constants, not the base class.
        if not index.isValid():
            return NO_FLAGS
        return EDIT_FLAGS if index.column() in EDITABLE else CELL_FLAGS

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        d = self.derived_at(index.row()) if index.isValid() else None
        if d is None or role != Qt.ItemDataRole.EditRole or index.column() not in EDITABLE:
            return False
        text = str(value).strip()
        if text:
            self.edit_requested.emit(d.sku, COLUMNS[index.column()], text)
        return True

    def row_cells(self, row: int) -> RowCells | None:
        cells = self._cells.get(row)
        if cells is None:
            d = self.derived_at(row)
            if d is None:
                return None
            n = range(len(COLUMNS))
            cells = RowCells(d, [self.text(d, c) for c in n], [self._colour(d, c) for c in n])
            self._cells[row] = cells
        return cells

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        cells = self.row_cells(index.row()) if index.isValid() else None
        if cells is None:
            return None
        col, d = index.column(), cells.d
        if role == DISPLAY:
            return cells.texts[col]
        if role == ROW_ROLE:
            return cells
        if role == DERIVED_ROLE:
            return d
        if role == EDIT:
            return self._edit_text(d, col)
        if role == ALIGN:
            return int(ALIGNMENT[col])
        if role == BACKGROUND:
            return self._presenting_bg if d.presenting else None
        if role == FOREGROUND:
            colour = cells.colours[col]
            return None if colour is None else QBrush(colour)
        if role == FONT:
            return self._bold if d.presenting or col == COL["link"] else None
        if role == TOOLTIP:
            return self._tooltip(d, col)
        if role == DECORATION and col == COL["product"]:
            return _thumbnail(d.product.image_path or "")
        return None

    # -- cells ------------------------------------------------------------------------------
    def text(self, d: Derived, col: int) -> str:
        """The cell's words (what a test or a screen reader reads; delegates paint more)."""
        p, name = d.product, COLUMNS[col]
        if name == "link":
            link = DASH if p.link is None else str(p.link)
            return f"▶ {link}" if d.presenting else link
        if name == "product":
            return p.name
        if name == "state":
            return state_word(p.state)
        if name == "price":
            return price_text(p.live_price_cents)
        if name == "best":
            return price_text(d.best_price_cents)
        if name == "flash":
            return self.flash_text(d)
        if name == "stock":
            return f"{d.stock_left:,}"
        if name == "sold":
            return DASH if d.sales.sold is None else f"{d.sold:,}"
        if name == "ctr":
            return rate(d.ctr)
        if name == "cvr":
            return rate(d.cvr)
        if name == "gmv":
            return money_cents(d.sales.gmv_cents, 0)
        return flag_words(d.flags, self.tr(", "))

    def sample_texts(self) -> dict[int, list[str]]:
        """The widest texts each column shows (for its width), in the UI language."""
        money, big = money_cents(99_999), "12,345"  # the widest: decimals shown
        flash = (
            self.tr("%1 · %2/%3 left").replace("%1", money).replace("%2", "999")
            .replace("%3", "999")
        )  # fmt: skip
        ended = self.tr("ended · %1/%2 sold").replace("%1", "999").replace("%2", "999")
        return {
            COL["link"]: ["▶ 88"],
            COL["product"]: ["玻色因焕亮精华 30ml"],  # longer names elide (full in the tooltip)
            COL["state"]: [state_word(s) for s in PRODUCT_STATES],
            COL["price"]: [f"{price_text(99_990)} {price_text(99_900)}"],
            COL["best"]: [money],
            COL["flash"]: [flash, ended],
            COL["stock"]: [big],
            COL["sold"]: [big],
            COL["ctr"]: ["100.0%"],
            COL["cvr"]: ["100.0%"],
            COL["gmv"]: [money_cents(12_345_600, 0)],
        }

    def flash_text(self, d: Derived) -> str:
        fs = d.flash
        if fs is None or fs.starts_at is None:
            return ""
        if fs.running:
            return (
                self.tr("%1 · %2/%3 left")
                .replace("%1", price_text(fs.price_cents))
                .replace("%2", f"{fs.quota_left:,}")
                .replace("%3", f"{fs.quota:,}")
            )
        if d.at < fs.starts_at:
            return self.tr("at %1").replace("%1", fs.starts_at.astimezone().strftime("%H:%M"))
        # Over: how much of the quota went at the sale price (and whether it was oversold).
        return (
            self.tr("ended · %1/%2 sold")
            .replace("%1", f"{fs.sold:,}")
            .replace("%2", f"{fs.quota:,}")
        )

    def _edit_text(self, d: Derived, col: int) -> str:
        if col == COL["price"]:
            return f"{d.product.live_price_cents / 100:.2f}"
        return ""  # stock: the units to add are typed fresh

    def _colour(self, d: Derived, col: int) -> QColor | None:
        name = COLUMNS[col]
        if name == "flags":
            colour = flag_colour(d.flags)
            return None if colour is None else QColor(colour)
        if name == "flash" and d.flash is not None:
            if d.flash.sold > d.flash.quota:
                return QColor(FAIL)
            if not d.flash.running:
                return QColor(OFF)
        if name == "price" and "below_floor" in d.flags:
            return QColor(FAIL)
        return None

    def _tooltip(self, d: Derived, col: int) -> str | None:
        p, name = d.product, COLUMNS[col]
        if name == "product":
            return f"{p.sku} · {p.name}"
        if name == "price":
            tip = self.tr("List price %1, live price %2").replace(
                "%1", money_cents(p.list_price_cents)
            )
            tip = tip.replace("%2", money_cents(p.live_price_cents))
            if p.floor_cents is not None:
                tip += "\n" + self.tr("Floor %1").replace("%1", money_cents(p.floor_cents))
            if d.flash_running:
                tip += "\n" + self.tr("The flash-sale price applies now")
            return tip + "\n" + self.tr("E or double-click: change the price")
        if name == "best":
            used = [c.name or money_cents(c.value_cents, 0) for c in d.coupons
                    if c.uid in d.best_coupons]  # fmt: skip
            if not used:
                return self.tr("No coupon applies")
            return self.tr("With: %1").replace("%1", self.tr(", ").join(used))
        if name == "stock":
            return (
                (
                    self.tr("%1 left of %2 (initial %3 + added %4)")
                    .replace("%1", f"{d.stock_left:,}")
                    .replace("%2", f"{p.stock_total:,}")
                    .replace("%3", f"{p.stock_initial:,}")
                    .replace("%4", f"{p.stock_added:,}")
                )
                + "\n"
                + self.tr("S: add stock")
            )
        if name == "flags" and d.flags:
            return flag_words(d.flags, "\n")
        return None
