"""Tail a JSONL or CSV file that any collector appends to, exactly once across restarts.

JSONL: one object per line, narrow `{"ts", "metric", "value", "sku"?}` or wide
`{"ts", "<metric>": value, ...}`. CSV: a header `ts,<metric>,...` (an optional `sku` column),
then one row per sample time; quoted fields may not contain line breaks.

Why the tailer writes its own transactions instead of going through the MetricWriter queue:
exactly-once needs the file offset committed atomically with the rows it covers. Each poll
reads the complete lines after the stored offset and commits, in ONE transaction, their sample
rows, the quarantined bad lines and the new offset (IngestOffset). A kill at any point either
keeps all of that or none of it; the restart seeks to the committed offset. (The unique
constraint would also swallow a re-read row, but it cannot de-duplicate quarantine rows, and
the offset is what keeps a restart from re-reading the whole file.)

A line without its newline yet is a line still being written: it waits for the next poll.
Bad lines (bad JSON, unknown metric, non-UTF-8, ...) are counted and kept in MetricQuarantine
with their line number and the reason; they never stop ingestion. Rotation (a new inode at the
path) and truncation (the file got shorter) restart from the top of the new content; before
switching, the rest of the old file is drained through the still-open handle.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

from sqlalchemy import insert
from sqlalchemy.exc import SQLAlchemyError

from studio.metrics.samples import Row, SampleError, parse_object, safe_text
from studio.metrics.sources.offsets import (
    OffsetMoved,
    OffsetState,
    file_id,
    load_offset,
    read_complete,
    save_offset,
    split_lines,
)
from studio.metrics.window import DEFAULT_MARGIN_S, Window, show_window
from studio.metrics.writer import insert_sample_rows
from studio.store.changes import Change
from studio.store.models import MetricQuarantine
from studio.store.retry import GaveUp, describe, is_transient, with_retry
from studio.store.store import Store
from studio.timeutil import Clock, utcnow

log = logging.getLogger(__name__)

READ_CHUNK = 4 * 1024 * 1024  # bytes per poll: bounds one transaction's size
MAX_LINE = 1024 * 1024  # a "line" longer than this without a newline is garbage


@dataclass
class TailStats:
    lines: int = 0
    rows: int = 0  # samples stored
    duplicates: int = 0  # samples already stored (same show, time, metric, sku, source)
    bad: int = 0
    rotations: int = 0
    partial_bytes: int = 0  # an unterminated last line, waiting
    retries: int = 0  # transient database errors waited out
    problem: str = ""  # the database problem being waited out now ("" when none)


@dataclass
class _Line:
    """One line read, and what it became: rows, or the quarantine entry saying why not."""

    no: int
    end: int  # file offset just after it
    header: list[str] | None  # the CSV header as it stands after this line
    rows: list[Row] = field(default_factory=list)
    bad: dict[str, Any] | None = None


def detect_format(path: Path) -> str:
    return "csv" if path.suffix.lower() in (".csv", ".tsv") else "jsonl"


class FileTailer:
    def __init__(
        self,
        store: Store,
        show_id: int,
        path: str | Path,
        fmt: str | None = None,
        source: str | None = None,
        *,
        margin: float = DEFAULT_MARGIN_S,
        clock: Clock = time.time,
        on_bad: Callable[[int, str], None] | None = None,
        on_problem: Callable[[str], None] | None = None,
        attempts: int = 6,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        self.store = store
        self.show_id = show_id
        self.path = Path(path).resolve()
        self.fmt = fmt or detect_format(self.path)
        if self.fmt not in ("jsonl", "csv"):
            raise ValueError(f"unknown file format {self.fmt!r} (jsonl or csv)")
        # A file name that is not valid text (surrogate-escaped bytes) must not make every
        # insert fail: the stored names are cleaned the same way every time.
        self.key = safe_text(str(self.path), 1000)
        self.source = source or safe_text("tail:" + self.path.name, 64)
        self.stats = TailStats()
        self.margin = margin
        self.clock = clock
        self.on_bad = on_bad
        self.on_problem = on_problem
        self.attempts = attempts
        self._sleep = sleep
        self._fh: IO[bytes] | None = None
        self._open_fid = ""
        self._fid = ""
        self._offset = 0
        self._line_no = 0
        self._header: list[str] | None = None
        # (file id, offset) of the stored state as this tailer last saw it: a commit only
        # goes through while the stored state is still that (two ingests of one file).
        self._committed: tuple[str, int] | None = None
        self._loaded = False

    # -- state -----------------------------------------------------------------------------

    def _load_state(self) -> None:
        state = load_offset(self.store, self.show_id, self.key)
        if state is not None:
            self._fid, self._offset, self._line_no = state.file_id, state.offset, state.line_no
            self._header = state.header
            self._committed = (state.file_id, state.offset)
        else:
            self._committed = None
        self._loaded = True

    def _reset(self, fid: str) -> None:
        self._fid, self._offset, self._line_no, self._header = fid, 0, 0, None

    def _open(self) -> bool:
        """Open the path and reconcile with the committed state; False if it does not exist."""
        try:
            fh = open(self.path, "rb")  # noqa: SIM115 - kept open across polls on purpose
        except FileNotFoundError:
            return False
        st = os.fstat(fh.fileno())
        fid = file_id(st)
        if self._fid and fid != self._fid:
            log.warning(
                "%s: a different file than last time (rotated while stopped); "
                "reading it from the start",
                self.path,
            )
            self.stats.rotations += 1
            self._reset(fid)
        elif st.st_size < self._offset:
            log.warning(
                "%s: shorter than the committed offset (truncated); from the start", self.path
            )
            self.stats.rotations += 1
            self._reset(fid)
        self._fid = fid
        self._fh = fh
        self._open_fid = fid
        return True

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
            self._open_fid = ""

    # -- polling ---------------------------------------------------------------------------

    def poll(self) -> int:
        """Ingest the complete lines available now; returns how many lines were consumed."""
        if not self._loaded:
            self._load_state()
        if self._fh is None and not self._open():
            return 0
        consumed = self._drain()
        if self._fh is None:
            return consumed  # another ingest moved on to a newer file: reopen next poll
        # Rotation / truncation: look at what is at the path now.
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return consumed  # rotated away, new file not there yet: keep the old handle
        if file_id(st) != self._fid:
            consumed += self._drain()  # the old file's last lines
            self.close()
            self.stats.rotations += 1
            log.info("%s: rotated; following the new file", self.path)
            self._reset(file_id(st))
            if self._open():
                consumed += self._drain()
        elif st.st_size < self._offset:
            self.stats.rotations += 1
            log.info("%s: truncated; reading from the start", self.path)
            self._reset(self._fid)
            consumed += self._drain()
        return consumed

    def _drain(self) -> int:
        total = 0
        while self._fh is not None:
            n = self._read_chunk()
            total += n
            if n == 0:
                return total
        return total

    def _read_chunk(self) -> int:
        assert self._fh is not None
        # No newline in a megabyte: quarantined as one line rather than waited for forever.
        chunk, self.stats.partial_bytes = read_complete(
            self._fh, self._offset, READ_CHUNK, MAX_LINE
        )
        if not chunk:
            return 0
        window = self._window()
        lines: list[_Line] = []
        line_no = self._line_no
        header = self._header
        for line_no, _start, end, raw in split_lines(chunk, self._offset, self._line_no):
            line = _Line(line_no, end, header)
            header = self._parse_line(raw, line, window)
            line.header = header
            lines.append(line)
        try:
            self._commit_split(lines)
        except OffsetMoved:
            self._reload()
            return 1
        consumed = line_no - self._line_no
        self._offset, self._line_no, self._header = lines[-1].end, line_no, header
        self.stats.lines += consumed
        for line in lines:
            if line.bad is not None and self.on_bad is not None:
                self.on_bad(line.no, line.bad["reason"])
        return max(1, consumed)

    def _window(self) -> Window:
        with self.store.session() as s:
            return show_window(s, self.show_id, self.clock(), self.margin)

    def _reload(self) -> None:
        """After another ingest of the same file committed: continue from where it got."""
        log.info("%s: another ingest of this file got further; continuing from there", self.path)
        self._load_state()
        if self._fid != self._open_fid:
            self.close()

    def _parse_line(self, raw: bytes, line: _Line, window: Window) -> list[str] | None:
        """Fill `line` with its rows or its quarantine entry; returns the CSV header after it.
        `raw` comes from split_lines: without its CR, and on line 1 without a UTF-8 BOM."""
        header = line.header

        def reject(reason: str) -> None:
            line.rows = []
            line.bad = {
                "show_id": self.show_id,
                "source": self.key,
                "line_no": line.no,
                "raw": raw.decode("utf-8", "replace")[:10_000],
                "reason": safe_text(reason),
                "at": utcnow(),
            }

        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            reject(f"not UTF-8 text (byte {exc.start})")
            return header
        if not text.strip():
            return header
        try:
            if self.fmt == "jsonl":
                obj = json.loads(text)
            else:
                cells = next(csv.reader([text]))
                if header is None:
                    names = [c.strip() for c in cells]
                    if "ts" not in names:
                        reject("CSV header must start with 'ts' and name the metrics")
                        return None
                    return names
                if len(cells) != len(header):
                    reject(f"{len(cells)} fields where the header has {len(header)}")
                    return header
                obj = {k: (v.strip() or None) for k, v in zip(header, cells, strict=True)}
            line.rows = parse_object(obj, self.show_id, self.source)
        except json.JSONDecodeError as exc:
            reject(f"not JSON: {exc.msg} at column {exc.colno}")
            return header
        except SampleError as exc:
            reject(str(exc))
            return header
        except RecursionError:
            reject("not JSON this program reads: nested too deeply")
            return header
        except (ValueError, csv.Error) as exc:
            # json: an integer of more than 4,300 digits; csv: a field over its size limit.
            reject(f"cannot read this line: {exc}")
            return header
        except Exception as exc:
            # The docstring's promise: a line never stops ingestion. A bug found this way is
            # in the log with its traceback; the line waits in the quarantine.
            log.exception("%s:%d: unexpected error reading the line", self.path, line.no)
            reject(f"cannot read this line ({type(exc).__name__})")
            return header
        for row in line.rows:
            why = window.refuse(row["ts"])
            if why is not None:
                reject(why)
                break
        return header

    # -- committing --------------------------------------------------------------------------

    def _commit_split(self, lines: Sequence[_Line]) -> None:
        """Commit the lines; when the database refuses them (not a passing error), halve the
        batch until the line it refuses is alone, and quarantine that line with the reason."""
        try:
            self._commit_retrying(lines)
        except (OffsetMoved, GaveUp):
            raise
        except (SQLAlchemyError, ValueError, UnicodeError, OverflowError) as exc:
            if isinstance(exc, SQLAlchemyError) and is_transient(exc):
                raise
            if len(lines) == 1:
                line = lines[0]
                if line.bad is not None:
                    raise  # even its quarantine entry is refused: nothing more to try
                log.warning("%s:%d: refused by the database: %s", self.path, line.no, exc)
                self._commit_retrying([self._refused(line, exc)])
                return
            mid = len(lines) // 2
            self._commit_split(lines[:mid])
            self._commit_split(lines[mid:])

    def _refused(self, line: _Line, exc: BaseException) -> _Line:
        what = describe(exc) if isinstance(exc, SQLAlchemyError) else str(exc)
        raw = " ".join(
            f"{r.get('metric')}={r.get('value', r.get('value_real'))}" for r in line.rows
        )
        bad = {
            "show_id": self.show_id,
            "source": self.key,
            "line_no": line.no,
            "raw": safe_text(raw, 10_000),
            "reason": safe_text(f"the database refused this line: {what}"),
            "at": utcnow(),
        }
        refused = replace(line, rows=[], bad=bad)
        # The caller reports quarantined lines from its own list: mark the original too.
        line.rows, line.bad = [], bad
        return refused

    def _commit_retrying(self, lines: Sequence[_Line]) -> None:
        def retried(_attempt: int, what: str) -> None:
            self.stats.retries += 1
            self.stats.problem = what
            if self.on_problem is not None:
                self.on_problem(what)

        with_retry(
            lambda: self._commit(lines),
            attempts=self.attempts,
            sleep=self._sleep or time.sleep,
            on_retry=retried,
        )
        self.stats.problem = ""

    def _commit(self, lines: Sequence[_Line]) -> None:
        rows = [r for line in lines for r in line.rows]
        bad = [line.bad for line in lines if line.bad is not None]
        last = lines[-1]
        changes: list[Change] = []
        inserted = 0
        with self.store.transaction() as s:
            # The offset first: its compare-and-set is what keeps two ingests of one file from
            # both storing it (the UPDATE's WHERE is checked under the write lock).
            state = OffsetState(self._fid, last.end, last.no, last.header)
            save_offset(s, self.show_id, self.key, self._committed, state)
            if rows:
                inserted, changes = insert_sample_rows(self.store, s, rows)
            if bad:
                s.execute(insert(MetricQuarantine), bad)
                changes.append(self.store.record_change(s, "metric_quarantine", None, self.show_id))
        self._committed = (self._fid, last.end)
        stored = inserted if inserted >= 0 else len(rows)
        self.stats.rows += stored
        self.stats.duplicates += len(rows) - stored
        self.stats.bad += len(bad)
        self.store.publish(*changes)

    def run(self, stop: threading.Event, follow: bool = True, interval: float = 0.2) -> TailStats:
        """Poll until stopped (follow) or until no complete line is left (one-shot).

        A database problem that outlasts the retries (a lock held for minutes, a full disk)
        ends a one-shot run with GaveUp; a follower says so and keeps trying, slower."""
        pause = interval
        try:
            while not stop.is_set():
                try:
                    n = self.poll()
                except GaveUp as exc:
                    if not follow:
                        raise
                    self.stats.problem = str(exc)
                    if self.on_problem is not None:
                        self.on_problem(str(exc))
                    self.close()  # the next poll reopens and re-reads from the committed offset
                    self._loaded = False
                    stop.wait(pause)
                    pause = min(30.0, pause * 2)
                    continue
                pause = interval
                if n == 0:
                    if not follow:
                        break
                    stop.wait(interval)
        finally:
            self.close()
        return self.stats
