"""Parsing SRC (index, device path, URL, file) and enumerating cameras."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from studio.devices.camera.sources import SourceError, SourceSpec, list_devices, parse_source


def test_parse_index_url_and_file(tmp_path: Path) -> None:
    """Digits are a device index, anything with a scheme a URL, an existing path a file."""
    video = tmp_path / "a.mp4"
    video.write_bytes(b"x")
    assert parse_source("0") == SourceSpec("device", 0)
    assert parse_source(" 2 ") == SourceSpec("device", 2)
    assert parse_source("rtsp://10.0.0.5/live") == SourceSpec("url", "rtsp://10.0.0.5/live")
    assert parse_source("udp://127.0.0.1:5000").is_live
    assert parse_source(str(video)) == SourceSpec("file", str(video))
    assert parse_source(f"file://{video}").kind == "file"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "no source given"),
        ("/nowhere/clip.mp4", "no such file"),
        ("/dev/video99", "no such camera device"),
    ],
)
def test_bad_sources_say_what_is_wrong(text: str, words: str) -> None:
    """Bad input gives a message naming the problem, never a traceback."""
    with pytest.raises(SourceError, match=words):
        parse_source(text)


def test_directory_is_not_a_video(tmp_path: Path) -> None:
    """A folder is refused as a source."""
    with pytest.raises(SourceError, match="not a video file"):
        parse_source(str(tmp_path))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/dev/video* is Linux")
def test_linux_devices_from_dev_nodes_with_names(tmp_path: Path) -> None:
    """/dev/video* nodes are listed in order with the driver's name; nodes that don't open
    (metadata nodes) drop out when probing."""
    dev, sysfs = tmp_path / "dev", tmp_path / "sys"
    for n, name in ((0, "HD Pro Webcam C920"), (1, "HD Pro Webcam C920"), (10, "Cam Link 4K")):
        (dev).mkdir(exist_ok=True)
        (dev / f"video{n}").touch()
        (sysfs / f"video{n}").mkdir(parents=True)
        (sysfs / f"video{n}" / "name").write_text(name + "\n")
    (dev / "videoX").touch()
    probed: list[int | str] = []

    def probe(i: int | str) -> str | None:
        probed.append(i)
        return None if i == 1 else "V4L2"

    found = list_devices(probe=probe, dev_dir=dev, sys_dir=sysfs)
    assert probed == [0, 1, 10]
    assert [(d.index, d.name, d.backend) for d in found] == [
        (0, "HD Pro Webcam C920", "V4L2"),
        (10, "Cam Link 4K", "V4L2"),
    ]
    assert found[1].label == f"10: Cam Link 4K — {dev / 'video10'} — V4L2"


def test_no_cameras_on_this_machine_is_an_empty_list() -> None:
    """With no camera attached the list is empty rather than an error."""
    assert isinstance(list_devices(max_index=2), list)
