"""`studio script validate|plan|import`: check, summarise and convert show scripts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from studio.commands.common import CommandError, print_json
from studio.timeutil import fmt_duration


class _Invalid(CommandError):
    def __init__(self) -> None:
        super().__init__("", 1)


def _quiet(func: Any) -> Any:
    """`guarded`, but an invalid script exits 1 without an extra summary line."""

    def run(args: argparse.Namespace) -> int:
        try:
            return int(func(args) or 0)
        except _Invalid:
            return 1
        except CommandError as exc:
            print(f"studio: {exc}", file=sys.stderr)
            return exc.code

    run.__name__ = getattr(func, "__name__", "run")
    return run


def _check(path: str) -> Any:
    from studio.rules.parse import check_file  # the script's checks and its rules'

    if not Path(path).exists():
        raise CommandError(f"{path}: no such file", 2)
    script, issues = check_file(path)
    if issues:
        # Like compilers and linters: one `FILE:LINE: message` per line on stdout, exit 1.
        for issue in issues:
            print(issue)
        raise _Invalid
    return script


def _compliance(path: str, strict: bool) -> None:
    """Print the script's banned and risky claims as warnings (errors for blocking ones with
    --strict, which then fails the script); a bad compliance section fails it too."""
    from studio.compliance.files import Unreadable, check_script_file
    from studio.compliance.lexicon import LexiconError, studio_lexicon

    try:
        base = studio_lexicon()
    except LexiconError as exc:
        raise CommandError(str(exc), 2) from None
    try:
        findings = check_script_file(Path(path), base)
    except Unreadable as exc:
        print(exc)
        raise _Invalid from None
    for f in findings:
        level = "error" if strict and f.blocking else "warning"
        print(
            f"{f.file}:{f.line}:{f.col}: {level}: {f.term} — {f.category} ({f.severity}) — "
            f"{f.suggestion}"
        )
    if strict and any(f.blocking for f in findings):
        raise _Invalid


@_quiet
def cmd_validate(args: argparse.Namespace) -> int:
    script = _check(args.file)
    _compliance(args.file, args.strict)
    flash = sum(1 for s in script.segments if s.kind == "flash_sale")
    bags = sum(1 for s in script.segments if s.kind == "lucky_bag")
    cues = sum(len(s.cues) for s in script.segments)
    slot = f" of a {fmt_duration(script.slot_seconds)} slot" if script.slot_seconds else ""
    print(f"{args.file}: OK — {script.title}")
    print(
        f"  {len(script.segments)} segments, {cues} cues, {len(script.products)} products, "
        f"{flash} flash sales, {bags} lucky bags"
    )
    print(
        f"  planned {fmt_duration(script.total_seconds)}{slot}; "
        f"GMV target ¥{script.gmv_target_cents / 100:,.2f}, traffic target {script.traffic_target:,}"
    )
    return 0


@_quiet
def cmd_plan(args: argparse.Namespace) -> int:
    script = _check(args.file)
    offsets = script.start_offsets()
    segments = [
        {"id": s.id, "title": s.title, "kind": s.kind, "product": s.product,
         "planned_start_offset_s": offsets[i], "planned_seconds": s.planned_seconds,
         "cues": len(s.cues)}
        for i, s in enumerate(script.segments)
    ]  # fmt: skip
    plan = {
        "title": script.title,
        "planned_start": script.planned_start.isoformat() if script.planned_start else None,
        "total_seconds": script.total_seconds,
        "segments": segments,
    }
    if args.json:
        print_json(plan)
    else:
        print(f"{script.title}  ({fmt_duration(script.total_seconds)})")
        for seg in segments:
            print(
                f"  {fmt_duration(seg['planned_start_offset_s']):>8}  "
                f"{fmt_duration(seg['planned_seconds']):>6}  {seg['kind']:<11} {seg['title']}"
            )
    return 0


@_quiet
def cmd_import(args: argparse.Namespace) -> int:
    from studio.script.yaml_io import save_yaml

    out = Path(args.output)
    if out.exists() and not args.force:
        raise CommandError(f"{out} exists (use --force to overwrite)", 2)
    script = _check(args.file)
    save_yaml(script, out)
    print(
        f"{args.file} -> {out}: {len(script.segments)} segments, "
        f"{sum(len(s.cues) for s in script.segments)} cues, {len(script.products)} products"
    )
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("script", help="validate, plan and import show scripts")
    ssub = p.add_subparsers(dest="script_command", metavar="ACTION", required=True)
    v = ssub.add_parser("validate", help="check a script (YAML, XLSX or CSV); list every error")
    v.add_argument("file", metavar="FILE")
    v.add_argument(
        "--strict", action="store_true", help="banned claims (compliance blocks) fail the script"
    )
    v.set_defaults(func=cmd_validate)
    pl = ssub.add_parser("plan", help="the planned timeline of a script")
    pl.add_argument("file", metavar="FILE")
    pl.add_argument("--json", action="store_true", help="print JSON")
    pl.set_defaults(func=cmd_plan)
    im = ssub.add_parser("import", help="convert a spreadsheet script (XLSX or CSV) to YAML")
    im.add_argument("file", metavar="FILE")
    im.add_argument("-o", "--output", required=True, metavar="FILE.yaml")
    im.add_argument("--force", action="store_true", help="overwrite the output file")
    im.set_defaults(func=cmd_import)
