"""Channel balance and correlation of a stereo input."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from studio.devices.audio._util import amp_to_db, as_frames

# A channel this far below the other carries nothing (e.g. a mono mic on input 1 of 2).
DEAD_CHANNEL_DB = 40.0


@dataclass(frozen=True, slots=True)
class Balance:
    balance_db: float  # left minus right RMS level; positive = left louder
    correlation: float  # +1 same signal, 0 unrelated, -1 opposite polarity
    dead_channel: str | None  # "left" / "right" when one channel is essentially silent


def channel_balance(x: npt.ArrayLike) -> Balance | None:
    """Balance of the first two channels; None for a mono input."""
    a = as_frames(x)
    if a.shape[1] < 2 or a.shape[0] == 0:
        return None
    n = a.shape[0]
    # Sums of products minus the means' share: the same as centring first, without copies.
    left, right = a[:, 0], a[:, 1]
    ml, mr = float(left.mean()), float(right.mean())
    pl = max(float(np.dot(left, left)) - n * ml * ml, 0.0)
    pr = max(float(np.dot(right, right)) - n * mr * mr, 0.0)
    cross = float(np.dot(left, right)) - n * ml * mr
    bal = amp_to_db(math.sqrt(pl / n)) - amp_to_db(math.sqrt(pr / n))
    corr = cross / math.sqrt(pl * pr) if pl > 0 and pr > 0 else 0.0
    dead = None
    if bal >= DEAD_CHANNEL_DB:
        dead = "right"
    elif bal <= -DEAD_CHANNEL_DB:
        dead = "left"
    return Balance(balance_db=bal, correlation=corr, dead_channel=dead)
