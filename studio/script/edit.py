"""Editing a script in the app: pure operations on the immutable Script, with undo/redo.

Each operation returns a new Script; `EditStack` keeps the history. Scripts are immutable, so
undo is simply going back to the previous value (no inverse operations to get wrong).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from studio.script.model import Cue, Script


def move_segment(script: Script, index: int, to: int) -> Script:
    segs = list(script.segments)
    if not (0 <= index < len(segs) and 0 <= to < len(segs)):
        raise IndexError("no such segment")
    segs.insert(to, segs.pop(index))
    return replace(script, segments=tuple(segs))


def set_duration(script: Script, index: int, seconds: int) -> Script:
    if seconds <= 0:
        raise ValueError("a duration must be more than 0")
    segs = list(script.segments)
    segs[index] = replace(segs[index], planned_seconds=seconds)
    return replace(script, segments=tuple(segs))


def set_cue_text(script: Script, index: int, cue: int, text: str) -> Script:
    segs = list(script.segments)
    cues = list(segs[index].cues)
    cues[cue] = replace(cues[cue], text=text)
    segs[index] = replace(segs[index], cues=tuple(cues))
    return replace(script, segments=tuple(segs))


def add_cue(script: Script, index: int, text: str, at: int | None = None) -> Script:
    segs = list(script.segments)
    cues = list(segs[index].cues)
    cues.insert(len(cues) if at is None else at, Cue(text=text))
    segs[index] = replace(segs[index], cues=tuple(cues))
    return replace(script, segments=tuple(segs))


@dataclass(frozen=True)
class Edit:
    label: str
    before: Script
    after: Script


class EditStack:
    """Undo/redo over whole-script values; `saved` tracks whether the file is up to date."""

    def __init__(self, script: Script) -> None:
        self.current = script
        self._undo: list[Edit] = []
        self._redo: list[Edit] = []
        self._saved: Script | None = script

    def apply(self, label: str, after: Script) -> Script:
        if after == self.current:
            return self.current
        self._undo.append(Edit(label, self.current, after))
        self._redo.clear()
        self.current = after
        return after

    def undo(self) -> Script | None:
        if not self._undo:
            return None
        edit = self._undo.pop()
        self._redo.append(edit)
        self.current = edit.before
        return self.current

    def redo(self) -> Script | None:
        if not self._redo:
            return None
        edit = self._redo.pop()
        self._undo.append(edit)
        self.current = edit.after
        return self.current

    @property
    def undo_label(self) -> str | None:
        return self._undo[-1].label if self._undo else None

    @property
    def redo_label(self) -> str | None:
        return self._redo[-1].label if self._redo else None

    def mark_saved(self) -> None:
        self._saved = self.current

    @property
    def dirty(self) -> bool:
        return self._saved != self.current
