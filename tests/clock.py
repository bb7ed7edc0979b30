"""The one fake clock of the test suite: a show's time that moves only when a test says so."""

from __future__ import annotations

T0 = 1_800_000_000.0  # 2027-01-15 08:00 UTC: a fixed, plausible show day


class FakeClock:
    """Callable like `time.time`; `advance(s)` moves it forward, `t` may be set directly."""

    def __init__(self, t: float = T0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds
