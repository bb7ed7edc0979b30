"""Where studio keeps its files. Environment variables win so tests and kiosks can relocate them."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "studio"


def _dir(env: str, default: str) -> Path:
    """The folder, created readable by its owner only (0700): it holds the database, the
    logs, settings and tokens. A folder given by the environment is left as it is; the
    default one is tightened if an older studio created it open to everyone."""
    given = os.environ.get(env)
    path = Path(given or default)
    if not path.is_dir():
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        _private(path, 0o700)
    elif not given:
        _private(path, 0o700)
    return path


def _private(path: Path, mode: int) -> None:
    try:
        if os.name == "posix" and path.stat().st_mode & 0o077:
            os.chmod(path, mode)
    except OSError:
        pass  # not ours to change (a shared folder): the files inside are still 0600


def private_file(path: Path) -> Path:
    """Create `path` (if missing) readable and writable by its owner only, and tighten it if
    it exists open to others; returns it."""
    if not path.exists():
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
        except OSError:
            return path  # whoever opens it next reports the problem in their words
    _private(path, 0o600)
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
