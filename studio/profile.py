"""The studio profile: thresholds, targets and playbooks in one YAML file the user may edit.

Each feature owns its defaults (e.g. `studio.devices.camera.thresholds.DEFAULTS`) and asks for
its section here; the file only needs the values a studio wants to change.
"""

from __future__ import annotations

import copy
import logging
from pathlib import Path
from typing import Any

import yaml

from studio import paths

log = logging.getLogger(__name__)


class ProfileError(Exception):
    pass


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


class Profile:
    def __init__(self, data: dict[str, Any] | None = None, path: Path | None = None) -> None:
        self.data: dict[str, Any] = data or {}
        self.path = path

    @classmethod
    def load(cls, path: Path | None = None) -> Profile:
        """Read the profile; a missing file is the defaults, a broken one is a clear error."""
        path = path or paths.config_dir() / "profile.yaml"
        if not path.exists():
            return cls({}, path)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
            raise ProfileError(f"{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from exc
        except OSError as exc:
            raise ProfileError(f"{path}: cannot read ({exc.strerror})") from exc
        if not isinstance(data, dict):
            raise ProfileError(f"{path}: the profile must be a mapping of sections")
        return cls(data, path)

    def section(self, name: str, defaults: dict[str, Any]) -> dict[str, Any]:
        """The feature's defaults with the user's overrides on top."""
        override = self.data.get(name) or {}
        if not isinstance(override, dict):
            log.warning("profile section %r is not a mapping; using defaults", name)
            return copy.deepcopy(defaults)
        return _merge(defaults, override)
