"""What ending the show now leaves behind: the end-show confirmation names it before the user
says yes (ending is the one action a live crew cannot take back)."""

from __future__ import annotations

from dataclasses import dataclass

from studio.incidents.log import IncidentFilter, list_incidents
from studio.runner.jump import SELLING_KINDS
from studio.runner.state import Snapshot
from studio.store.store import Store


@dataclass(frozen=True)
class EndShowCheck:
    open_incidents: int  # neither mitigated nor resolved
    segments_not_run: tuple[str, ...]  # titles, in running order (the current one excluded)
    sales_not_run: int  # how many of those sell something

    @property
    def clean(self) -> bool:
        return not self.open_incidents and not self.segments_not_run


def end_show_check(store: Store, show_id: int, snap: Snapshot) -> EndShowCheck:
    open_count = len(list_incidents(store, show_id, IncidentFilter(statuses=frozenset({"open"}))))
    pending = [row for row in snap.rows if row.state == "pending"]
    return EndShowCheck(
        open_incidents=open_count,
        segments_not_run=tuple(row.title for row in pending),
        sales_not_run=sum(1 for row in pending if row.kind in SELLING_KINDS),
    )
