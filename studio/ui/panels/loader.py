"""Finding a feature's widget class by name, so the window keeps working while a feature is absent.

Only a missing feature module is tolerated; an error inside an existing module still raises.
"""

from __future__ import annotations

import importlib
from typing import Any


def load_class(module: str, name: str) -> Any | None:
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name == module:
            return None
        raise
    return getattr(mod, name)
