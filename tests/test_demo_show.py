"""The built-in demo show: loaded once, reused until it goes on air."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select

from studio.demo import demo_script_path, ensure_demo_show
from studio.script.loader import load_script_file
from studio.store.models import CueEvent, Product, Segment
from studio.store.store import Store


def test_demo_show_is_created_with_its_products_and_segments(store: Store) -> None:
    """The demo script lands in the store with every product and segment it declares."""
    script = load_script_file(demo_script_path())
    show_id = ensure_demo_show(store)
    with store.session() as s:
        n_products = s.scalar(select(func.count()).where(Product.show_id == show_id))
        n_segments = s.scalar(select(func.count()).where(Segment.show_id == show_id))
    assert n_products == len(script.products) == 8
    assert n_segments == len(script.segments)


def test_demo_show_is_reused_until_it_has_run(store: Store) -> None:
    """A second start reuses the untouched demo show; once it has CueEvents, a new one is made."""
    first = ensure_demo_show(store)
    assert ensure_demo_show(store) == first
    with store.transaction() as s:
        s.add(
            CueEvent(
                show_id=first, at=datetime.now(UTC), action="start", segment_index=0, cue_index=0
            )
        )
    second = ensure_demo_show(store)
    assert second != first
