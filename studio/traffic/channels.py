"""Traffic channels (流量来源) and the names the platforms' exports give them.

Each export row keeps the label it had in the file; the channel is what the review groups by
(千川PC版 and 千川品牌广告 are both paid traffic). A label no variant matches is kept as itself and
counted as "other" in the charts, so a channel a platform adds next month is imported, not refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from studio.traffic.cells import norm


@dataclass(frozen=True)
class Channel:
    key: str
    zh: str
    en: str
    paid: bool
    names: tuple[str, ...]


CHANNELS: Final = (
    Channel("feed", "推荐feed", "Recommended feed", False,
            ("推荐feed", "推荐", "直播推荐", "推荐流量", "自然推荐", "推荐页", "视频推荐feed",
             "直播推荐feed", "feed", "recommended", "recommendation")),
    Channel("short_video", "短视频引流", "Short videos", False,
            ("短视频引流", "短视频", "视频引流", "短视频推荐", "短视频导流", "作品引流",
             "shortvideo", "video")),
    Channel("follow", "关注", "Following", False,
            ("关注", "关注tab", "关注页", "关注页面", "粉丝", "关注列表", "following", "follow")),
    Channel("search", "搜索", "Search", False, ("搜索", "抖音搜索", "搜索流量", "search")),
    Channel("paid", "千川/付费", "Paid (Qianchuan)", True,
            ("千川/付费", "千川", "付费", "付费流量", "巨量千川", "千川PC版", "千川品牌广告",
             "千川广告", "广告", "DOU+", "dou", "随心推", "小店随心推", "竞价广告", "品牌广告",
             "paid", "ads", "qianchuan")),
    Channel("local", "同城", "Nearby", False, ("同城", "同城页", "同城推荐", "nearby", "local")),
    Channel("profile", "个人主页", "Profile page", False,
            ("个人主页", "个人主页&店铺&橱窗", "主页", "个人页", "店铺", "橱窗", "profile",
             "homepage")),
    Channel("plaza", "直播广场", "Live plaza", False, ("直播广场", "广场", "liveplaza", "plaza")),
    Channel("mall", "商城", "Mall", False, ("抖音商城", "商城", "商城推荐", "mall")),
    Channel("other", "其他", "Other", False,
            ("其他", "其它", "其他来源", "其他流量", "other", "others")),
)  # fmt: skip
_BY_KEY: Final = {c.key: c for c in CHANNELS}
_BY_NAME: Final = {norm(n): c.key for c in CHANNELS for n in c.names}
# Rows that sum the others up; imported they would double every figure.
TOTAL_LABELS: Final = frozenset(norm(n) for n in ("合计", "总计", "汇总", "总体", "全部", "total"))


def channel_of(label: str) -> str | None:
    """The channel a label in an export names; None for a name no variant matches."""
    return _BY_NAME.get(norm(label))


def is_total(label: str) -> bool:
    return norm(label) in TOTAL_LABELS


def is_paid(key: str) -> bool:
    c = _BY_KEY.get(key)
    return c is not None and c.paid


def channel_label(key: str, lang: str = "en") -> str:
    """The channel's name in a language; an unknown key (a label kept as itself) shows as is."""
    c = _BY_KEY.get(key)
    if c is None:
        return key
    return c.zh if lang.startswith("zh") else c.en


def known(key: str) -> bool:
    return key in _BY_KEY
