"""`studio import traffic|audience --show ID FILE [--json]`: a platform's post-show export.

Exit 0 imported; 1 bad rows (each printed as FILE:ROW: message, nothing written) or an unknown
show; 2 a file that cannot be used (missing, not CSV/xlsx, no recognisable header).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from studio.commands.common import CommandError, guarded, open_store, print_json
from studio.store.shows import ShowNotFound


def _refused(problems: list[Any]) -> int:
    for p in problems:
        print(p, file=sys.stderr)
    print(f"studio: {len(problems)} bad row(s); nothing was imported", file=sys.stderr)
    return 1


@guarded
def cmd_import(args: argparse.Namespace) -> int:
    from studio.traffic.cells import FileProblem
    from studio.traffic.imports import ImportRefused, import_audience, import_traffic

    path = Path(args.file)
    store = open_store(args)
    try:
        if args.kind == "traffic":
            t = import_traffic(store, args.show, path)
            out: dict[str, Any] = {
                "show": args.show,
                "file": str(path),
                "channels": t.sources,
                "unknown_channels": list(t.unknown_labels),
                "minute_samples": t.minute_samples,
                "kept_from_feed": list(t.kept_from_feed),
            }
            lines = [f"{path}: imported for show {args.show}"]
            if t.sources:
                lines.append(f"  {t.sources} channel(s)")
            if t.unknown_labels:
                lines.append("  counted as other: " + ", ".join(t.unknown_labels))
            if t.minute_samples:
                lines.append(f"  {t.minute_samples} minute sample(s) of entries/exits")
            for m in t.kept_from_feed:
                lines.append(
                    f"  {m}: the live feed's figures are kept; the file's are not imported"
                )
        else:
            rows = import_audience(store, args.show, path)
            dims = sorted({r.dimension for r in rows})
            out = {"show": args.show, "file": str(path), "rows": len(rows), "dimensions": dims}
            lines = [f"{path}: {len(rows)} row(s) in {', '.join(dims)} for show {args.show}"]
    except ImportRefused as exc:
        return _refused(exc.problems)
    except FileProblem as exc:
        raise CommandError(str(exc), 2) from exc
    except ShowNotFound as exc:
        raise CommandError(str(exc), 1) from exc
    finally:
        store.close()
    if args.json:
        print_json(out)
    else:
        print("\n".join(lines))
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser(
        "import",
        help="import a platform export: traffic sources or the audience profile",
        description="Import a post-show export (CSV or xlsx, Chinese headers) into a show. "
        "traffic: channels (渠道 → 进入人数, 成交金额, 订单数, 消耗) and/or minute entries/exits "
        "(时间 → 进入人数, 离开人数); audience: gender, age, region, new vs returning, followers, "
        "device. Every bad row is printed as FILE:ROW and nothing is imported.",
    )
    p.add_argument("kind", choices=("traffic", "audience"))
    p.add_argument("--show", type=int, required=True, metavar="ID")
    p.add_argument("file", metavar="FILE", help="the export (.csv or .xlsx)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_import)
