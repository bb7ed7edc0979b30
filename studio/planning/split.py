"""Splitting a campaign's GMV target across its shows, exactly to the cent.

Largest-remainder (Hamilton) rounding: every show gets the floor of its exact quota and the
cents left over go to the largest fractional parts, so the shares always sum to the target and
no share is ever more than one cent away from its exact proportion.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from sqlalchemy import select

from studio.store.models import Campaign, Show
from studio.store.store import Store

WEIGHTS = ("planned_seconds", "traffic_target", "equal")


class SplitError(ValueError):
    """A split that cannot be made; the message says why."""


def largest_remainder(total: int, weights: Sequence[float | int | Fraction]) -> list[int]:
    """Integer shares of `total` proportional to `weights`, summing exactly to `total`.

    Ties in the remainder go to the earlier entry, so the result is deterministic.
    """
    if total < 0:
        raise SplitError("the target cannot be negative")
    if not weights:
        raise SplitError("nothing to split across")
    exact = [Fraction(w) for w in weights]  # Fraction(float) is exact: no drift in the sum
    if any(w < 0 for w in exact):
        raise SplitError("weights cannot be negative")
    weight_sum = sum(exact, Fraction(0))
    if weight_sum == 0:
        raise SplitError("every weight is zero: give the shows a weight or split evenly")
    quotas = [total * w / weight_sum for w in exact]
    shares = [int(q) for q in quotas]  # floor: quotas are non-negative
    left = total - sum(shares)
    order = sorted(range(len(quotas)), key=lambda i: (-(quotas[i] - shares[i]), i))
    for i in order[:left]:
        shares[i] += 1
    return shares


@dataclass(frozen=True)
class ShareLine:
    show_id: int
    title: str
    weight: float
    share_cents: int
    gmv_target_cents: int


def _weight(show: Show, weight: str) -> float:
    if weight == "planned_seconds":
        return float(show.planned_seconds or 0)
    if weight == "traffic_target":
        return float(show.traffic_target or 0)
    if weight == "equal":
        return 1.0
    raise SplitError(f"unknown weight {weight!r} (expected one of: {', '.join(WEIGHTS)})")


def split_campaign(
    store: Store,
    campaign_id: int,
    *,
    weight: str = "planned_seconds",
    manual: Mapping[int, int] | None = None,
    set_show_targets: bool = False,
) -> list[ShareLine]:
    """Split the campaign's target over its shows and store each share.

    With `manual` ({show_id: cents}) the shares are taken as given; they must cover every show
    of the campaign and sum exactly to the target. `set_show_targets` also makes each share the
    show's own GMV target.
    """
    with store.transaction() as s:
        campaign = s.get(Campaign, campaign_id)
        if campaign is None:
            raise SplitError(f"no campaign with id {campaign_id}")
        shows = list(
            s.scalars(select(Show).where(Show.campaign_id == campaign_id).order_by(Show.id))
        )
        if not shows:
            raise SplitError(f"campaign {campaign.name!r} has no shows")
        target = int(campaign.gmv_target_cents or 0)
        if manual is not None:
            ids = {sh.id for sh in shows}
            unknown = sorted(set(manual) - ids)
            if unknown:
                raise SplitError(f"show(s) {unknown} are not in campaign {campaign.name!r}")
            missing = sorted(ids - set(manual))
            if missing:
                raise SplitError(f"no share given for show(s) {missing}")
            if any(v < 0 for v in manual.values()):
                raise SplitError("a share cannot be negative")
            given = sum(manual.values())
            if given != target:
                diff = given - target
                raise SplitError(
                    f"the shares sum to {given / 100:,.2f} but the target is "
                    f"{target / 100:,.2f} ({'over' if diff > 0 else 'short'} by "
                    f"{abs(diff) / 100:,.2f})"
                )
            shares = [int(manual[sh.id]) for sh in shows]
            weights = [float(manual[sh.id]) for sh in shows]
            campaign.split_mode = "manual"
        else:
            weights = [_weight(sh, weight) for sh in shows]
            shares = largest_remainder(target, weights)
            campaign.split_mode = "proportional" if weight != "equal" else "equal"
        changes = []
        for sh, share in zip(shows, shares, strict=True):
            sh.campaign_share_cents = share
            if set_show_targets:
                sh.gmv_target_cents = share
            changes.append(store.record_change(s, "show", sh.id, sh.id))
        changes.append(store.record_change(s, "campaign", campaign.id, None))
        out = [
            ShareLine(sh.id, sh.title, w, share, sh.gmv_target_cents)
            for sh, w, share in zip(shows, weights, shares, strict=True)
        ]
    store.publish(*changes)
    return out


def create_campaign(store: Store, name: str, gmv_target_cents: int) -> int:
    name = name.strip()
    if not name:
        raise SplitError("a campaign needs a name")
    if gmv_target_cents < 0:
        raise SplitError("the campaign target cannot be negative")
    with store.transaction() as s:
        c = Campaign(name=name, gmv_target_cents=gmv_target_cents)
        s.add(c)
        s.flush()
        change = store.record_change(s, "campaign", c.id, None)
        cid = c.id
    store.publish(change)
    return cid


def assign_shows(store: Store, campaign_id: int, show_ids: Sequence[int]) -> None:
    """Put shows into a campaign (their previous share is cleared until the next split)."""
    with store.transaction() as s:
        if s.get(Campaign, campaign_id) is None:
            raise SplitError(f"no campaign with id {campaign_id}")
        changes = []
        for sid in show_ids:
            show = s.get(Show, sid)
            if show is None:
                raise SplitError(f"no show with id {sid}")
            show.campaign_id = campaign_id
            show.campaign_share_cents = None
            changes.append(store.record_change(s, "show", sid, sid))
    store.publish(*changes)


def campaign_shares(store: Store, campaign_id: int) -> list[ShareLine]:
    """The campaign's shows and their stored shares (0 where not split yet)."""
    with store.session() as s:
        shows = s.scalars(select(Show).where(Show.campaign_id == campaign_id).order_by(Show.id))
        return [
            ShareLine(sh.id, sh.title, 0.0, int(sh.campaign_share_cents or 0), sh.gmv_target_cents)
            for sh in shows
        ]
