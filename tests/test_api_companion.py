"""docs/companion.md works as written: every HTTP request and OSC message it documents is sent to
a real server and does what the page says; Companion's custom variables arrive over UDP."""

from __future__ import annotations

import http.client
import json
import re
import socket
import time
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from studio.api.server import ApiServer, ServerConfig
from studio.demo import demo_script_path
from studio.script.store_io import create_show_from_script_file
from studio.store.models import CueEvent, Incident
from studio.store.store import Store

DOC = Path(__file__).resolve().parent.parent / "docs" / "companion.md"
TOKEN = "c" * 43


def _blocks(kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def _count(store: Store, model: Any) -> int:
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _send(port: int, block: str) -> tuple[int, Any]:
    head, _, body = block.partition("\n\n")
    lines = head.strip().splitlines()
    method, path = lines[0].split()
    headers = dict(line.split(": ", 1) for line in lines[1:])
    headers["Authorization"] = f"Bearer {TOKEN}"
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    conn.request(method, path, body=body.strip().encode() or None, headers=headers)
    resp = conn.getresponse()
    data = json.loads(resp.read())
    conn.close()
    return resp.status, data


def test_documented_http_requests(store: Store) -> None:
    """Each documented request, with the token as the page says, gets its documented answer:
    the rundown moves (one CueEvent per button), the incidents are logged."""
    show = create_show_from_script_file(store, demo_script_path())
    srv = ApiServer(store, show, ServerConfig(host="0.0.0.0", port=0, token=TOKEN)).start()
    try:
        blocks = _blocks("http")
        assert len(blocks) >= 10
        for block in blocks:
            code, data = _send(srv.port, block)
            assert code in (200, 201), (block, code, data)
            if "/rundown/" in block:
                assert data["moved"] is True, block
        assert _count(store, CueEvent) == sum("/rundown/" in b for b in blocks)
        assert _count(store, Incident) == sum("/incidents" in b for b in blocks)
        _code, variables = _send(srv.port, "GET /api/v1/variables")
        assert re.fullmatch(r"-?\d+:\d\d", variables["remaining"])
        assert variables["state"] == "running" and variables["cue"]
        documented = re.search(
            r"`GET /api/v1/variables` answers .*?\((.*?)\)", DOC.read_text(), re.S
        )
        assert documented is not None
        names = re.findall(r"`(\w+)`", documented.group(1))
        assert set(names) == set(variables)
    finally:
        srv.stop()


def test_documented_osc_messages_and_companion_variables(store: Store) -> None:
    """The documented OSC messages move the rundown and log incidents; Companion's custom
    variables (cue, remaining time) arrive as CUSTOM-VARIABLE commands on its UDP port."""
    from pythonosc.udp_client import SimpleUDPClient

    show = create_show_from_script_file(store, demo_script_path())
    companion = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    companion.bind(("127.0.0.1", 0))
    companion.settimeout(15)
    cfg = ServerConfig(
        port=0, token=TOKEN, osc_port=0, companion_udp=("127.0.0.1", companion.getsockname()[1])
    )
    srv = ApiServer(store, show, cfg).start()
    assert srv.osc_port and srv.rundown is not None
    client = SimpleUDPClient("127.0.0.1", srv.osc_port)
    try:
        srv.rundown.act("start")
        messages = [line.split() for line in _blocks("osc")[0].strip().splitlines()]
        for address, *args in messages:
            client.send_message(address, [int(a) if a.isdigit() else a for a in args])
            time.sleep(0.2)  # UDP keeps no order between separate sends
        moves = sum(m[0] in ("/studio/next", "/studio/previous", "/studio/hold") for m in messages)
        incidents = sum(m[0] == "/studio/incident" for m in messages)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and (
            _count(store, CueEvent) < 1 + moves or _count(store, Incident) < incidents
        ):
            time.sleep(0.05)
        assert _count(store, CueEvent) == 1 + moves
        assert _count(store, Incident) == incidents
        cue = srv.rundown.snapshot()
        text = srv.rundown.script.segments[cue.segment_index].cues[cue.cue_index].text
        seen: dict[str, str] = {}
        deadline = time.monotonic() + 15
        want = " ".join(text.split())

        def complete() -> bool:
            held = seen.get("studio_state") == "held"
            return seen.get("studio_cue") == want and "studio_remaining" in seen and held

        while time.monotonic() < deadline and not complete():
            line = companion.recv(4096).decode().rstrip("\n")
            _, name, _, value = line.split(" ", 3)
            seen[name] = value
        assert seen["studio_cue"] == " ".join(text.split())
        assert re.fullmatch(r"-?\d+:\d\d", seen["studio_remaining"])
        assert seen["studio_state"] == "held"  # the last documented message toggled hold
    finally:
        client._sock.close()
        srv.stop()
        companion.close()
