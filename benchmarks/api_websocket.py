"""Cue-change latency to WebSocket clients. Prints, for N clients connected to /api/v1/events:

- latency from the CueEvent's commit (the store's change bus) to each client's receipt of the
  `cue` event: p50, p99, max (target: p99 < 50 ms with 50 clients; the issue's bound is 100 ms);
- the same from the moment the action was asked (commit included).

The server is the headless one (`studio serve`'s), on a SQLite file; the clients run in this
process on their own asyncio loop, so they share the interpreter with the server (a pessimistic
set-up: a tablet is another machine).

Run: .venv/bin/python benchmarks/api_websocket.py [--clients 50] [--changes 200]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import threading
import time
from pathlib import Path

import aiohttp

from studio.api.server import ApiServer, ServerConfig
from studio.demo import demo_script_path
from studio.script.store_io import create_show_from_script_file
from studio.store.changes import Change
from studio.store.store import Store


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def measure(server: ApiServer, store: Store, clients: int, changes: int) -> None:
    assert server.rundown is not None
    rundown = server.rundown
    committed: dict[int, float] = {}
    lock = threading.Lock()
    counter = {"n": 0}

    def on_change(change: Change) -> None:
        if change.table == "cue_event":
            with lock:
                committed[counter["n"]] = time.perf_counter()

    unsubscribe = store.bus.subscribe(on_change)
    session = aiohttp.ClientSession()
    sockets = [
        await session.ws_connect(f"http://127.0.0.1:{server.port}/api/v1/events")
        for _ in range(clients)
    ]
    for ws in sockets:
        assert (await ws.receive_json())["type"] == "status"
    print(f"{clients} WebSocket clients connected", flush=True)

    async def next_cue(ws: aiohttp.ClientWebSocketResponse) -> float:
        while True:
            msg = await ws.receive_json()
            if msg["type"] == "cue":
                return time.perf_counter()

    from_commit: list[float] = []
    from_ask: list[float] = []
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, rundown.act, "start")
    await asyncio.gather(*(next_cue(ws) for ws in sockets))
    for i in range(changes):
        counter["n"] = i
        waiters = [asyncio.ensure_future(next_cue(ws)) for ws in sockets]
        asked = time.perf_counter()
        action = "next" if i % 2 == 0 else "prev"
        outcome = await loop.run_in_executor(None, rundown.act, action)
        assert outcome.moved, action
        got = await asyncio.gather(*waiters)
        with lock:
            done = committed[i]
        from_commit += [(t - done) * 1000 for t in got]
        from_ask += [(t - asked) * 1000 for t in got]
    unsubscribe()
    for ws in sockets:
        await ws.close()
    await session.close()
    n = len(from_commit)
    print(f"{changes} cue changes x {clients} clients = {n} deliveries")
    print(
        f"commit -> client: p50 {statistics.median(from_commit):.1f} ms, "
        f"p99 {pct(from_commit, 0.99):.1f} ms, max {max(from_commit):.1f} ms "
        f"(target p99 < 50 ms)"
    )
    print(
        f"asked  -> client: p50 {statistics.median(from_ask):.1f} ms, "
        f"p99 {pct(from_ask, 0.99):.1f} ms, max {max(from_ask):.1f} ms (includes the commit)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--changes", type=int, default=200)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(f"sqlite:///{Path(tmp) / 'bench.db'}", station="api@bench")
        show = create_show_from_script_file(store, demo_script_path())
        server = ApiServer(store, show, ServerConfig(port=0, token="b" * 40)).start()
        try:
            asyncio.run(measure(server, store, args.clients, args.changes))
        finally:
            server.stop()
            store.close()


if __name__ == "__main__":
    main()
