"""Quick replies for a question card, and the FAQ library they also come from.

Figures (price, stock left, coupons, link) come from the live product model
(`studio.products.reader.derive_show`), the same function the products board and the prompter
read, so a reply never quotes a price the board does not show. The replies are for viewers on
a Chinese platform, so they are written in Chinese whatever the station's UI language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, or_, select

from studio.audience.queue import Card
from studio.metrics.fmt import money_cents
from studio.products.model import Derived
from studio.products.reader import derive_show, find
from studio.store.audience_models import AudienceFaq
from studio.store.store import Store
from studio.timeutil import utcnow


@dataclass(frozen=True)
class Faq:
    id: int
    show_id: int | None
    sku: str | None
    topic: str | None
    question: str
    answer: str


def add_faq(
    store: Store,
    *,
    answer: str,
    question: str = "",
    show_id: int | None = None,
    sku: str | None = None,
    topic: str | None = None,
) -> int:
    """A new FAQ entry: per product (show + sku) or global (no show, no sku)."""
    if not answer.strip():
        raise ValueError("an FAQ entry needs an answer")
    with store.transaction() as s:
        row = AudienceFaq(
            show_id=show_id, sku=sku or None, topic=topic or None,
            question=question.strip(), answer=answer.strip(), created_at=utcnow(),
        )  # fmt: skip
        s.add(row)
        s.flush()
        change = store.record_change(s, "audience_faq", row.id, show_id)
        rid = row.id
    store.publish(change)
    return rid


def update_faq(store: Store, faq_id: int, *, question: str, answer: str) -> None:
    with store.transaction() as s:
        row = s.get(AudienceFaq, faq_id)
        if row is None:
            raise ValueError(f"no FAQ entry {faq_id}")
        row.question, row.answer = question.strip(), answer.strip()
        change = store.record_change(s, "audience_faq", faq_id, row.show_id)
    store.publish(change)


def delete_faq(store: Store, faq_id: int) -> None:
    with store.transaction() as s:
        show_id = s.scalar(select(AudienceFaq.show_id).where(AudienceFaq.id == faq_id))
        s.execute(delete(AudienceFaq).where(AudienceFaq.id == faq_id))
        change = store.record_change(s, "audience_faq", faq_id, show_id)
    store.publish(change)


def list_faq(store: Store, show_id: int | None) -> list[Faq]:
    """The show's entries and the global ones."""
    with store.session() as s:
        rows = s.scalars(
            select(AudienceFaq)
            .where(or_(AudienceFaq.show_id == show_id, AudienceFaq.show_id.is_(None)))
            .order_by(AudienceFaq.sku.is_(None), AudienceFaq.sku, AudienceFaq.id)
        ).all()
        return [Faq(r.id, r.show_id, r.sku, r.topic, r.question, r.answer) for r in rows]


def _name(d: Derived) -> str:
    p = d.product
    return f"{p.link}号链接「{p.name}」" if p.link is not None else f"「{p.name}」"


def from_figures(d: Derived, topic: str | None) -> list[str]:
    """Replies built from the product's live figures, the topic's first."""
    p = d.product
    price = f"{_name(d)}现在直播价 {money_cents(d.effective_price_cents, 0)}"
    if d.best_price_cents < d.effective_price_cents:
        price += f"，用券到手 {money_cents(d.best_price_cents, 0)}"
    if p.list_price_cents > d.effective_price_cents:
        price += f"（日常价 {money_cents(p.list_price_cents, 0)}）"
    if d.stock_left <= 0:
        stock = f"{_name(d)}已经抢光了，补货会在直播间第一时间通知～"
    else:
        stock = f"{_name(d)}还有 {d.stock_left} 件，喜欢的宝宝抓紧拍～"
    link = f"在{_name(d)}，点左下角小黄车就能看到～"
    coupons = [c.name or f"满{c.threshold_cents // 100}减{c.value_cents // 100}" for c in d.coupons]
    coupon = f"{_name(d)}可以用：{'、'.join(coupons)}，下单前先领券～" if coupons else ""
    by_topic = {"price": price, "stock": stock, "link": link, "coupon": coupon}
    first = by_topic.get(topic or "", "")
    ordered = [first] if first else []
    ordered += [t for k, t in by_topic.items() if t and k != topic]
    return ordered


def suggest(
    store: Store,
    card: Card,
    now: datetime,
    *,
    limit: int = 6,
) -> list[str]:
    """Quick replies for a card: matching FAQ entries first (product + topic, product, topic,
    global), then the product's figures and selling points."""
    out: list[str] = []
    for f in list_faq(store, card.show_id):
        if f.sku and f.sku != card.sku:
            continue
        if f.topic and f.topic != card.topic:
            continue
        out.append(f.answer)
    if card.sku:
        derived = find(derive_show(store, card.show_id, now), card.sku)
        if derived is not None:
            figures = from_figures(derived, card.topic)
            points = [
                f"{_name(derived)}：{sp}" for sp in selling_points_of(store, card.show_id, card.sku)
            ]
            # Usage, ingredients, size and colour are what the selling points talk about.
            wordy = card.topic in ("usage", "ingredients", "size", "colour")
            out += points + figures if wordy else figures + points
    return list(dict.fromkeys(out))[:limit]


def selling_points_of(store: Store, show_id: int, sku: str) -> list[str]:
    from studio.store.models import Product

    with store.session() as s:
        pts = s.scalar(
            select(Product.selling_points).where(Product.show_id == show_id, Product.sku == sku)
        )
    return [str(p) for p in pts or []]


def products_of(store: Store, show_id: int) -> list[tuple[str, str, int | None]]:
    """(sku, name, link) of the show's products, for the FAQ editor's choice."""
    from studio.audience.context import load_products

    with store.session() as s:
        return [(p.sku, p.name, p.link) for p in load_products(s, show_id)]
