"""`studio export --show ID --format csv|xlsx -o FILE`: the show's metrics, minute by minute,
with the same Chinese headers a platform export uses (so it re-imports as one)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from studio.commands.common import CommandError, guarded, open_store


@guarded
def cmd_export(args: argparse.Namespace) -> int:
    from studio.metrics.sources.platform_export import write_export
    from studio.store.shows import ShowNotFound, get_show

    out = Path(args.output)
    fmt = args.format or out.suffix.lower().lstrip(".")
    if fmt not in ("csv", "xlsx"):
        raise CommandError("--format must be csv or xlsx", 2)
    if not out.parent.is_dir():
        raise CommandError(f"{out.parent}: no such folder", 2)
    store = open_store(args)
    try:
        try:
            get_show(store, args.show)
        except ShowNotFound as exc:
            raise CommandError(str(exc), 1) from exc
        try:
            n = write_export(store, args.show, out, fmt)
        except OSError as exc:
            raise CommandError(f"{out}: cannot write ({exc.strerror})", 1) from exc
    finally:
        store.close()
    print(f"{out}: {n} rows")
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("export", help="export a show's metrics (CSV or XLSX)")
    p.add_argument("--show", type=int, required=True, metavar="ID")
    p.add_argument("--format", choices=("csv", "xlsx"))
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.set_defaults(func=cmd_export)
