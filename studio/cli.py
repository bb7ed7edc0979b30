"""The one `studio` command. GUI by default; every subcommand calls the same code the panels use.

Subcommands live in `studio.commands.<name>` modules, each with `register(subparsers)`; a module
sets `func` on its parser. Heavy imports (Qt, OpenCV) happen inside the functions, so
`studio --version` and the headless commands start fast.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import pkgutil
import sys
from collections.abc import Callable, Sequence

from studio import __version__

log = logging.getLogger(__name__)

ROLES = ("controller", "anchor", "tech", "review", "cs")
_NOT_COMMANDS = {"common"}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="studio",
        description="Control room for e-commerce live-streaming studios.",
    )
    parser.add_argument("--version", action="version", version=f"studio {__version__}")
    _add_global_options(parser, suppress=False)
    parser.set_defaults(func=None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    import studio.commands as commands

    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if info.ispkg or info.name in _NOT_COMMANDS:
            continue
        module = importlib.import_module(f"studio.commands.{info.name}")
        module.register(sub)
    # `studio demo --lang zh_CN` as well as `studio --lang zh_CN demo`: every subcommand accepts
    # the global options too; SUPPRESS keeps a subcommand from resetting what was given before it.
    _for_each_subparser(parser, lambda p: _add_global_options(p, suppress=True))
    return parser


def _add_global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    def default(value: object) -> object:
        return argparse.SUPPRESS if suppress else value

    parser.add_argument(
        "--db",
        metavar="URL",
        default=default(None),
        help="database URL (default: $STUDIO_DB or a SQLite file in the user data folder)",
    )
    parser.add_argument(
        "--role",
        choices=ROLES,
        default=default(None),
        help="which station this is (default: remembered)",
    )
    parser.add_argument(
        "--lang",
        choices=("zh_CN", "en"),
        default=default(None),
        help="UI language (default: system/settings)",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=default(False),
        help="log debug messages to stderr",
    )


def _for_each_subparser(
    parser: argparse.ArgumentParser, fn: Callable[[argparse.ArgumentParser], None]
) -> None:
    for action in parser._actions:  # argparse keeps its subparsers only here
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):  # aliases share a parser
                if not any(o in child._option_string_actions for o in ("--db", "--lang")):
                    fn(child)
                _for_each_subparser(child, fn)


# Modules whose edits can wait in the offline outbox register how to replay them when imported;
# every process that opens a shared database must know them all, or a queued edit of a kind
# this process never imported stalls the outbox.
REPLAY_MODULES = ("studio.incidents.log", "studio.products.changes", "studio.products.coupon_book", "studio.talkback.messages", "studio.audience.queue")


def register_replays() -> None:
    for name in REPLAY_MODULES:
        importlib.import_module(name)


def main(argv: Sequence[str] | None = None) -> int:
    from studio.logsetup import setup_logging

    parser = build_parser()
    args = parser.parse_args(argv)
    setup_logging(verbose=args.verbose)
    register_replays()
    if args.func is None:
        from studio.commands.gui import run_gui

        return run_gui(args)
    try:
        code = args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `studio ... --json | head`: the reader went away. Python's advice: point stdout at
        # devnull so the interpreter's final flush does not raise a second time.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    return int(code or 0)


def main_gui() -> int:
    return main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
