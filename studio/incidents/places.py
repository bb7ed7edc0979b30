"""The show's segment titles by key, for lists that stored only a segment's key."""

from __future__ import annotations

from sqlalchemy import select

from studio.store.models import Segment
from studio.store.store import Store


def segment_titles(store: Store, show_id: int) -> dict[str, str]:
    """Each segment key of the show mapped to its title, as the show's stored script has it."""
    with store.session() as s:
        rows = s.execute(select(Segment.key, Segment.title).where(Segment.show_id == show_id)).all()
    return {key: title for key, title in rows}
