"""What to do first for each kind of incident: the checklist offered when one is logged.

A studio edits these in its profile, e.g.

    playbooks:
      technical: [switch to backup camera, restart the push, tell the anchor to fill, call IT]
"""

from __future__ import annotations

import logging
from typing import Any

from studio.incidents.categories import CATEGORY_KEYS
from studio.profile import Profile

log = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {
    "technical": [
        "switch to backup camera",
        "restart the push",
        "tell the anchor to fill",
    ],
    "product": [
        "unlist the link",
        "correct the price on screen",
        "anchor states the correction",
    ],
    "anchor": [
        "prompt the anchor with the correct fact",
        "switch shot to cover",
        "anchor states the correction",
    ],
    "compliance": [
        "stop the flagged wording",
        "screenshot the platform notice",
        "tell the anchor what to avoid",
    ],
    "other": [
        "note what happened",
    ],
}


def playbook(profile: Profile | None, category: str) -> list[str]:
    """The checklist items for `category`, the profile's version when it has a usable one."""
    section = profile.section("playbooks", DEFAULTS) if profile is not None else DEFAULTS
    items = section.get(category, [])
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        where = profile.path if profile is not None else "defaults"
        log.warning(
            "%s: playbooks.%s must be a list of text items; using the defaults", where, category
        )
        items = DEFAULTS.get(category, [])
    return [str(i).strip() for i in items if str(i).strip()]


def checklist(profile: Profile | None, category: str) -> list[dict[str, Any]]:
    """A fresh, unticked checklist as stored on an incident."""
    return [{"item": item, "done": False} for item in playbook(profile, category)]


def all_playbooks(profile: Profile | None) -> dict[str, list[str]]:
    return {key: playbook(profile, key) for key in CATEGORY_KEYS}
