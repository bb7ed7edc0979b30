"""`studio ingest --show ID --source sim|jsonl:PATH|csv:PATH|http[:PORT]|export:PATH`."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from studio.commands.common import CommandError, guarded, open_store
from studio.store.shows import ShowNotFound, get_show
from studio.store.store import Store


@contextmanager
def _stop_on_signals() -> Iterator[threading.Event]:
    """SIGINT/SIGTERM set the event so every source stops cleanly and drains."""
    stop = threading.Event()
    old = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}

    def handler(_sig: int, _frame: Any) -> None:
        stop.set()

    for s in old:
        signal.signal(s, handler)
    try:
        yield stop
    finally:
        for s, h in old.items():
            signal.signal(s, h)


def _sim(store: Store, args: argparse.Namespace, stop: threading.Event) -> str:
    """The simulator plays the show as it is run, like the GUI's demo feed: the segment the
    stored rundown is in and the flash sales in their stored windows (as planned until the show
    has been run). At --speed 0 the rundown is followed up to the show's clock now (later cues
    are not known yet), so the command ends."""
    from studio.demo import show_clock
    from studio.metrics.sources.sim import (
        SimulatorRunner,
        StoredFlashWindows,
        StoredRundown,
        feed_simulator,
        flash_windows_as_run,
        planned_flash_windows,
    )
    from studio.metrics.writer import MetricWriter

    now = show_clock(store, args.show)()
    rundown = StoredRundown(store, args.show)
    stored = StoredFlashWindows(store, args.show)
    try:

        def as_run(ts: float) -> tuple[str, float] | None:
            return rundown(ts) if args.speed > 0 or ts <= now else None

        sim = feed_simulator(store, args.show, now=now, seed=args.seed, rundown=as_run)
        if args.start_ts is not None:
            sim.start_ts = args.start_ts
        sim.flash_windows = flash_windows_as_run(stored, rundown, planned_flash_windows(sim))
        writer = MetricWriter(store).start()
        runner = SimulatorRunner(sim, writer.submit, speed=args.speed, stop_event=stop)
        try:
            n = runner.run()
        finally:
            writer.stop()
    finally:
        rundown.close()
        stored.close()
    return (
        f"simulated {sim.t} s of show ({n} samples, {writer.stats.inserted} stored, "
        f"{writer.stats.rejected} refused)"
    )


MAX_REPORTED = 20  # quarantined lines printed one by one; the rest are counted


class _BadLines:
    """Prints quarantined lines as `FILE:LINE: reason` on stderr, the first few of them."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.count = 0

    def __call__(self, line_no: int, reason: str) -> None:
        self.count += 1
        if self.count <= MAX_REPORTED:
            print(f"{self.path}:{line_no}: {reason}", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.count > MAX_REPORTED:
            more = self.count - MAX_REPORTED
            print(f"{self.path}: … and {more} more quarantined lines", file=sys.stderr)


def _problem(path: str) -> Any:
    last = {"what": ""}

    def say(what: str) -> None:
        if what != last["what"]:  # once per problem, not once per retry
            print(f"{path}: {what}; retrying", file=sys.stderr, flush=True)
        last["what"] = what

    return say


def _tail(
    store: Store, args: argparse.Namespace, fmt: str, path: str, stop: threading.Event
) -> tuple[str, int]:
    from pathlib import Path

    from studio.metrics.sources.tail import FileTailer
    from studio.store.retry import GaveUp

    if not args.follow and not Path(path).exists():
        raise CommandError(f"{path}: no such file", 2)
    if not args.follow and not Path(path).is_file():
        raise CommandError(f"{path}: not a file", 2)
    bad = _BadLines(path)
    tailer = FileTailer(
        store,
        args.show,
        path,
        fmt=fmt,
        margin=args.window_margin * 3600,
        on_bad=bad,
        on_problem=_problem(path),
    )
    try:
        stats = tailer.run(stop, follow=args.follow)
    except GaveUp as exc:
        bad.close()
        s = tailer.stats
        raise CommandError(
            f"{path}: {exc}; {s.lines} lines read and committed so far, "
            "run the same command again to continue from there",
            1,
        ) from None
    except PermissionError as exc:
        raise CommandError(f"{path}: cannot read ({exc.strerror})", 2) from None
    bad.close()
    partial = (
        f", {stats.partial_bytes} bytes of an unfinished last line left"
        if stats.partial_bytes
        else ""
    )
    dup = f", {stats.duplicates} duplicates skipped" if stats.duplicates else ""
    summary = (
        f"{path}: {stats.lines} lines, {stats.rows} samples{dup}, {stats.bad} quarantined{partial}"
    )
    return summary, 1 if stats.bad else 0


def check_listen_host(host: str, allow_remote: bool, endpoint: str) -> None:
    """Refuse a --host other computers can reach unless --allow-remote (the bearer token
    travels in plain HTTP); with it, warn on stderr. `endpoint` names it ("ingest")."""
    from studio.metrics.sources.http import is_loopback

    if is_loopback(host):
        return
    if not allow_remote:
        raise CommandError(
            f"--host {host} would let other computers reach the {endpoint} endpoint, and "
            "its bearer token travels in plain HTTP (anyone on the network can read it); "
            "add --allow-remote if that is what you want, or keep the default 127.0.0.1 "
            "and put a TLS proxy in front",
            2,
        )
    print(
        f"studio: warning: listening on {host}: the {endpoint} endpoint is reachable from "
        "other computers and its bearer token is sent unencrypted",
        file=sys.stderr,
        flush=True,
    )


def _http(store: Store, args: argparse.Namespace, port: int, stop: threading.Event) -> str:
    from studio.api.ingest import IngestServer
    from studio.metrics.sources.http import token_path

    check_listen_host(args.host, args.allow_remote, "ingest")
    server = IngestServer(
        store, args.show, host=args.host, port=port, margin=args.window_margin * 3600
    )
    try:
        server.start()
    except OSError as exc:
        raise CommandError(f"cannot listen on {args.host}:{port}: {exc.strerror}", 1) from exc
    print(f"listening on {server.url} (bearer token in {token_path()})", flush=True)
    try:
        stop.wait()
    finally:
        server.stop()
    stats = server.stats
    if not stats:
        return "http: no requests"
    return "http: " + ", ".join(f"{k} {v}" for k, v in sorted(stats.items()))


def _export(store: Store, args: argparse.Namespace, path: str) -> tuple[str, int]:
    from studio.metrics.samples import SampleError
    from studio.metrics.sources.platform_export import import_export

    day = None
    if args.day:
        from datetime import date

        try:
            day = date.fromisoformat(args.day)
        except ValueError as exc:
            raise CommandError(f"--day: not a date: {args.day!r}", 2) from exc
    try:
        r = import_export(store, args.show, path, day=day)
    except (SampleError, OSError) as exc:
        raise CommandError(str(exc), 1) from exc
    bad = _BadLines(path)
    for row_no, reason in r.problems:
        bad(row_no, reason)
    bad.close()
    ignored = f"; ignored columns: {', '.join(r.ignored_columns)}" if r.ignored_columns else ""
    summary = f"{path}: {r.rows} samples ({r.inserted} new), {r.bad} rows quarantined{ignored}"
    return summary, 1 if r.bad else 0


@guarded
def cmd_ingest(args: argparse.Namespace) -> int:
    kind, _, rest = args.source.partition(":")
    if kind not in ("sim", "jsonl", "csv", "http", "export"):
        raise CommandError(
            f"--source {args.source!r}: use sim, jsonl:PATH, csv:PATH, http[:PORT] or export:PATH",
            2,
        )
    if kind in ("jsonl", "csv", "export") and not rest:
        raise CommandError(f"--source {kind}: needs a path, e.g. {kind}:/data/metrics.{kind}", 2)
    if args.speed < 0:
        raise CommandError("--speed must be 0 (as fast as possible) or positive", 2)
    port = 8765
    if kind == "http" and rest:
        if not rest.isdigit() or not 0 <= int(rest) <= 65535:
            raise CommandError(f"--source http:{rest}: not a port number", 2)
        port = int(rest)
    if not args.window_margin > 0:
        raise CommandError("--window-margin must be a positive number of hours", 2)
    code = 0
    store = open_store(args)
    try:
        try:
            get_show(store, args.show)
        except ShowNotFound as exc:
            raise CommandError(str(exc), 1) from exc
        with _stop_on_signals() as stop:
            if kind == "sim":
                summary = _sim(store, args, stop)
            elif kind in ("jsonl", "csv"):
                summary, code = _tail(store, args, kind, rest, stop)
            elif kind == "http":
                summary = _http(store, args, port, stop)
            else:
                summary, code = _export(store, args, rest)
    except SQLAlchemyError as exc:
        from studio.store.retry import describe

        raise CommandError(f"database problem: {describe(exc)}", 1) from None
    finally:
        store.close()
    print(summary, file=sys.stderr if kind == "http" else sys.stdout)
    return code


def register(sub: Any) -> None:
    p = sub.add_parser("ingest", help="feed live metrics into a show (simulator, file, HTTP)")
    p.add_argument("--show", type=int, required=True, metavar="ID")
    p.add_argument(
        "--source",
        required=True,
        help="sim | jsonl:PATH | csv:PATH | http[:PORT] | export:PATH (platform export)",
    )
    p.add_argument(
        "--follow",
        action="store_true",
        help="keep tailing the file for new lines until interrupted",
    )
    p.add_argument(
        "--speed",
        type=float,
        default=1.0,
        help="simulator speed: 1 = real time, 10 = ten times faster, 0 = at once",
    )
    p.add_argument("--seed", type=int, default=0, help="simulator random seed")
    p.add_argument("--start-ts", type=float, default=None, help=argparse.SUPPRESS)
    p.add_argument("--host", default="127.0.0.1", help="http: address to bind (default loopback)")
    p.add_argument(
        "--allow-remote",
        action="store_true",
        help="http: allow a --host other computers can reach (the token is sent in plain HTTP)",
    )
    p.add_argument("--day", metavar="YYYY-MM-DD", help="export: date for time-only cells")
    p.add_argument(
        "--window-margin",
        type=float,
        default=12.0,
        metavar="HOURS",
        help="samples more than this before or after the show's times are quarantined (default 12)",
    )
    p.set_defaults(func=cmd_ingest)
