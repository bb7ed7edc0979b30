"""Where OBS is and its obs-websocket password.

Host and port live in `obs.json` in the config folder. The password never goes there: it is kept
in the OS keyring when one works (`keyring`), else in `obs-password` readable by the user only
(0600) — on a headless Linux box without a Secret Service that is the usual place. The password
is never logged, never printed and never part of a repr.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studio import paths

log = logging.getLogger(__name__)

SERVICE = "studio-obs-websocket"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 4455
_SETTINGS_FILE = "obs.json"
_PASSWORD_FILE = "obs-password"


class ConfigError(ValueError):
    """Settings that cannot be used; the message says which and why."""


@dataclass(frozen=True)
class ObsConfig:
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    password: str = field(default="", repr=False)

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def has_password(self) -> bool:
        return bool(self.password)


def validate(host: str, port: int | str) -> tuple[str, int]:
    host = host.strip()
    if not host or any(c.isspace() for c in host) or "/" in host:
        raise ConfigError(f"OBS host {host!r} is not a host name or IP address")
    try:
        port_no = int(port)
    except (TypeError, ValueError):
        raise ConfigError(f"OBS port {port!r} is not a number") from None
    if not 1 <= port_no <= 65535:
        raise ConfigError(f"OBS port {port_no} is outside 1..65535")
    return host, port_no


def _settings_path() -> Path:
    return paths.config_dir() / _SETTINGS_FILE


def is_configured() -> bool:
    """True once OBS settings were saved on this station (the app then connects on start)."""
    return _settings_path().exists()


def _password_path() -> Path:
    return paths.config_dir() / _PASSWORD_FILE


def _read_settings() -> dict[str, Any]:
    path = _settings_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("%s is unreadable (%s); using the default OBS address", path, exc)
        return {}
    return data if isinstance(data, dict) else {}


# -- the password -------------------------------------------------------------------------------


def _keyring_usable() -> bool:
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return False
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken backend configuration is just "no keyring"
        return False
    return not isinstance(backend, fail.Keyring) and getattr(backend, "priority", 1) > 0


def _keyring_get(username: str) -> str | None:
    import keyring

    try:
        return keyring.get_password(SERVICE, username)
    except Exception as exc:  # locked/unavailable keyrings raise assorted errors
        log.warning("the OS keyring could not be read (%s)", type(exc).__name__)
        return None


def _keyring_set(username: str, password: str) -> bool:
    import keyring

    try:
        if password:
            keyring.set_password(SERVICE, username, password)
        else:
            with contextlib.suppress(keyring.errors.PasswordDeleteError):
                keyring.delete_password(SERVICE, username)
    except Exception as exc:
        log.warning(
            "the OS keyring refused the password (%s); using a private file", type(exc).__name__
        )
        return False
    return True


def _file_set(password: str) -> None:
    path = _password_path()
    if not password:
        path.unlink(missing_ok=True)
        return
    # Created 0600 from the start (not chmod after writing) so it is never readable by others.
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(password)
    os.replace(tmp, path)


def _file_get() -> str:
    path = _password_path()
    try:
        mode = path.stat().st_mode & 0o777
        if mode & 0o077:
            # Someone widened the permissions: narrow them again rather than refuse to work.
            log.warning("%s was readable by others (mode %o); made it private", path, mode)
            path.chmod(0o600)
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""
    except OSError as exc:
        log.warning("cannot read the OBS password file %s (%s)", path, exc.strerror)
        return ""


def password_store() -> str:
    """Where the password is kept: "keyring" or "file"."""
    return str(_read_settings().get("password_store", "file"))


# -- load / save --------------------------------------------------------------------------------


def load() -> ObsConfig:
    data = _read_settings()
    try:
        host, port = validate(str(data.get("host", DEFAULT_HOST)), data.get("port", DEFAULT_PORT))
    except ConfigError as exc:
        log.warning("%s: %s; using the default OBS address", _settings_path(), exc)
        host, port = DEFAULT_HOST, DEFAULT_PORT
    if data.get("password_store") == "keyring" and _keyring_usable():
        password = _keyring_get("default") or ""
    else:
        password = _file_get()
    return ObsConfig(host, port, password)


def save(host: str, port: int | str, password: str | None = None) -> ObsConfig:
    """Store the address; `password=None` keeps the stored password, "" forgets it."""
    host, port_no = validate(host, port)
    data = _read_settings()
    data.update(host=host, port=port_no)
    if password is not None:
        where = "file"
        if _keyring_usable() and _keyring_set("default", password):
            where = "keyring"
            _file_set("")  # a stale copy in the file must not outlive a keyring save
        else:
            _file_set(password)
        data["password_store"] = where
    path = _settings_path()
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=2), encoding="utf-8")
    os.replace(tmp, path)
    return load()
