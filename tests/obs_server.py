"""A real OBS Studio (obs-websocket 5) under its own Xvfb, and a local RTMP sink, for tests.

The recipe and its pitfalls are in ../shared/ENVIRONMENT.md ("A real OBS Studio for tests"):
websocket settings live in global.ini, OBS needs a real X server (offscreen Qt does not work),
the X socket must accept connections before OBS starts, and SIGINT is the clean stop with a
SIGKILL fallback. Test modules import the session fixtures `obs_server` and `rtmp_sink` from here.
Also usable by hand: `python tests/obs_server.py` starts one and prints its port and password.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

PASSWORD = "studio-test-pw"
SCENES = ("Main", "Flash sale")
TEXT_SOURCE = "price_text"
WIDTH, HEIGHT, FPS = 640, 360, 30


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_port(port: int, timeout: float, proc: subprocess.Popen[bytes] | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"process exited with {proc.returncode} before port {port} opened")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    raise TimeoutError(f"port {port} did not open within {timeout} s")


def listening(port: int) -> bool:
    """Whether something listens on the port, without connecting: `ffmpeg -listen 1` serves
    exactly one connection, so a probe would use it up."""
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError), open(table, encoding="ascii") as f:
            for line in f.readlines()[1:]:
                local, state = line.split()[1], line.split()[3]
                if state == "0A" and int(local.rsplit(":", 1)[1], 16) == port:
                    return True
    return False


def _stop(
    proc: subprocess.Popen[bytes] | None, sig: int = signal.SIGINT, grace: float = 5.0
) -> None:
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(sig)
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


class Xvfb:
    def __init__(self) -> None:
        self.proc: subprocess.Popen[bytes] | None = None
        self.display = ""

    def start(self) -> None:
        read_fd, write_fd = os.pipe()
        self.proc = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write_fd),
                "-screen",
                "0",
                "1280x720x24",
                "-nolisten",
                "tcp",
            ],
            pass_fds=(write_fd,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write_fd)
        number = b""
        with os.fdopen(read_fd, "rb") as f:
            while not number.endswith(b"\n"):
                chunk = f.read(1)
                if not chunk:
                    raise RuntimeError("Xvfb exited without reporting a display")
                number += chunk
        n = int(number.strip())
        self.display = f":{n}"
        # OBS sometimes aborts ("could not connect to display") if it starts before the server
        # accepts connections, even though the display number is already announced.
        path = f"/tmp/.X11-unix/X{n}"
        deadline = time.monotonic() + 10
        while True:
            try:
                with socket.socket(socket.AF_UNIX) as s:
                    s.connect(path)
                return
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def stop(self) -> None:
        _stop(self.proc, signal.SIGTERM)


class ObsServer:
    """One OBS process; `kill()` and `start()` again simulate a crash and a restart."""

    def __init__(self, root: Path, password: str = PASSWORD) -> None:
        self.root = root
        self.password = password
        self.port = free_port()
        self.home = root / "home"
        self.recordings = root / "recordings"
        self.xvfb = Xvfb()
        self.proc: subprocess.Popen[bytes] | None = None
        self.log_path = root / "obs.log"
        self._write_config()

    def _write_config(self) -> None:
        cfg = self.home / ".config" / "obs-studio"
        profile = cfg / "basic" / "profiles" / "T"
        profile.mkdir(parents=True, exist_ok=True)
        self.recordings.mkdir(parents=True, exist_ok=True)
        (cfg / "global.ini").write_text(
            "[General]\nFirstRun=true\nConfirmOnExit=false\n\n"
            "[Basic]\nProfile=T\nProfileDir=T\nSceneCollection=T\nSceneCollectionFile=T\n\n"
            "[BasicWindow]\nPreviewEnabled=false\nSysTrayEnabled=false\n\n"
            "[OBSWebSocket]\nFirstLoad=false\nServerEnabled=true\nAlertsEnabled=false\n"
            f"AuthRequired=true\nServerPassword={self.password}\n",
            encoding="utf-8",
        )
        # 6 Mbit/s: OBS's socket send buffer (4 MB at most here) fills in ~5 s once the sink
        # is paused, so the congestion test is quick.
        (profile / "basic.ini").write_text(
            "[General]\nName=T\n\n"
            "[Output]\nMode=Simple\n\n"
            f"[SimpleOutput]\nFilePath={self.recordings}\nRecFormat=mkv\nPreset=ultrafast\n"
            "VBitrate=6000\nABitrate=96\n\n"
            f"[Video]\nBaseCX={WIDTH}\nBaseCY={HEIGHT}\nOutputCX={WIDTH}\nOutputCY={HEIGHT}\n"
            f"FPSType=0\nFPSCommon={FPS}\n",
            encoding="utf-8",
        )

    def start(self, timeout: float = 30.0) -> None:
        if self.xvfb.proc is None or self.xvfb.proc.poll() is not None:
            self.xvfb.start()
        runtime = self.root / "xdg-runtime"
        runtime.mkdir(mode=0o700, exist_ok=True)
        env = {
            **os.environ,
            "HOME": str(self.home),
            "XDG_CONFIG_HOME": str(self.home / ".config"),
            "XDG_RUNTIME_DIR": str(runtime),
            "DISPLAY": self.xvfb.display,
            "LIBGL_ALWAYS_SOFTWARE": "1",
            "QT_QPA_PLATFORM": "xcb",
        }
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen(
            [
                "obs",
                "--multi",
                "--minimize-to-tray",
                "--disable-missing-files-check",
                f"--websocket_port={self.port}",
            ],
            env=env,
            cwd=self.root,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        wait_port(self.port, timeout, self.proc)

    def kill(self) -> None:
        """A crash: no clean shutdown."""
        _stop(self.proc, signal.SIGKILL)

    def stop(self) -> None:
        _stop(self.proc, signal.SIGINT)

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def close(self) -> None:
        self.stop()
        self.xvfb.stop()

    def request(self, name: str, data: dict[str, object] | None = None) -> dict[str, object]:
        """A one-off request over a fresh connection (test setup, independent of studio.obs)."""
        import obsws_python as obs

        client = obs.ReqClient(host="127.0.0.1", port=self.port, password=self.password, timeout=5)
        try:
            return client.send(name, data, raw=True) or {}
        finally:
            client.disconnect()

    def prepare_scenes(self, rtmp_url: str | None = None) -> None:
        """The scenes, a text source and a moving picture the tests expect (idempotent)."""
        import obsws_python as obs

        client = obs.ReqClient(host="127.0.0.1", port=self.port, password=self.password, timeout=5)
        try:
            existing = {s["sceneName"] for s in client.send("GetSceneList", raw=True)["scenes"]}
            for name in SCENES:
                if name not in existing:
                    client.send("CreateScene", {"sceneName": name})
            inputs = {i["inputName"] for i in client.send("GetInputList", raw=True)["inputs"]}
            if "bars" not in inputs:
                # A moving test pattern so the program is neither black nor frozen (OBS's media
                # source does not take lavfi inputs, so it loops a generated file).
                clip = self.root / "bars.mp4"
                if not clip.exists():
                    subprocess.run(
                        ["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi",
                         "-i", f"testsrc2=size={WIDTH}x{HEIGHT}:rate={FPS}", "-t", "4",
                         "-pix_fmt", "yuv420p", str(clip)],
                        check=True,
                    )  # fmt: skip
                client.send(
                    "CreateInput",
                    {
                        "sceneName": "Main",
                        "inputName": "bars",
                        "inputKind": "ffmpeg_source",
                        "inputSettings": {"local_file": str(clip), "looping": True},
                    },
                )
            if TEXT_SOURCE not in inputs:
                client.send(
                    "CreateInput",
                    {
                        "sceneName": "Flash sale",
                        "inputName": TEXT_SOURCE,
                        "inputKind": "text_ft2_source_v2",
                        "inputSettings": {"text": "¥0.00"},
                    },
                )
            if rtmp_url is not None:
                client.send(
                    "SetStreamServiceSettings",
                    {
                        "streamServiceType": "rtmp_custom",
                        "streamServiceSettings": {"server": rtmp_url, "key": "x"},
                    },
                )
            client.send("SetCurrentProgramScene", {"sceneName": "Main"})
        finally:
            client.disconnect()


class RtmpSink:
    """`ffmpeg -listen 1` as the streaming platform; SIGSTOP congests OBS's stream."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"rtmp://127.0.0.1:{self.port}/live"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [
                "ffmpeg",
                "-hide_banner",
                "-loglevel",
                "error",
                "-listen",
                "1",
                "-i",
                f"rtmp://127.0.0.1:{self.port}/live/x",
                "-f",
                "null",
                "-",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while not listening(self.port):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the RTMP sink did not start listening on {self.port}")
            time.sleep(0.05)

    def pause(self) -> None:
        if self.proc is not None:
            self.proc.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        if self.proc is not None:
            self.proc.send_signal(signal.SIGCONT)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGCONT)
        _stop(self.proc, signal.SIGTERM)


def obs_available() -> bool:
    return all(shutil.which(tool) for tool in ("obs", "Xvfb", "ffmpeg"))


_shared: list[ObsServer] = []
_users = 0


@pytest.fixture(scope="session")
def obs_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ObsServer]:
    """One real OBS for the whole session (starting one costs a few seconds). Each test module
    that imports this fixture gets its own session-scoped copy of it, so the server itself is
    shared through a module global and closed when the last user is done."""
    global _users
    if not obs_available():
        pytest.skip("OBS Studio, Xvfb or ffmpeg not installed (apt-get install obs-studio ...)")
    if not _shared:
        server = ObsServer(tmp_path_factory.mktemp("obs"))
        try:
            server.start()
            server.prepare_scenes()
        except BaseException:
            server.close()
            raise
        _shared.append(server)
    _users += 1
    try:
        yield _shared[0]
    finally:
        _users -= 1
        if _users == 0:
            _shared.pop().close()


@pytest.fixture
def running_obs(obs_server: ObsServer) -> ObsServer:
    """The session's OBS, restarted first if an earlier test killed it."""
    if not obs_server.running:
        obs_server.start()
        obs_server.prepare_scenes()
    return obs_server


if __name__ == "__main__":
    root = Path(tempfile.mkdtemp(prefix="obs-manual-"))
    srv = ObsServer(root)
    srv.start()
    srv.prepare_scenes()
    print(f"OBS on port {srv.port}, password {srv.password}, display {srv.xvfb.display}, {root}")
    try:
        while srv.running:
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        srv.close()
