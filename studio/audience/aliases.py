"""Other names viewers use for a product (色号 "316", "枫叶红", "小棕瓶"), per show.

The product's own name gives aliases by itself (its words that name no other product, see
`studio.audience.classify.ProductIndex`); these are the ones a studio adds. An alias names one
product of a show; adding it to another moves it. A change takes effect at once for the
comments this process ingests, within `CONTEXT_TTL_S` for other processes.
"""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import CursorResult, delete, select

from studio.audience.ingest import reread_products
from studio.store.audience_models import AudienceAlias
from studio.store.models import Product
from studio.store.store import Store


class AliasError(ValueError):
    pass


def add_alias(store: Store, show_id: int, sku: str, alias: str) -> None:
    text = " ".join(alias.split())
    if not text or len(text) > 100:
        raise AliasError("an alias is 1 to 100 characters")
    with store.transaction() as s:
        if (
            s.scalar(select(Product.id).where(Product.show_id == show_id, Product.sku == sku))
            is None
        ):
            raise AliasError(f"show {show_id} has no product {sku!r}")
        s.execute(
            delete(AudienceAlias).where(
                AudienceAlias.show_id == show_id, AudienceAlias.alias == text
            )
        )
        row = AudienceAlias(show_id=show_id, sku=sku, alias=text)
        s.add(row)
        s.flush()
        change = store.record_change(s, "audience_alias", row.id, show_id)
    store.publish(change)
    reread_products(store, show_id)


def remove_alias(store: Store, show_id: int, alias: str) -> bool:
    with store.transaction() as s:
        done = cast(
            CursorResult[Any],
            s.execute(
                delete(AudienceAlias).where(
                    AudienceAlias.show_id == show_id,
                    AudienceAlias.alias == " ".join(alias.split()),
                )
            ),
        )
        gone = done.rowcount
        change = store.record_change(s, "audience_alias", None, show_id)
    store.publish(change)
    reread_products(store, show_id)
    return bool(gone)


def list_aliases(store: Store, show_id: int) -> dict[str, list[str]]:
    with store.session() as s:
        rows = s.execute(
            select(AudienceAlias.sku, AudienceAlias.alias)
            .where(AudienceAlias.show_id == show_id)
            .order_by(AudienceAlias.sku, AudienceAlias.alias)
        ).all()
    out: dict[str, list[str]] = {}
    for sku, alias in rows:
        out.setdefault(sku, []).append(alias)
    return out
