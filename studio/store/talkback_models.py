"""Talkback messages and rule firings (owned by studio.talkback and studio.rules).

Kept apart from `models.py` so each feature owns its tables; `models.py` imports this module at
its end so that `Base.metadata` (migrations, create_all) has every table.
"""

from __future__ import annotations
