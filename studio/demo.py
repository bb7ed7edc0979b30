"""The built-in demo show: a Chinese beauty-products live show with script, products and targets."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from studio.paths import resources_dir
from studio.store.models import CueEvent, Show
from studio.store.store import Store


def demo_script_path() -> Path:
    return resources_dir() / "demo" / "show.yaml"


def ensure_demo_show(store: Store) -> int:
    """The newest demo show that never went on air, or a fresh one from the bundled script.

    A demo that already ran is left as it is (it is a show like any other in the review)."""
    from studio.script.loader import load_script_file
    from studio.script.store_io import create_show_from_script_file

    title = load_script_file(demo_script_path()).title
    with store.session() as s:
        started = select(CueEvent.id).where(CueEvent.show_id == Show.id).exists()
        existing = s.scalar(
            select(Show.id)
            .where(Show.title == title, Show.is_rehearsal.is_(False), ~started)
            .order_by(Show.id.desc())
            .limit(1)
        )
    if existing is not None:
        return int(existing)
    return create_show_from_script_file(store, demo_script_path())
