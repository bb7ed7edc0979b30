"""`studio compliance check FILE... [--category C] [--json]`: banned and risky claims in scripts
(YAML, XLSX, CSV) and plain text, one `FILE:LINE:COL: term — category — suggestion` each.

Exit 0 when nothing blocks (warnings allowed), 1 when a finding blocks, 2 when a file (or the
studio's compliance.yaml, or a script's compliance section) cannot be used.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from studio.commands.common import print_json


def cmd_check(args: argparse.Namespace) -> int:
    from studio.compliance.files import Unreadable, check_path
    from studio.compliance.findings import Finding, status_of
    from studio.compliance.lexicon import ALL, LexiconError, studio_lexicon

    try:
        base = studio_lexicon()
    except LexiconError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 2
    findings: list[Finding] = []
    unusable = False
    for name in args.files:
        try:
            findings.extend(check_path(Path(name), base, args.category or ALL))
        except Unreadable as exc:
            print(exc, file=sys.stderr)
            unusable = True
    status = status_of(findings)
    if args.json:
        print_json({"status": status, "findings": [f.as_json() for f in findings]})
    else:
        for finding in findings:
            print(finding)
        blocks = sum(1 for f in findings if f.blocking)
        print(
            f"{status}: {blocks} blocking, {len(findings) - blocks} warning(s) "
            f"in {len(args.files)} file(s)",
            file=sys.stderr,
        )
    if unusable:
        return 2
    return 1 if status == "fail" else 0


def register(sub: Any) -> None:
    from studio.compliance.lexicon import PRODUCT_CATEGORIES

    p = sub.add_parser("compliance", help="banned and risky claims (广告法 极限词) in show texts")
    csub = p.add_subparsers(dest="compliance_command", metavar="ACTION", required=True)
    c = csub.add_parser(
        "check",
        help="check scripts (YAML, XLSX, CSV) and plain text files",
        description="Print FILE:LINE:COL: term — category — suggestion for every claim. "
        "Exit 0: nothing blocks; 1: a claim blocks; 2: a file cannot be read.",
    )
    c.add_argument("files", nargs="+", metavar="FILE")
    c.add_argument(
        "--category",
        choices=PRODUCT_CATEGORIES,
        help="what the show sells, when the script does not say (default: every rule applies)",
    )
    c.add_argument("--json", action="store_true", help="print JSON")
    c.set_defaults(func=cmd_check)
