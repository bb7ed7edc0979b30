"""Incident categories and severities, from the studio's emergency playbook.

Labels are kept here in both languages because the CLI, CSV export and reports (no Qt, no .qm
files) need them too; the Qt panel translates its own copies through `tr()`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Category:
    key: str
    label_en: str
    label_zh: str
    shortcut: str
    examples: tuple[tuple[str, str], ...]  # (English, Chinese) sub-types


CATEGORIES: tuple[Category, ...] = (
    Category(
        "technical",
        "Technical",
        "技术",
        "F1",
        (
            ("stream lag", "直播卡顿"),
            ("audio/video out of sync", "音画不同步"),
            ("camera fault", "摄像头故障"),
            ("microphone fault", "麦克风故障"),
            ("stream drop", "断流"),
        ),
    ),
    Category(
        "product",
        "Product",
        "商品",
        "F2",
        (
            ("wrong link", "链接错误"),
            ("wrong price", "价格错误"),
            ("out of stock", "缺货"),
            ("quality complaint", "质量投诉"),
        ),
    ),
    Category(
        "anchor",
        "Anchor",
        "主播",
        "F3",
        (
            ("slip of the tongue", "口误"),
            ("wrong price stated", "报错价格"),
            ("missed cue", "漏讲话术"),
        ),
    ),
    Category(
        "compliance",
        "Compliance",
        "合规",
        "F4",
        (
            ("platform warning", "平台警告"),
            ("banned word", "违禁词"),
        ),
    ),
    Category("other", "Other", "其他", "F5", ()),
)

CATEGORY_KEYS: tuple[str, ...] = tuple(c.key for c in CATEGORIES)
_BY_KEY = {c.key: c for c in CATEGORIES}


@dataclass(frozen=True)
class Severity:
    level: int
    code: str
    label_en: str
    label_zh: str


SEVERITIES: tuple[Severity, ...] = (
    Severity(1, "S1", "show interrupted", "直播中断"),
    Severity(2, "S2", "visible to viewers", "观众可见"),
    Severity(3, "S3", "internal", "内部"),
)
SEVERITY_LEVELS: tuple[int, ...] = tuple(s.level for s in SEVERITIES)
_BY_LEVEL = {s.level: s for s in SEVERITIES}

STATUSES: tuple[str, ...] = ("open", "mitigated", "resolved")
SOURCES: tuple[str, ...] = ("manual", "auto")


def category(key: str) -> Category:
    """The category for `key`; a ValueError names the valid ones."""
    try:
        return _BY_KEY[key.strip().lower()]
    except KeyError:
        raise ValueError(
            f"unknown incident category {key!r} (expected one of: {', '.join(CATEGORY_KEYS)})"
        ) from None


def severity(level: int) -> Severity:
    """The severity for 1, 2 or 3; a ValueError says what is allowed."""
    try:
        return _BY_LEVEL[int(level)]
    except (KeyError, ValueError, TypeError):
        raise ValueError(
            f"severity must be 1 (show interrupted), 2 (visible to viewers) or 3 (internal), "
            f"not {level!r}"
        ) from None


def check_status(status: str) -> str:
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r} (expected one of: {', '.join(STATUSES)})")
    return status
