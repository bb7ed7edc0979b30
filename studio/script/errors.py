"""Where a script problem is, and the error that carries all of them at once."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

Path = tuple[Any, ...]


@dataclass(frozen=True)
class Issue:
    """One problem, printed as `FILE:LINE: message` (or `FILE:SHEET!ROW: message`)."""

    file: str
    where: str
    message: str
    # A fatal problem (unreadable file, bad YAML) means nothing else can be checked.
    fatal: bool = False

    def __str__(self) -> str:
        return f"{_one_line(self.file)}:{self.where}: {_one_line(self.message)}"


def _one_line(text: str) -> str:
    """Text fit for one `FILE:LINE: message` line of a terminal: line breaks and other control
    characters become spaces (a message quoting the file must not start a line of its own),
    lone surrogates become backslash escapes (printing them would raise)."""
    clean = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return "".join(" " if ord(c) < 32 or ord(c) == 127 else c for c in clean)


class ScriptError(ValueError):
    """A script that cannot be used; `issues` lists every problem found, not just the first."""

    def __init__(self, issues: Iterable[Issue]) -> None:
        self.issues = list(issues)
        super().__init__("\n".join(str(i) for i in self.issues))


@dataclass
class SourceMap:
    """Where each part of a loaded script came from, keyed by paths like ("segments", 3, "duration").

    `flagged` holds the paths the loader already reported (missing or unreadable), so validation
    does not report the same field twice with a vaguer message.
    """

    file: str
    default: str = "1"
    where: dict[Path, str] = field(default_factory=dict)
    flagged: set[Path] = field(default_factory=set)

    def at(self, *path: Any) -> str:
        """The most specific known location for `path` (falls back to its parents)."""
        p: Path = tuple(path)
        while p:
            if p in self.where:
                return self.where[p]
            p = p[:-1]
        return self.default

    def issue(self, message: str, *path: Any) -> Issue:
        return Issue(self.file, self.at(*path), message)
