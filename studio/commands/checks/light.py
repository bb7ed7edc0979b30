"""`studio check light --source SRC ...`: the lighting subset of the camera check (exposure,
white balance, flicker, left/right balance), seen through the camera."""

from __future__ import annotations

import argparse
from typing import Any

from studio.commands.checks.camera import add_arguments, run
from studio.commands.common import guarded


@guarded
def cmd_light(args: argparse.Namespace) -> int:
    return run(args, "light")


def register_check(sub: Any) -> None:
    p = sub.add_parser(
        "light",
        help="check the lighting through the camera: exposure, "
        "white balance, flicker, left/right balance",
    )
    add_arguments(p)
    p.set_defaults(func=cmd_light)
