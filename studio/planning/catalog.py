"""The studio's product catalogue and picking products from it for a show.

A show's products are copies (`Product` rows): changing the live price for one show must not
change the catalogue or any other show.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select

from studio.store.models import CatalogProduct, Product, Show
from studio.store.shows import ShowNotFound
from studio.store.store import Store


class CatalogError(ValueError):
    """Bad catalogue input; the message is meant for the user."""


@dataclass(frozen=True)
class ProductInfo:
    sku: str
    name: str
    list_price_cents: int = 0
    live_price_cents: int = 0
    stock: int = 0
    cost_cents: int | None = None
    selling_points: tuple[str, ...] = field(default_factory=tuple)
    image_path: str | None = None


def _check(p: ProductInfo) -> None:
    if not p.sku.strip():
        raise CatalogError("a product needs a SKU")
    if not p.name.strip():
        raise CatalogError(f"product {p.sku}: needs a name")
    for what, v in (
        ("list price", p.list_price_cents),
        ("live price", p.live_price_cents),
        ("stock", p.stock),
        ("cost", p.cost_cents or 0),
    ):
        if v < 0:
            raise CatalogError(f"product {p.sku}: {what} cannot be negative")


def _info(row: CatalogProduct | Product) -> ProductInfo:
    return ProductInfo(
        row.sku,
        row.name,
        row.list_price_cents,
        row.live_price_cents,
        row.stock,
        row.cost_cents,
        tuple(str(x) for x in row.selling_points or ()),
        row.image_path,
    )


def upsert_catalog(store: Store, product: ProductInfo) -> int:
    """Add a catalogue product or update the one with the same SKU; returns its id."""
    _check(product)
    with store.transaction() as s:
        row = s.scalar(select(CatalogProduct).where(CatalogProduct.sku == product.sku.strip()))
        if row is None:
            row = CatalogProduct(sku=product.sku.strip())
            s.add(row)
        row.name = product.name.strip()
        row.list_price_cents = product.list_price_cents
        row.live_price_cents = product.live_price_cents
        row.stock = product.stock
        row.cost_cents = product.cost_cents
        row.selling_points = list(product.selling_points)
        row.image_path = product.image_path
        s.flush()
        change = store.record_change(s, "catalog_product", row.id, None)
        row_id = row.id
    store.publish(change)
    return row_id


def list_catalog(store: Store) -> list[ProductInfo]:
    with store.session() as s:
        return [_info(r) for r in s.scalars(select(CatalogProduct).order_by(CatalogProduct.sku))]


def show_products(store: Store, show_id: int) -> list[ProductInfo]:
    with store.session() as s:
        rows = s.scalars(
            select(Product).where(Product.show_id == show_id).order_by(Product.position)
        )
        return [_info(r) for r in rows]


def select_products(store: Store, show_id: int, skus: Sequence[str]) -> list[str]:
    """Copy catalogue products into the show (those already in it are left as they are);
    returns the SKUs added. Unknown SKUs raise before anything is written."""
    with store.transaction() as s:
        if s.get(Show, show_id) is None:
            raise ShowNotFound(f"no show with id {show_id}")
        wanted = list(dict.fromkeys(k.strip() for k in skus if k.strip()))
        rows = {
            r.sku: r
            for r in s.scalars(select(CatalogProduct).where(CatalogProduct.sku.in_(wanted)))
        }
        unknown = [k for k in wanted if k not in rows]
        if unknown:
            raise CatalogError(f"not in the catalogue: {', '.join(unknown)}")
        present = set(s.scalars(select(Product.sku).where(Product.show_id == show_id)))
        pos = int(
            s.scalar(
                select(func.coalesce(func.max(Product.position), -1)).where(
                    Product.show_id == show_id
                )
            )
            or 0
        )
        added = []
        for sku in wanted:
            if sku in present:
                continue
            c = rows[sku]
            pos += 1
            s.add(
                Product(
                    show_id=show_id,
                    position=pos,
                    sku=c.sku,
                    name=c.name,
                    list_price_cents=c.list_price_cents,
                    live_price_cents=c.live_price_cents,
                    cost_cents=c.cost_cents,
                    stock=c.stock,
                    selling_points=list(c.selling_points or []),
                    image_path=c.image_path,
                )
            )
            added.append(sku)
        change = store.record_change(s, "product", None, show_id)
    store.publish(change)
    return added


def update_show_product(
    store: Store,
    show_id: int,
    sku: str,
    *,
    live_price_cents: int | None = None,
    stock: int | None = None,
) -> None:
    """Change one show product's live price or stock (the catalogue is untouched)."""
    if live_price_cents is not None and live_price_cents < 0:
        raise CatalogError(f"product {sku}: live price cannot be negative")
    if stock is not None and stock < 0:
        raise CatalogError(f"product {sku}: stock cannot be negative")
    with store.transaction() as s:
        row = s.scalar(select(Product).where(Product.show_id == show_id, Product.sku == sku))
        if row is None:
            raise CatalogError(f"show {show_id} has no product {sku}")
        if live_price_cents is not None:
            row.live_price_cents = live_price_cents
        if stock is not None:
            row.stock = stock
        change = store.record_change(s, "product", row.id, show_id)
    store.publish(change)


def remove_product(store: Store, show_id: int, sku: str) -> bool:
    with store.transaction() as s:
        row = s.scalar(select(Product).where(Product.show_id == show_id, Product.sku == sku))
        if row is None:
            return False
        s.delete(row)
        change = store.record_change(s, "product", None, show_id)
    store.publish(change)
    return True
