"""Two stations (stores) on one PostgreSQL database, and waiting for the other's changes.

Import the `stations` fixture next to pg_cluster's fixtures (it needs `pg_url`); benchmarks
start their own server with `pg_stations()`."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from studio.store.changes import Change
from studio.store.store import Store


@contextmanager
def open_stations(
    pg_url: str, first: str = "controller", second: str = "anchor"
) -> Iterator[tuple[Store, Store]]:
    a = Store.open(pg_url, station=first)
    b = Store.open(pg_url, station=second)
    try:
        yield a, b
    finally:
        a.close()
        b.close()


@contextmanager
def pg_stations(database: str = "bench") -> Iterator[tuple[Store, Store]]:
    """A throwaway PostgreSQL server with one database, the controller's and the anchor's
    store on it; all gone afterwards."""
    from pg_cluster import PgCluster

    cluster = PgCluster().init()
    try:
        os.environ.update(cluster.env())
        with open_stations(cluster.url(cluster.create_database(database))) as both:
            yield both
    finally:
        cluster.destroy()


@pytest.fixture
def stations(pg_url: str) -> Iterator[tuple[Store, Store]]:
    """The controller's and the anchor's store."""
    with open_stations(pg_url) as both:
        yield both


def arrival(store: Store, table: str) -> threading.Event:
    """Set when a change of `table` written by another station arrives on `store`'s bus."""
    got = threading.Event()

    def seen(c: Change) -> None:
        if c.remote and c.table == table:
            got.set()

    store.bus.subscribe(seen)
    return got
