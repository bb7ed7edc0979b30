"""`studio check camera|light|mic|obs|av|stream`: headless pre-show checks.

Each kind lives in `studio.commands.checks.<kind>` with `register_check(subparsers)`.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any


def register(sub: Any) -> None:
    import studio.commands.checks as checks

    p = sub.add_parser(
        "check", help="run a pre-show check (camera, light, mic, obs, av sync, stream test)"
    )
    csub = p.add_subparsers(dest="check_kind", metavar="KIND", required=True)
    for info in sorted(pkgutil.iter_modules(checks.__path__), key=lambda m: m.name):
        importlib.import_module(f"studio.commands.checks.{info.name}").register_check(csub)
