"""Logging to a rotating file in the user log folder (and stderr when asked)."""

from __future__ import annotations

import logging
import logging.handlers
import sys

from studio import paths

_FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"


def log_file() -> str:
    return str(paths.log_dir() / "studio.log")


def setup_logging(verbose: bool = False) -> None:
    root = logging.getLogger()
    if any(getattr(h, "_studio", False) for h in root.handlers):
        return
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    try:
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            log_file(), maxBytes=5_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError as exc:
        print(f"studio: cannot write the log file ({exc}); logging to stderr", file=sys.stderr)
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._studio = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    if verbose:
        err = logging.StreamHandler(sys.stderr)
        err.setFormatter(logging.Formatter(_FORMAT))
        err._studio = True  # type: ignore[attr-defined]
        root.addHandler(err)
    # Password-bearing request logs of client libraries stay out of the file.
    logging.getLogger("obsws_python").setLevel(logging.WARNING)
