"""Planning messages in both languages.

The checklist and stock warnings are computed headless (CLI, report), where Qt's translators are
not loaded, so each message is a key + parameters rendered from this table.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from studio.compliance.gate import GATE_TEXTS

LANGS: Final = ("en", "zh_CN")

_T: Final[dict[str, tuple[str, str]]] = {
    # readiness items
    "item.targets": ("Targets set", "目标已设定"),
    "item.script": ("Script valid", "脚本有效"),
    "item.products": ("Products priced and in stock", "商品已定价且有库存"),
    "item.device": ("Device check: {kind}", "设备检查：{kind}"),
    "item.crew": ("Crew assigned", "人员已安排"),
    "item.warmup": ("Warm-up tasks done", "预热任务已完成"),
    "item.links": ("Every product has a link number", "每个商品都有链接号"),
    "item.prices": ("Live prices within list price and floor", "直播价不高于原价、不低于底价"),
    "item.flash_quota": ("Flash-sale quotas within stock", "秒杀限量不超过库存"),
    "item.coupons": ("Coupons valid and above the floor", "优惠券有效且到手价不低于底价"),
    "item.stock_plan": ("Stock covers the planned sales", "库存足够计划销量"),
    # readiness messages
    "targets.ok": (
        "GMV target {gmv}, traffic target {traffic}",
        "GMV 目标 {gmv}，流量目标 {traffic}",
    ),
    "targets.no_gmv": ("no GMV target", "未设定 GMV 目标"),
    "targets.no_traffic": ("no traffic target", "未设定流量目标"),
    "script.ok": (
        "{segments} segments, {duration} planned",
        "{segments} 个环节，计划时长 {duration}",
    ),
    "script.none": ("no script loaded", "未加载脚本"),
    "script.empty": ("the script has no segments", "脚本没有环节"),
    "script.invalid": ("{count} problem(s): {first}", "{count} 个问题：{first}"),
    "products.ok": ("{count} products ready", "{count} 个商品就绪"),
    "products.none": ("no products selected", "未选择商品"),
    "products.problems": (
        "{fails} blocking, {warns} warning(s): {first}",
        "{fails} 个阻断，{warns} 个警告：{first}",
    ),
    "device.ok": ("{status} at {at}", "{at} 检查结果：{status}"),
    "device.missing": ("not checked before this show", "本场开播前未检查"),
    "device.failed": ("failed at {at}: {first}", "{at} 检查未通过：{first}"),
    "crew.ok": ("{names}", "{names}"),
    "crew.missing": ("no {roles}", "缺少{roles}"),
    "warmup.ok": ("{done}/{total} done", "已完成 {done}/{total}"),
    "warmup.none": ("no warm-up tasks", "没有预热任务"),
    "warmup.missed": ("{missed} overdue: {first}", "{missed} 个逾期：{first}"),
    "waived": ("waived: {reason}", "已豁免：{reason}"),
    # live products (studio.products)
    "links.ok": ("{count} products numbered", "{count} 个商品已编号"),
    "links.missing": (
        "{count} product(s) without a link number, first {first}",
        "{count} 个商品没有链接号，第一个：{first}",
    ),
    "links.twice": ("link {link} is both {a} and {b}", "链接号 {link} 同时是 {a} 和 {b}"),
    "prices.ok": ("all prices within list price and floor", "价格均在原价与底价之间"),
    "prices.above_list": (
        "{sku}: live price {live} is above list price {list}",
        "{sku}：直播价 {live} 高于原价 {list}",
    ),
    "prices.below_floor": (
        "{sku}: price {price} is below the floor {floor}",
        "{sku}：价格 {price} 低于底价 {floor}",
    ),
    "flash.ok": ("{count} flash sale(s) within stock", "{count} 场秒杀均未超库存"),
    "flash.over_stock": (
        "{sku}: flash-sale quota {quota} is more than the stock {stock}",
        "{sku}：秒杀限量 {quota} 超过库存 {stock}",
    ),
    "coupons.none": ("no coupons", "没有优惠券"),
    "coupons.ok": ("{count} coupon(s) valid through the show", "{count} 张优惠券整场有效"),
    "coupons.expire": (
        "coupon {coupon} expires at {at}, before the show ends",
        "优惠券 {coupon} 于 {at} 过期，早于直播结束",
    ),
    "coupons.below_floor": (
        "{sku}: coupons take the price to {price}, below the floor {floor}",
        "{sku}：叠券后到手价 {price}，低于底价 {floor}",
    ),
    "stockplan.ok": ("stock covers the planned sales", "库存足够计划销量"),
    "stockplan.short": (
        "{count} product(s) short, first {sku}: {planned} planned, stock {stock}",
        "{count} 个商品库存不足，第一个 {sku}：计划 {planned}，库存 {stock}",
    ),
    # stock warnings
    "stock.no_price": ("{sku}: no live price", "{sku}：未设直播价"),
    "stock.out": ("{sku}: out of stock", "{sku}：无库存"),
    "stock.short": (
        "{sku}: planned {demand} (flash {flash} + expected {expected}) exceeds stock {stock}",
        "{sku}：计划 {demand}（秒杀 {flash} + 预计 {expected}）超过库存 {stock}",
    ),
    "stock.low": (
        "{sku}: low stock, {left} left after planned sales",
        "{sku}：库存偏低，计划售出后剩 {left}",
    ),
    "stock.price_above_list": (
        "{sku}: live price {live} is above list price {list}",
        "{sku}：直播价 {live} 高于原价 {list}",
    ),
    "stock.flash_above_live": (
        "{sku}: flash price {flash} is not below live price {live}",
        "{sku}：秒杀价 {flash} 不低于直播价 {live}",
    ),
    # statuses
    "status.pass": ("pass", "通过"),
    "status.warn": ("warning", "警告"),
    "status.fail": ("blocked", "未通过"),
    "status.waived": ("waived", "已豁免"),
    "show.planned": ("planned", "计划中"),
    "show.ready": ("ready", "已就绪"),
    "show.live": ("live", "直播中"),
    "show.ended": ("ended", "已结束"),
    # crew roles
    "role.anchor": ("anchor", "主播"),
    "role.assistant_anchor": ("assistant anchor", "副播"),
    "role.controller": ("controller", "场控"),
    "role.customer_service": ("customer service", "客服"),
    "role.tech": ("tech", "技术"),
    # device kinds
    "kind.camera": ("camera", "摄像头"),
    "kind.mic": ("microphone", "麦克风"),
    "kind.light": ("lighting", "灯光"),
    "kind.obs": ("encoder (OBS)", "推流 (OBS)"),
    # earlier reviews' actions (studio.planning.review_actions)
    "item.review_actions": ("Actions from earlier reviews", "往期复盘待办"),
    "actions.open": ("{open} not done: {first} ({owner})", "{open} 项未完成：{first}（{owner}）"),
    "actions.later": ("{open} open, not due yet", "{open} 项未到期"),
    "actions.done": ("{done} done", "已完成 {done} 项"),
    # the stream test (studio.planning.stream_gate)
    "item.stream": ("Stream test", "推流测试"),
    "stream.ok": ("{status} at {at}", "{at} 检查结果：{status}"),
    "stream.missing": (
        "no OBS check or test recording before this show",
        "本场开播前未做 OBS 检查和测试录制",
    ),
    "stream.obs_failed": ("OBS check failed at {at}: {first}", "{at} OBS 检查未通过：{first}"),
    "stream.recording_failed": (
        "test recording failed at {at}: {first}",
        "{at} 测试录制未通过：{first}",
    ),
    "stream.no_recording": (
        "OBS checked at {at}, no test recording yet",
        "{at} 已检查 OBS，尚未测试录制",
    ),
    "stream.no_obs_check": (
        "test recording at {at}, no OBS check",
        "{at} 已测试录制，未做 OBS 检查",
    ),
}
# The compliance item's words live with the checker (studio.compliance.gate).
_T.update(GATE_TEXTS)


def tr(key: str, lang: str = "en", **params: Any) -> str:
    """The message `key` in `lang` with `params` filled in; unknown keys show themselves."""
    pair = _T.get(key)
    if pair is None:
        return key
    template = pair[1] if lang.startswith("zh") else pair[0]
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def label(prefix: str, value: str, lang: str = "en") -> str:
    """A role, status or kind word: `label("role", "controller", "zh_CN")` -> 场控."""
    key = f"{prefix}.{value}"
    return tr(key, lang) if key in _T else value


def _param(value: Any, lang: str) -> Any:
    """Parameters may be messages themselves (rendered in the same language) or lists of them."""
    if (
        isinstance(value, tuple)
        and len(value) == 2
        and isinstance(value[0], str)
        and isinstance(value[1], Mapping)
    ):
        return render(value, lang)
    if isinstance(value, list):
        sep = "、" if lang.startswith("zh") else ", "
        return sep.join(str(_param(v, lang)) for v in value)
    return value


def render(message: tuple[str, Mapping[str, Any]], lang: str) -> str:
    key, params = message
    return tr(key, lang, **{k: _param(v, lang) for k, v in params.items()})
