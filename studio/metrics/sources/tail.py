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
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sqlalchemy import insert, select

from studio.metrics.samples import Row, SampleError, parse_object
from studio.metrics.writer import insert_rows
from studio.store.changes import Change
from studio.store.models import IngestOffset, MetricQuarantine
from studio.store.store import Store
from studio.timeutil import utcnow

log = logging.getLogger(__name__)

READ_CHUNK = 4 * 1024 * 1024  # bytes per poll: bounds one transaction's size
MAX_LINE = 1024 * 1024  # a "line" longer than this without a newline is garbage


@dataclass
class TailStats:
    lines: int = 0
    rows: int = 0
    bad: int = 0
    rotations: int = 0
    partial_bytes: int = 0  # an unterminated last line, waiting


def file_id(st: os.stat_result) -> str:
    return f"{st.st_dev}:{st.st_ino}"


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
    ) -> None:
        self.store = store
        self.show_id = show_id
        self.path = Path(path).resolve()
        self.fmt = fmt or detect_format(self.path)
        if self.fmt not in ("jsonl", "csv"):
            raise ValueError(f"unknown file format {self.fmt!r} (jsonl or csv)")
        self.source = source or ("tail:" + self.path.name)[:64]
        self.stats = TailStats()
        self._fh: IO[bytes] | None = None
        self._fid = ""
        self._offset = 0
        self._line_no = 0
        self._header: list[str] | None = None
        self._loaded = False

    # -- state -----------------------------------------------------------------------------

    def _load_state(self) -> None:
        with self.store.session() as s:
            row = s.scalar(
                select(IngestOffset).where(
                    IngestOffset.show_id == self.show_id, IngestOffset.path == str(self.path)
                )
            )
            if row is not None:
                self._fid, self._offset, self._line_no = row.file_id, row.offset, row.line_no
                self._header = json.loads(row.header) if row.header else None
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
        return True

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None

    # -- polling ---------------------------------------------------------------------------

    def poll(self) -> int:
        """Ingest the complete lines available now; returns how many lines were consumed."""
        if not self._loaded:
            self._load_state()
        if self._fh is None and not self._open():
            return 0
        consumed = self._drain()
        # Rotation / truncation: look at what is at the path now.
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return consumed  # rotated away, new file not there yet: keep the old handle
        assert self._fh is not None
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
        while True:
            n = self._read_chunk()
            total += n
            if n == 0:
                return total

    def _read_chunk(self) -> int:
        assert self._fh is not None
        self._fh.seek(self._offset)
        data = self._fh.read(READ_CHUNK)
        end = data.rfind(b"\n")
        if end < 0:
            self.stats.partial_bytes = len(data)
            if len(data) >= MAX_LINE:
                # No newline in a megabyte: quarantine it rather than wait forever.
                end = len(data) - 1
            else:
                return 0
        chunk = data[: end + 1]
        self.stats.partial_bytes = len(data) - len(chunk)
        rows: list[Row] = []
        bad: list[dict[str, Any]] = []
        line_no = self._line_no
        header = self._header
        for raw in chunk.split(b"\n")[:-1] if chunk.endswith(b"\n") else [chunk]:
            line_no += 1
            header = self._parse_line(raw, line_no, header, rows, bad)
        new_offset = self._offset + len(chunk)
        self._commit(rows, bad, new_offset, line_no, header)
        consumed = line_no - self._line_no
        self._offset, self._line_no, self._header = new_offset, line_no, header
        self.stats.lines += consumed
        return max(1, consumed)

    def _parse_line(
        self,
        raw: bytes,
        line_no: int,
        header: list[str] | None,
        rows: list[Row],
        bad: list[dict[str, Any]],
    ) -> list[str] | None:
        def reject(reason: str) -> None:
            bad.append(
                {
                    "show_id": self.show_id,
                    "source": str(self.path),
                    "line_no": line_no,
                    "raw": raw.decode("utf-8", "replace")[:10_000],
                    "reason": reason,
                    "at": utcnow(),
                }
            )

        raw = raw.rstrip(b"\r")
        if line_no == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]  # Excel's UTF-8 BOM
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            reject(f"not UTF-8 text (byte {exc.start})")
            return header
        if not text.strip():
            return header
        if self.fmt == "jsonl":
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                reject(f"not JSON: {exc.msg} at column {exc.colno}")
                return header
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
        try:
            rows.extend(parse_object(obj, self.show_id, self.source))
        except SampleError as exc:
            reject(str(exc))
        return header

    def _commit(
        self,
        rows: list[Row],
        bad: list[dict[str, Any]],
        offset: int,
        line_no: int,
        header: list[str] | None,
    ) -> None:
        changes: list[Change] = []
        with self.store.transaction() as s:
            if rows:
                _, changes = insert_rows(self.store, s, rows)
            if bad:
                s.execute(insert(MetricQuarantine), bad)
                changes.append(self.store.record_change(s, "metric_quarantine", None, self.show_id))
            state = s.scalar(
                select(IngestOffset).where(
                    IngestOffset.show_id == self.show_id, IngestOffset.path == str(self.path)
                )
            )
            if state is None:
                state = IngestOffset(show_id=self.show_id, path=str(self.path))
                s.add(state)
            state.file_id = self._fid
            state.offset = offset
            state.line_no = line_no
            state.header = json.dumps(header) if header is not None else None
        self.stats.rows += len(rows)
        self.stats.bad += len(bad)
        self.store.publish(*changes)

    def run(self, stop: threading.Event, follow: bool = True, interval: float = 0.2) -> TailStats:
        """Poll until stopped (follow) or until no complete line is left (one-shot)."""
        try:
            while not stop.is_set():
                n = self.poll()
                if n == 0:
                    if not follow:
                        break
                    stop.wait(interval)
        finally:
            self.close()
        return self.stats
