"""OSC over UDP (Bitfocus Companion's generic OSC module, a lighting desk):

- commands: `/studio/next`, `/studio/previous`, `/studio/hold` (toggles hold), `/studio/resume`,
  `/studio/incident <category> [<severity>]`;
- feedback to the configured address on every cue change and once a second: `/studio/cue`
  (the cue's text), `/studio/segment` (title), `/studio/remaining` ("m:ss", "-m:ss" when over),
  `/studio/remaining_s` (whole seconds), `/studio/state` (ready, running, held, ended).

Loopback by default. When the server listens beyond loopback, commands are taken only from the
feedback address's host (Companion's computer): UDP has no token to check.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from typing import TYPE_CHECKING, Any

from pythonosc.dispatcher import Dispatcher
from pythonosc.osc_server import AsyncIOOSCUDPServer
from pythonosc.udp_client import SimpleUDPClient

from studio.metrics.sources.http import is_loopback

if TYPE_CHECKING:
    from studio.api.server import ApiServer

log = logging.getLogger(__name__)


def clock_text(seconds: float) -> str:
    """Remaining time as Companion shows it: `4:05`, `-0:12` when over."""
    s = round(seconds)
    sign = "-" if s < 0 else ""
    s = abs(s)
    return f"{sign}{s // 60}:{s % 60:02d}"


class OscLink:
    def __init__(self, server: ApiServer) -> None:
        self.server = server
        self.transport: asyncio.BaseTransport | None = None
        self._client: SimpleUDPClient | None = None
        self.received = 0
        self._tasks: set[asyncio.Task[None]] = set()

    def _spawn(self, coro: Any) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _allowed(self, sender: tuple[str, int]) -> bool:
        if not self.server.config.lan:
            return True
        fb = self.server.osc_feedback
        return fb is not None and sender[0] == fb[0]

    def _command(self, sender: tuple[str, int], address: str, *args: Any) -> None:
        if not self._allowed(sender):
            log.info("osc: %s from %s refused (not the feedback host)", address, sender[0])
            return
        self.received += 1
        action = address.rsplit("/", 1)[-1]
        if action == "incident":
            self._spawn(self._incident(args))
            return
        if action == "hold":
            snap = self.server.rundown.snapshot() if self.server.rundown else None
            action = "resume" if snap is not None and snap.status == "held" else "hold"
        self._spawn(self._act(action))

    async def _act(self, action: str) -> None:
        from studio.metrics.sources.http import Rejected

        try:
            await self.server.act(action, None)
        except Rejected as exc:
            log.info("osc: %s refused: %s", action, exc.reason)

    async def _incident(self, args: tuple[Any, ...]) -> None:
        from studio.incidents import categories as cats
        from studio.incidents.log import quick_log

        try:
            cat = cats.category(str(args[0]) if args else "").key
            sev = cats.severity(int(args[1]) if len(args) > 1 else 2).level
        except (ValueError, TypeError) as exc:
            log.info("osc: incident refused: %s", exc)
            return
        srv = self.server
        key, cue = srv.position()
        from studio.timeutil import from_epoch

        at = from_epoch(srv.clock())
        await srv.work(
            lambda: quick_log(
                srv.store, srv.show_id, cat, severity=sev, at=at, segment_key=key,
                cue_index=cue, who=srv.who(),
            )
        )  # fmt: skip

    def feedback(self, runner: dict[str, Any]) -> None:
        """Send the cue, segment and remaining time to the feedback address (if any)."""
        target = self.server.osc_feedback
        if target is None:
            return
        if self._client is None or (self._client._address, self._client._port) != target:
            if self._client is not None:
                self._client._sock.close()
            self._client = SimpleUDPClient(target[0], target[1])
        seg = runner.get("segment") or {}
        cue = runner.get("cue") or {}
        try:
            self._client.send_message("/studio/cue", str(cue.get("text", "")))
            self._client.send_message("/studio/segment", str(seg.get("title", "")))
            self._client.send_message("/studio/remaining", clock_text(runner["remaining_s"]))
            self._client.send_message("/studio/remaining_s", round(runner["remaining_s"]))
            self._client.send_message("/studio/state", str(runner["state"]))
        except OSError as exc:
            log.debug("osc feedback to %s not sent: %s", target, exc)

    def close(self) -> None:
        if self._client is not None:
            self._client._sock.close()
            self._client = None
        if self.transport is not None:
            self.transport.close()
            self.transport = None


def _one_line(text: str) -> str:
    return " ".join(str(text).split())[:200]


class CompanionVariables:
    """Bitfocus Companion's custom variables, set over its UDP remote-control port (51235 by
    default) with `CUSTOM-VARIABLE <name> SET-VALUE <value>`: studio_cue, studio_segment,
    studio_remaining, studio_state and studio_over_under, sent when they change."""

    NAMES = ("cue", "segment", "remaining", "state", "over_under")

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self._sock = socket.socket(socket.AF_INET6 if ":" in target[0] else socket.AF_INET,
                                   socket.SOCK_DGRAM)  # fmt: skip
        self._sock.setblocking(False)
        self._last: dict[str, str] = {}

    @staticmethod
    def values(runner: dict[str, Any]) -> dict[str, str]:
        ou = float(runner["over_under_s"])
        return {
            "cue": _one_line((runner.get("cue") or {}).get("text", "")),
            "segment": _one_line((runner.get("segment") or {}).get("title", "")),
            "remaining": clock_text(runner["remaining_s"]),
            "state": str(runner["state"]),
            "over_under": ("+" if ou >= 0.5 else "") + clock_text(ou),
        }

    def send(self, runner: dict[str, Any]) -> None:
        for name, value in self.values(runner).items():
            if self._last.get(name) == value:
                continue
            line = f"CUSTOM-VARIABLE studio_{name} SET-VALUE {value}\n".encode()
            try:
                self._sock.sendto(line, self.target)
            except OSError as exc:
                log.debug("companion variable %s not sent: %s", name, exc)
                return
            self._last[name] = value

    def close(self) -> None:
        self._sock.close()


async def start_osc(server: ApiServer, host: str, port: int) -> OscLink:
    link = OscLink(server)
    dispatcher = Dispatcher()
    for name in ("next", "previous", "hold", "resume", "incident"):
        dispatcher.map(f"/studio/{name}", link._command, needs_reply_address=True)
    bind = host if not is_loopback(host) else "127.0.0.1"
    loop = asyncio.get_running_loop()
    assert isinstance(loop, asyncio.BaseEventLoop)
    osc = AsyncIOOSCUDPServer((bind, port), dispatcher, loop)
    transport, _protocol = await osc.create_serve_endpoint()
    link.transport = transport
    sock = transport.get_extra_info("sockname")
    server.osc_port = int(sock[1]) if sock else port
    return link
