"""`studio incident add|list|update|export`: the incident log without the GUI."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from studio.commands.common import CommandError, guarded, open_store, print_json
from studio.incidents.categories import CATEGORY_KEYS, STATUSES
from studio.store.retry import describe
from studio.store.store import Store
from studio.timeutil import parse_iso


def _profile() -> Any:
    from studio.profile import Profile, ProfileError

    try:
        return Profile.load()
    except ProfileError as exc:
        # A broken profile must not stop an incident being logged: say so, use the defaults.
        import sys

        print(f"studio: warning: {exc}; using the default playbooks", file=sys.stderr)
        return None


@guarded
def cmd_add(args: argparse.Namespace) -> int:
    from studio.demo import show_now
    from studio.incidents.log import IncidentError, quick_log

    at = None
    if args.at:
        try:
            at = parse_iso(args.at)
        except ValueError as exc:
            raise CommandError(f"--at: not an ISO time: {args.at!r}", 2) from exc
    store = open_store(args)
    held: list[str] = []
    if at is None:  # now on the show's clock: a demo's incident among its runner events
        at = show_now(store, args.show)
    try:
        incident_id = quick_log(
            store,
            args.show,
            args.category,
            severity=args.severity,
            text=args.text,
            at=at,
            segment_key=args.segment,
            who=getattr(args, "role", None) or "cli",
            profile=_profile(),
            on_held=held.append,
        )
    except IncidentError as exc:
        raise CommandError(str(exc), 1) from exc
    except SQLAlchemyError as exc:
        raise CommandError(f"NOT logged: {describe(exc)}", 1) from None
    finally:
        store.close()
    if incident_id is None and held:
        print(
            f"not stored yet ({held[0]}): kept on this computer and stored by the next "
            "`studio incident` command or when the app starts",
            file=sys.stderr,
        )
        return 0
    if incident_id is None:
        print("queued (database unreachable): it is stored when the link is back", file=sys.stderr)
        return 0
    print(incident_id)
    return 0


@guarded
def cmd_list(args: argparse.Namespace) -> int:
    from studio.incidents.log import list_incidents, replay_held

    store = open_store(args)
    try:
        replay_held(store)
        incidents = list_incidents(store, args.show)
    except SQLAlchemyError as exc:
        raise CommandError(describe(exc), 1) from None
    finally:
        store.close()
    if args.json:
        print_json([i.as_json() for i in incidents])
        return 0
    if not incidents:
        print(f"no incidents for show {args.show}")
    for i in incidents:
        when = i.at.astimezone().strftime("%H:%M:%S")
        seg = i.segment_key or "-"
        print(
            f"{i.id:>5}  {when}  S{i.severity}  {i.category:<10} {i.status:<9} "
            f"{i.source:<6} {seg:<12} {i.text}"
        )
    return 0


def _incident_now(store: Store, incident_id: int) -> datetime | None:
    """Now on the clock of the incident's show (a demo's sped-up clock); None (the wall clock)
    when the incident cannot be read (unknown: `update` says so; database away: queued)."""
    from sqlalchemy import select

    from studio.demo import show_now
    from studio.store.models import Incident

    try:
        with store.session() as s:
            show_id = s.scalar(select(Incident.show_id).where(Incident.id == incident_id))
    except SQLAlchemyError:
        return None
    return None if show_id is None else show_now(store, show_id)


@guarded
def cmd_update(args: argparse.Namespace) -> int:
    from studio.incidents.log import IncidentError, IncidentNotFound, update

    if args.status is None and not args.note:
        raise CommandError("nothing to change: give --status and/or --note", 2)
    store = open_store(args)
    try:
        view = update(
            store,
            args.id,
            who=getattr(args, "role", None) or "cli",
            status=args.status,
            note=args.note,
            at=_incident_now(store, args.id),
        )
    except IncidentNotFound as exc:
        raise CommandError(str(exc), 1) from exc
    except IncidentError as exc:
        raise CommandError(str(exc), 2) from exc
    except SQLAlchemyError as exc:
        raise CommandError(f"not changed: {describe(exc)}", 1) from None
    finally:
        store.close()
    if view is None:
        print("queued (database unreachable): it is stored when the link is back", file=sys.stderr)
        return 0
    print(f"incident {view.id}: {view.status}")
    return 0


@guarded
def cmd_export(args: argparse.Namespace) -> int:
    from studio.incidents.log import IncidentError, export_csv

    store = open_store(args)
    try:
        n = export_csv(store, args.show, args.output)
    except IncidentError as exc:
        raise CommandError(str(exc), 1) from exc
    except OSError as exc:
        raise CommandError(f"{args.output}: cannot write ({exc.strerror})", 1) from exc
    finally:
        store.close()
    print(f"{n} incidents written to {args.output}")
    return 0


def _severity(text: str) -> int:
    value = text.strip().upper().removeprefix("S")
    if value not in ("1", "2", "3"):
        raise argparse.ArgumentTypeError(
            "1 (show interrupted), 2 (visible to viewers) or 3 (internal)"
        )
    return int(value)


def register(sub: Any) -> None:
    p = sub.add_parser("incident", help="log and follow up incidents")
    isub = p.add_subparsers(dest="incident_command", metavar="ACTION", required=True)

    a = isub.add_parser("add", help="log an incident now and print its id")
    a.add_argument("--show", type=int, required=True, metavar="ID")
    a.add_argument("--category", required=True, choices=CATEGORY_KEYS)
    a.add_argument("--severity", type=_severity, required=True, metavar="1|2|3")
    a.add_argument("--text", default="")
    a.add_argument("--at", metavar="ISO", help="when it happened (default: now)")
    a.add_argument("--segment", metavar="KEY", help="the segment it happened in")
    a.set_defaults(func=cmd_add)

    ls = isub.add_parser("list", help="list a show's incidents")
    ls.add_argument("--show", type=int, required=True, metavar="ID")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cmd_list)

    u = isub.add_parser("update", help="mitigate or resolve an incident, or add a note")
    u.add_argument("id", type=int)
    u.add_argument("--status", choices=STATUSES)
    u.add_argument("--note", help="appended to the action taken")
    u.set_defaults(func=cmd_update)

    e = isub.add_parser("export", help="write a show's incidents to a CSV file")
    e.add_argument("--show", type=int, required=True, metavar="ID")
    e.add_argument("-o", "--output", required=True, metavar="FILE.csv")
    e.set_defaults(func=cmd_export)
