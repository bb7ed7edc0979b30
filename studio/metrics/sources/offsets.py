"""The file-tailing bookkeeping the metrics tailer and the audience comment tailer share.

A tailed file's state is one IngestOffset row keyed (show, key): the file's id (device:inode),
the byte offset after the last line committed, that line's number and the CSV header seen so
far. The offset is committed in the same transaction as the rows of the lines it covers, with
a compare-and-set on the state the tailer last saw, so two ingests of one file never both
store a chunk (`OffsetMoved`: re-read the state and continue from there).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from studio.store.models import IngestOffset
from studio.store.store import Store


class OffsetMoved(Exception):
    """Another ingest committed this file's offset meanwhile: re-read the state."""


@dataclass(frozen=True)
class OffsetState:
    file_id: str
    offset: int
    line_no: int
    header: list[str] | None


def file_id(st: os.stat_result) -> str:
    return f"{st.st_dev}:{st.st_ino}"


def load_offset(store: Store, show_id: int, key: str) -> OffsetState | None:
    """The committed state of the file tailed under `key`, None before its first commit."""
    with store.session() as s:
        row = s.scalar(
            select(IngestOffset).where(IngestOffset.show_id == show_id, IngestOffset.path == key)
        )
        if row is None:
            return None
        header = json.loads(row.header) if row.header else None
        return OffsetState(row.file_id, row.offset, row.line_no, header)


def save_offset(
    s: Session,
    show_id: int,
    key: str,
    seen: tuple[str, int] | None,
    state: OffsetState,
) -> None:
    """Store `state` in the caller's transaction if the stored state is still `seen` (file id,
    offset; None: no row yet); raises OffsetMoved when another ingest got there first."""
    head = json.dumps(state.header) if state.header is not None else None
    if seen is None:
        s.add(
            IngestOffset(
                show_id=show_id,
                path=key,
                file_id=state.file_id,
                offset=state.offset,
                line_no=state.line_no,
                header=head,
            )
        )
        try:
            s.flush()
        except IntegrityError:
            raise OffsetMoved from None
        return
    done = cast(
        CursorResult[Any],
        s.execute(
            update(IngestOffset)
            .where(
                IngestOffset.show_id == show_id,
                IngestOffset.path == key,
                IngestOffset.file_id == seen[0],
                IngestOffset.offset == seen[1],
            )
            .values(file_id=state.file_id, offset=state.offset, line_no=state.line_no, header=head)
        ),
    )
    if done.rowcount != 1:
        raise OffsetMoved


def read_complete(fh: IO[bytes], offset: int, size: int, max_line: int) -> tuple[bytes, int]:
    """The complete lines after `offset` (at most `size` bytes read) and the length of the
    unterminated line after them, which waits; b"" when there is no complete line. A run of
    `max_line` bytes or more without a newline comes back as one line (to be quarantined)."""
    fh.seek(offset)
    data = fh.read(size)
    end = data.rfind(b"\n")
    if end < 0:
        if len(data) < max_line:
            return b"", len(data)
        end = len(data) - 1
    chunk = data[: end + 1]
    return chunk, len(data) - len(chunk)


def split_lines(chunk: bytes, offset: int, line_no: int) -> Iterator[tuple[int, int, int, bytes]]:
    """(line number, start offset, end offset, text bytes) of each line of a chunk read at
    `offset` after line `line_no`; the text without its newline, a trailing CR, and on line 1
    Excel's UTF-8 BOM."""
    pos = offset
    limit = offset + len(chunk)
    for raw in chunk.split(b"\n")[:-1] if chunk.endswith(b"\n") else [chunk]:
        start = pos
        pos += len(raw) + 1
        line_no += 1
        raw = raw.rstrip(b"\r")
        if line_no == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        yield line_no, start, min(pos, limit), raw
