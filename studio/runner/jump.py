"""What a jump in the rundown passes over, so the controller is asked before a jump that goes
back over a live show or skips a segment that sells (a mistyped segment number used to send a
live show back to the opening, or strike out a flash sale without a word)."""

from __future__ import annotations

from dataclasses import dataclass

from studio.runner.state import Snapshot

# Segments whose skipping loses sales.
SELLING_KINDS = frozenset({"flash_sale", "product", "lucky_bag"})


@dataclass(frozen=True)
class JumpCheck:
    target: int
    back: bool  # to a segment before the current one, during the show
    skipped: tuple[str, ...]  # titles of segments not yet run that the jump passes over
    skipped_sales: tuple[str, ...]  # those of them that sell

    @property
    def needs_confirmation(self) -> bool:
        return self.back or bool(self.skipped_sales)


def jump_check(snap: Snapshot, target: int) -> JumpCheck:
    live = snap.status in ("running", "held")
    current = snap.segment_index if live else -1
    back = live and target < current
    passed = [row for row in snap.rows if current < row.index < target and row.state == "pending"]
    return JumpCheck(
        target=target,
        back=back,
        skipped=tuple(row.title for row in passed),
        skipped_sales=tuple(row.title for row in passed if row.kind in SELLING_KINDS),
    )
