"""`studio db init|status|password`: set up and inspect the (shared) database.

`studio db init --db postgresql://studio@dbhost/studio` creates or upgrades the schema in one
command; the password comes from STUDIO_DB_PASSWORD, the keyring (`studio db password`) or
libpq's PGPASSWORD / ~/.pgpass — never from the command line.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from studio.commands.common import CommandError, guarded, print_json
from studio.store.engine import StoreError, redact, resolve_url


@guarded
def cmd_init(args: argparse.Namespace) -> int:
    from studio.store import migrate
    from studio.store.engine import check_connection, make_engine

    url = resolve_url(args.db)
    try:
        engine = make_engine(url)
    except StoreError as exc:
        raise CommandError(str(exc), 2) from None
    try:
        check_connection(engine)
        before = migrate.current_revision(engine)
        migrate.upgrade(engine)
        after = migrate.current_revision(engine)
    except StoreError as exc:
        raise CommandError(str(exc), 2) from None
    finally:
        engine.dispose()
    if before == after:
        print(f"{redact(url)}: schema already at revision {after}")
    elif before is None:
        print(f"{redact(url)}: schema created at revision {after}")
    else:
        print(f"{redact(url)}: schema upgraded from revision {before} to {after}")
    return 0


def _status(args: argparse.Namespace) -> dict[str, Any]:
    from studio.store import migrate
    from studio.store.engine import check_connection, make_engine
    from studio.store.store import outbox_path
    from studio.store.sync.outbox import Outbox

    url = resolve_url(args.db)
    engine = make_engine(url)
    info: dict[str, Any] = {
        "url": redact(url),
        "backend": engine.dialect.name,
        "head_revision": migrate.head_revision(),
    }
    try:
        try:
            check_connection(engine)
            info["reachable"] = True
            info["error"] = None
            info["revision"] = migrate.current_revision(engine)
            info["up_to_date"] = info["revision"] == info["head_revision"]
            info["newer"] = (
                info["revision"] is not None and info["revision"] not in migrate.known_revisions()
            )
        except StoreError as exc:
            info.update(
                reachable=False, error=str(exc), revision=None, up_to_date=None, newer=False
            )
        if engine.dialect.name == "postgresql":
            station = getattr(args, "role", None) or ""
            outbox = Outbox(outbox_path(engine, station))
            info["station"] = station
            try:
                info["outbox_queued"] = outbox.size()
                info["outbox_rejected"] = len(outbox.rejected())
            finally:
                outbox.close()
        if info["reachable"] and info["up_to_date"]:
            info["runner_leases"] = _leases(engine)
    finally:
        engine.dispose()
    return info


def _leases(engine: Any) -> list[dict[str, Any]]:
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from studio.store.models import RunnerLease

    with Session(engine) as s:
        return [
            {"show_id": r.show_id, "station": r.station, "heartbeat_at": r.heartbeat_at}
            for r in s.scalars(select(RunnerLease).order_by(RunnerLease.show_id))
        ]


@guarded
def cmd_status(args: argparse.Namespace) -> int:
    try:
        info = _status(args)
    except StoreError as exc:
        raise CommandError(str(exc), 2) from None
    if args.json:
        print_json(info)
    else:
        print(f"database:  {info['url']} ({info['backend']})")
        if info["newer"]:
            print(
                f"schema:    revision {info['revision']}, written by a newer studio (this one "
                f"knows up to {info['head_revision']}); upgrade studio — nothing was changed"
            )
        elif info["reachable"]:
            state = "up to date" if info["up_to_date"] else "needs `studio db init`"
            print(f"schema:    revision {info['revision']} (head {info['head_revision']}, {state})")
        else:
            print(f"reachable: no — {info['error']}")
        if "outbox_queued" in info:
            print(f"outbox:    {info['outbox_queued']} queued, {info['outbox_rejected']} rejected")
        for lease in info.get("runner_leases", []):
            print(f"runner:    show {lease['show_id']} driven by {lease['station']}"
                  f" (heartbeat {lease['heartbeat_at']:%H:%M:%S} UTC)")  # fmt: skip
    if info["newer"]:
        return 2
    if not info["reachable"]:
        return 3
    return 0 if info["up_to_date"] else 4


@guarded
def cmd_password(args: argparse.Namespace) -> int:
    from sqlalchemy.engine import make_url

    from studio.store.engine import KEYRING_SERVICE, keyring_user

    url = make_url(resolve_url(args.db))
    if url.get_backend_name() != "postgresql":
        raise CommandError("only PostgreSQL databases take a password", 2)
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:
        raise CommandError(
            "no keyring support installed (pip install keyring); use STUDIO_DB_PASSWORD "
            "or ~/.pgpass instead",
            2,
        ) from None
    if not sys.stdin.isatty():
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass(f"Password for {redact(str(url))}: ")
    if not password:
        raise CommandError("no password given", 2)
    try:
        keyring.set_password(KEYRING_SERVICE, keyring_user(url), password)
    except (KeyringError, RuntimeError) as exc:
        raise CommandError(
            f"the OS keyring is not available ({type(exc).__name__}); use STUDIO_DB_PASSWORD "
            "or ~/.pgpass instead",
            2,
        ) from None
    print(f"password for {keyring_user(url)} saved in the keyring")
    return 0


def _db_option(p: argparse.ArgumentParser) -> None:
    # Also accepted after the action (`studio db init --db URL`); SUPPRESS keeps the global
    # `studio --db URL db init` value when it is not repeated here.
    p.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="database URL")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("db", help="set up and inspect the database (shared by several stations)")
    dsub = p.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    init = dsub.add_parser(
        "init", help="create or upgrade the schema (e.g. --db postgresql://user@host/studio)"
    )
    _db_option(init)
    init.set_defaults(func=cmd_init)
    status = dsub.add_parser("status", help="reachability, schema revision, outbox, runner owners")
    _db_option(status)
    status.add_argument("--json", action="store_true", help="machine-readable output")
    status.set_defaults(func=cmd_status)
    pw = dsub.add_parser(
        "password", help="save the database password in the OS keyring (prompted, not an argument)"
    )
    _db_option(pw)
    pw.set_defaults(func=cmd_password)
