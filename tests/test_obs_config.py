"""OBS settings: the password goes to the keyring or a 0600 file, and is never shown or logged."""

from __future__ import annotations

import logging
import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from studio import paths
from studio.obs import config


class MemoryKeyring(KeyringBackend):
    priority = 10  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    old = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(old)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    old = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(old)


def test_without_keyring_the_password_is_a_private_file(no_keyring: None) -> None:
    """Headless fallback: a 0600 file, not the settings JSON; load() reads it back."""
    saved = config.save("192.168.1.20", "4456", "s3cret-pw")
    assert (saved.host, saved.port, saved.password) == ("192.168.1.20", 4456, "s3cret-pw")
    pw_file = paths.config_dir() / "obs-password"
    assert stat.S_IMODE(pw_file.stat().st_mode) == 0o600
    assert "s3cret-pw" not in (paths.config_dir() / "obs.json").read_text()
    assert config.password_store() == "file"
    assert config.load().password == "s3cret-pw"


def test_password_none_keeps_it_and_empty_forgets_it(no_keyring: None) -> None:
    """Changing the address keeps the password; an empty one removes the file."""
    config.save("127.0.0.1", 4455, "pw1")
    assert config.save("10.0.0.2", 4455).password == "pw1"
    assert config.save("10.0.0.2", 4455, "").password == ""
    assert not (paths.config_dir() / "obs-password").exists()


def test_widened_file_permissions_are_narrowed(no_keyring: None) -> None:
    """A password file someone made world-readable is made private again on read."""
    config.save("127.0.0.1", 4455, "pw")
    pw_file = paths.config_dir() / "obs-password"
    pw_file.chmod(0o644)
    assert config.load().password == "pw"
    assert stat.S_IMODE(pw_file.stat().st_mode) == 0o600


def test_keyring_used_when_it_works(memory_keyring: MemoryKeyring) -> None:
    """With a working keyring the password lives there and no file is written."""
    config.save("127.0.0.1", 4455, "ring-pw")
    assert memory_keyring.items[(config.SERVICE, "default")] == "ring-pw"
    assert not (paths.config_dir() / "obs-password").exists()
    assert config.password_store() == "keyring"
    assert config.load().password == "ring-pw"


def test_password_never_in_repr_or_logs(no_keyring: None, caplog: pytest.LogCaptureFixture) -> None:
    """repr() of the settings and everything logged while saving/loading omit the password."""
    caplog.set_level(logging.DEBUG)
    cfg = config.save("127.0.0.1", 4455, "very-secret-9")
    config.load()
    assert "very-secret-9" not in repr(cfg)
    assert "very-secret-9" not in caplog.text


@pytest.mark.parametrize(
    ("host", "port", "words"),
    [("", 4455, "host"), ("a b", 4455, "host"), ("obs", "x", "number"), ("obs", 70000, "1..65535")],
)
def test_bad_settings_are_refused_clearly(host: str, port: object, words: str) -> None:
    """Bad host or port: a ConfigError that names the problem."""
    with pytest.raises(config.ConfigError, match=words):
        config.save(host, port)  # type: ignore[arg-type]


def test_broken_settings_file_falls_back_to_defaults(tmp_path: Path) -> None:
    """An unreadable obs.json gives the default address instead of a crash."""
    (paths.config_dir() / "obs.json").write_text("{not json", encoding="utf-8")
    cfg = config.load()
    assert (cfg.host, cfg.port) == (config.DEFAULT_HOST, config.DEFAULT_PORT)
