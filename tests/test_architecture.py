"""The package map holds: every package is in a layer, and every package below the UI is
covered by the no-Qt contract (a new package cannot slip past either)."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Packages allowed to reach the UI, each through named lazy imports only (pyproject lists them).
ABOVE_UI = {"ui"}


def _contracts() -> list[dict[str, object]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts: list[dict[str, object]] = config["tool"]["importlinter"]["contracts"]
    return contracts


def _packages() -> set[str]:
    studio = ROOT / "studio"
    names = {p.stem for p in studio.glob("*.py") if p.stem != "__init__"}
    names |= {p.name for p in studio.iterdir() if (p / "__init__.py").exists()}
    return names


def _layered() -> set[str]:
    layers = next(c for c in _contracts() if c["type"] == "layers")["layers"]
    assert isinstance(layers, list)
    return {name.strip() for layer in layers for name in layer.replace("|", ":").split(":")}


def test_every_package_is_in_exactly_one_layer() -> None:
    """A package missing from the layers contract would escape the one-way dependency rule."""
    layers = next(c for c in _contracts() if c["type"] == "layers")["layers"]
    assert isinstance(layers, list)
    names = [n.strip() for layer in layers for n in layer.replace("|", ":").split(":")]
    assert len(names) == len(set(names)), "a package is listed in two layers"
    assert set(names) == _packages()


def test_every_package_below_the_ui_is_forbidden_qt() -> None:
    """The no-Qt contract covers every package except the UI itself."""
    qt = next(c for c in _contracts() if "PySide6" in c.get("forbidden_modules", []))
    covered = {m.removeprefix("studio.") for m in qt["source_modules"]}  # type: ignore[attr-defined]
    assert covered == _layered() - ABOVE_UI


def test_every_core_module_imports_without_qt() -> None:
    """Every module outside studio.ui (and the three named GUI commands) imports with PySide6
    and pyqtgraph unavailable: the core runs on a machine without a display or Qt."""
    code = r"""
import importlib, pkgutil, sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "pyqtgraph", "shiboken6") or name.startswith("studio.ui"):
            raise ImportError(f"blocked: {name}")
        return None
sys.meta_path.insert(0, Block())
import studio
bad = []
for info in pkgutil.walk_packages(studio.__path__, "studio."):
    if info.name.startswith(("studio.ui", "studio.store.migrations")):
        continue
    try:
        importlib.import_module(info.name)
    except Exception as exc:
        bad.append(f"{info.name}: {type(exc).__name__}: {exc}")
print("\n".join(bad))
sys.exit(1 if bad else 0)
"""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert result.returncode == 0, result.stdout + result.stderr
