"""The one `studio` command. GUI by default; every subcommand calls the same code the panels use.

Subcommands live in `studio.commands.<name>` modules, each with `register(subparsers)`; a module
sets `func` on its parser. Heavy imports (Qt, OpenCV) happen inside the functions, so
`studio --version` and the headless commands start fast.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys
from collections.abc import Sequence

from studio import __version__

log = logging.getLogger(__name__)

ROLES = ("controller", "anchor", "tech", "review")
_NOT_COMMANDS = {"common"}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="studio",
        description="Control room for e-commerce live-streaming studios.",
    )
    parser.add_argument("--version", action="version", version=f"studio {__version__}")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="database URL (default: $STUDIO_DB or a SQLite file in the user data folder)",
    )
    parser.add_argument("--role", choices=ROLES, help="which station this is (default: remembered)")
    parser.add_argument(
        "--lang", choices=("zh_CN", "en"), help="UI language (default: system/settings)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages to stderr")
    parser.set_defaults(func=None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    import studio.commands as commands

    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if info.ispkg or info.name in _NOT_COMMANDS:
            continue
        module = importlib.import_module(f"studio.commands.{info.name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from studio.logsetup import setup_logging

    parser = build_parser()
    args = parser.parse_args(argv)
    setup_logging(verbose=args.verbose)
    if args.func is None:
        from studio.commands.gui import run_gui

        return run_gui(args)
    try:
        code = args.func(args)
    except KeyboardInterrupt:
        return 130
    return int(code or 0)


def main_gui() -> int:
    return main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
