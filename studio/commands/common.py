"""Helpers shared by subcommands: opening the store with a clear error, printing JSON."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from studio.store.engine import StoreError
from studio.store.store import Store

EXIT_USAGE = 2


class CommandError(Exception):
    """Raised by a command to print a message and exit with `code`."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def open_store(args: argparse.Namespace) -> Store:
    try:
        return Store.open(args.db, station=getattr(args, "role", None) or "")
    except StoreError as exc:
        raise CommandError(str(exc), 2) from exc


def print_json(obj: Any) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def guarded(func: Any) -> Any:
    """Wrap a command so CommandError becomes a message on stderr and an exit code."""

    def run(args: argparse.Namespace) -> int:
        try:
            return int(func(args) or 0)
        except CommandError as exc:
            print(f"studio: {exc}", file=sys.stderr)
            return exc.code

    run.__name__ = getattr(func, "__name__", "run")
    return run
