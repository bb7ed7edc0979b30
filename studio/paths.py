"""Where studio keeps its files. Environment variables win so tests and kiosks can relocate them."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "studio"


def _dir(env: str, default: str) -> Path:
    path = Path(os.environ.get(env) or default)
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    return _dir("STUDIO_DATA_DIR", platformdirs.user_data_dir(APP, appauthor=False))


def config_dir() -> Path:
    return _dir("STUDIO_CONFIG_DIR", platformdirs.user_config_dir(APP, appauthor=False))


def log_dir() -> Path:
    return _dir("STUDIO_LOG_DIR", platformdirs.user_log_dir(APP, appauthor=False))


def resources_dir() -> Path:
    """The shipped resources: next to the package in a source tree, inside it when installed."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "resources", here.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("studio resources folder not found next to the package")
