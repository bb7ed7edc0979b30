"""The report's own words in English and Simplified Chinese.

The report is built headless (CLI, worker thread), where Qt translators may not be loaded, so it
carries its words here; incident categories and metric names come from their own modules.
"""

from __future__ import annotations

from typing import Final

LANGS: Final = ("en", "zh_CN")

_S: Final[dict[str, tuple[str, str]]] = {
    "report": ("Show review", "直播复盘"),
    "rehearsal": ("REHEARSAL — not compared with live shows", "彩排 — 不与正式直播比较"),
    "generated": ("Generated {at}", "生成于 {at}"),
    "platform": ("Platform", "平台"),
    "theme": ("Theme", "主题"),
    "slot": ("Time slot", "时段"),
    "planned": ("Planned", "计划"),
    "actual": ("Actual", "实际"),
    "campaign": ("Campaign", "活动"),
    "campaign_share": ("campaign share {share}", "活动分摊 {share}"),
    "no_data": ("No metric samples were recorded for this show.", "本场没有记录到数据。"),
    # sections
    "sec.headline": ("Headline", "核心数据"),
    "sec.trend": ("Compared with previous shows", "与往期直播对比"),
    "sec.timeline": ("Timeline", "直播时间线"),
    "sec.segments": ("Segments: planned vs actual", "环节：计划与实际"),
    "sec.products": ("Products", "商品"),
    "sec.funnel": ("Conversion funnel", "转化漏斗"),
    "sec.scatter": ("Online viewers vs GMV per minute", "在线人数与每分钟成交金额"),
    "sec.traffic": ("Traffic sources", "流量来源"),
    "sec.audience": ("Audience profile", "观众画像"),
    "sec.incidents": ("Incidents", "事故"),
    "sec.talkback": ("Talkback and automatic prompts", "给主播的提示与自动提示"),
    "talk.message": ("Message", "提示"),
    "talk.question": ("Question", "观众问题"),
    "talk.rule": ("Rule", "规则"),
    "talk.seen": ("seen", "已读"),
    "talk.expired": ("not seen (expired)", "未读（已过期）"),
    "talk.waiting": ("not seen yet", "尚未查看"),
    "col.talk_kind": ("Kind", "类型"),
    "role.controller": ("Controller", "场控"),
    "role.cs": ("Customer service", "客服"),
    "role.anchor": ("Anchor", "主播"),
    "role.tech": ("Studio tech", "技术"),
    "role.review": ("Operations", "运营"),
    "role.api": ("Remote control", "远程控制"),
    "col.from": ("From", "来自"),
    "sec.checks": ("Device checks before the show", "开播前设备检查"),
    "sec.tasks": ("Warm-up tasks", "预热任务"),
    "sec.crew": ("Crew", "人员"),
    "sec.segment_audience": (
        "Segments: viewers, follows and watch time",
        "环节：人气、关注与停留",
    ),
    "sec.channels": ("Traffic sources: entries, GMV and ROI", "流量来源：进入人数、成交与投产"),
    "sec.carried": ("Actions from earlier reviews", "往期复盘待办"),
    "sec.actions": ("Actions decided in this review", "本场复盘待办"),
    "sec.price_periods": ("Products: GMV by price period", "商品：分价格时段成交"),
    "sec.product_changes": ("Product changes", "商品改动记录"),
    # headline tiles
    "gmv": ("GMV", "成交金额"),
    "target": ("target {target}", "目标 {target}"),
    "of_target": ("{pct} of target", "完成目标 {pct}"),
    "no_target": ("no target set", "未设目标"),
    "orders": ("Orders", "成交订单"),
    "buyers": ("Buyers", "成交人数"),
    "aov": ("Average order value", "客单价"),
    "gpm": ("GPM", "GPM"),
    "uv_value": ("UV value", "UV价值"),
    "peak_online": ("Peak online", "最高在线"),
    "avg_online": ("Average online", "平均在线"),
    "avg_watch": ("Average watch time", "人均观看时长"),
    "new_followers": ("New followers", "新增粉丝"),
    "roi": ("ROI", "ROI"),
    "ad_spend": ("ad spend {spend}", "投放消耗 {spend}"),
    "viewers": ("Total viewers", "累计观看人数"),
    "of_traffic_target": (
        "{pct} of traffic target {target}",
        "完成流量目标 {pct}（目标 {target}）",
    ),
    "no_traffic_target": ("no traffic target set", "未设流量目标"),
    "duration": ("Duration", "时长"),
    "ctr": ("Product CTR", "商品点击率"),
    "cvr": ("Click-to-buy rate", "点击成交转化率"),
    # tables
    "col.segment": ("Segment", "环节"),
    "col.planned_start": ("Planned start", "计划开始"),
    "col.actual_start": ("Actual start", "实际开始"),
    "col.planned_dur": ("Planned", "计划时长"),
    "col.actual_dur": ("Actual", "实际时长"),
    "col.over": ("Over/under", "超时/提前"),
    "col.gmv": ("GMV", "成交金额"),
    "col.orders": ("Orders", "订单"),
    "col.gained": ("Viewers in", "进入"),
    "col.lost": ("Viewers out", "离开"),
    "col.avg_online": ("Avg online", "平均在线"),
    "col.ctr": ("CTR", "CTR"),
    "col.cvr": ("CVR", "CVR"),
    "col.product": ("Product", "商品"),
    "col.sku": ("SKU", "SKU"),
    "col.exposures": ("Exposures", "曝光"),
    "col.clicks": ("Clicks", "点击"),
    "col.buyers": ("Buyers", "成交人数"),
    "col.stock": ("Stock", "库存"),
    "col.sold_through": ("Sold-through", "售罄率"),
    "col.show": ("Show", "场次"),
    "col.date": ("Date", "日期"),
    "col.target_pct": ("% of target", "目标完成"),
    "col.gpm": ("GPM", "GPM"),
    "col.peak": ("Peak online", "最高在线"),
    "col.time": ("Time", "时间"),
    "col.category": ("Category", "类别"),
    "col.severity": ("Severity", "严重度"),
    "col.status": ("Status", "状态"),
    "col.text": ("What happened", "描述"),
    "col.resolve": ("Time to resolve", "解决用时"),
    "col.kind": ("Check", "检查项"),
    "col.result": ("Result", "结果"),
    "col.notes": ("Notes", "备注"),
    "col.task": ("Task", "任务"),
    "col.owner": ("Owner", "负责人"),
    "col.due": ("Due", "截止"),
    "col.role": ("Role", "角色"),
    "col.name": ("Name", "姓名"),
    "col.share": ("Share", "占比"),
    "col.seg_kind": ("Kind", "类型"),
    "col.online_change": ("Online change", "在线变化"),
    "col.followers": ("New followers", "新增粉丝"),
    "col.follow_rate": ("Follow rate", "转粉率"),
    "col.avg_watch": ("Avg watch time", "人均停留"),
    "col.channel": ("Channel", "渠道"),
    "col.entries": ("Entries", "进入人数"),
    "col.gmv_share": ("GMV share", "成交占比"),
    "col.spend": ("Spend", "消耗"),
    "col.roi": ("ROI", "ROI"),
    "col.action": ("Action", "待办事项"),
    "col.from_show": ("From the review of", "来自复盘"),
    "col.total": ("Total", "合计"),
    "col.period": ("Period", "时段"),
    "col.price": ("Price", "价格"),
    "col.flash": ("Flash sale", "秒杀"),
    "col.units": ("Units", "件数"),
    "col.what": ("What", "改动项"),
    "col.change": ("Old → new", "原值 → 新值"),
    "col.who": ("Who", "操作人"),
    "col.reason": ("Reason", "原因"),
    "yes": ("yes", "是"),
    "no": ("no", "否"),
    "period.total": ("{product}: all periods", "{product}：全部时段"),
    # product fields as a change names them
    "pf.state": ("State", "状态"),
    "pf.link": ("Link number", "链接号"),
    "pf.live_price_cents": ("Live price", "直播价"),
    "pf.floor_cents": ("Price floor", "底价"),
    "pf.stock_added": ("Stock added", "补货"),
    "pf.low_stock_at": ("Low-stock threshold", "低库存提醒"),
    "pf.flash_price_cents": ("Flash-sale price", "秒杀价"),
    "pf.flash_quota": ("Flash-sale quota", "秒杀限量"),
    "pf.flash_starts_at": ("Flash sale starts", "秒杀开始"),
    "pf.flash_ends_at": ("Flash sale ends", "秒杀结束"),
    "ps.pending": ("pending", "待上架"),
    "ps.listed": ("listed", "已上架"),
    "ps.presenting": ("presenting", "讲解中"),
    "ps.sold_out": ("sold out", "已售罄"),
    "ps.unlisted": ("unlisted", "已下架"),
    "undo": ("undo", "撤销"),
    "this_show": ("this show", "本场"),
    "skipped": ("skipped", "已跳过"),
    "not_reached": ("not reached", "未进行"),
    "seg.cut": ("cut short", "提前结束"),
    "seg.running": ("running", "进行中"),
    "due.next_show": ("next show", "下一场"),
    "action.done": ("done", "已完成"),
    "action.open": ("not done", "未完成"),
    "action.later": ("not due yet", "未到期"),
    # segment kinds
    "kind.opening": ("opening", "开场"),
    "kind.product": ("product", "讲品"),
    "kind.interaction": ("interaction", "互动"),
    "kind.lucky_bag": ("lucky bag", "福袋"),
    "kind.flash_sale": ("flash sale", "秒杀"),
    "kind.qa": ("Q&A", "答疑"),
    "kind.closing": ("closing", "收尾"),
    "kind.talk": ("talk", "口播"),
    "none": ("None recorded.", "无记录。"),
    # funnel steps
    "f.exposures": ("Room exposures", "直播间曝光人数"),
    "f.entries": ("Entries", "进入人数"),
    "f.viewers_total": ("Viewers", "观看人数"),
    "f.product_exposures": ("Product exposures", "商品曝光"),
    "f.product_clicks": ("Product clicks", "商品点击人数"),
    "f.orders": ("Orders", "成交订单数"),
    "f.buyers": ("Buyers", "成交人数"),
    "f.rate": ("{rate} of previous step", "上一步的 {rate}"),
    "f.over": (
        "(above 100 %: counts showings, not people)",
        "（多于上一步：按展示次数计，非人数）",
    ),
    # charts
    "chart.online": ("Online viewers", "在线人数"),
    "chart.gmv_min": ("GMV per minute", "每分钟成交金额"),
    "chart.minutes": ("minutes since start", "开播后分钟数"),
    "chart.incident": ("incident", "事故"),
    "chart.r": ("Pearson r = {r} over {n} minutes", "皮尔逊相关系数 r = {r}（{n} 分钟）"),
    "chart.r_none": ("not enough data for a correlation", "数据不足，无法计算相关性"),
    "chart.r_strong": ("viewers and sales move together", "人数与成交同步变化"),
    "chart.r_weak": ("more viewers did not mean more sales", "人多不一定成交多"),
    # incidents
    "inc.summary": (
        "{count} incidents, {unresolved} not resolved; median time to resolve {median}, longest {max}",
        "共 {count} 起事故，{unresolved} 起未解决；解决用时中位数 {median}，最长 {max}",
    ),
    "status.open": ("open", "未处理"),
    "status.mitigated": ("mitigated", "已缓解"),
    "status.resolved": ("resolved", "已解决"),
    "check.pass": ("pass", "通过"),
    "check.warn": ("warning", "警告"),
    "check.fail": ("fail", "未通过"),
    "task.done": ("done", "已完成"),
    "task.late": ("done late", "逾期完成"),
    "task.missed": ("missed", "未完成（逾期）"),
    "task.pending": ("not done", "未完成"),
    "tasks.summary": ("{done} of {total} done", "已完成 {done}/{total}"),
    # audience breakdown names
    "b.traffic_sources": ("Traffic sources", "流量来源"),
    "b.gender": ("Gender", "性别"),
    "b.age": ("Age", "年龄"),
    "b.region": ("Region", "地域"),
    "b.city": ("City", "城市"),
    "b.device": ("Device", "设备"),
    "b.province": ("Province", "省份"),
    "b.city_tier": ("City tier", "城市等级"),
    "b.new_returning": ("New vs returning", "新老用户"),
    "b.follower": ("Followers", "粉丝与非粉丝"),
    # audience labels stored as keys (studio.traffic.audience.LABELS)
    "al.male": ("Male", "男"),
    "al.female": ("Female", "女"),
    "al.unknown": ("Unknown", "未知"),
    "al.new": ("New", "新用户"),
    "al.returning": ("Returning", "老用户"),
    "al.follower": ("Followers", "粉丝"),
    "al.non_follower": ("Non-followers", "非粉丝"),
    "al.ios": ("iOS", "iOS"),
    "al.android": ("Android", "安卓"),
    "al.pc": ("PC", "电脑"),
    "page": ("Page {n} of {total}", "第 {n} 页 / 共 {total} 页"),
    # insights across shows
    "ins.slot": ("Weekday, start", "开播时段"),
    "ins.shows": ("Shows", "场次"),
    "ins.hours": ("Hours", "时长（小时）"),
    "ins.gmv_per_hour": ("GMV per hour", "每小时成交金额"),
    "ins.viewers_per_hour": ("Viewers per hour", "每小时观看人数"),
    "ins.segments": ("Segments", "环节数"),
    "ins.minutes": ("Minutes", "分钟"),
    "ins.gmv_per_minute": ("GMV per minute", "每分钟成交金额"),
    "ins.followers_per_segment": ("Followers per segment", "每环节新增粉丝"),
    "ins.entries_per_segment": ("Entries per segment", "每环节进入人数"),
    "ins.anchor": ("Anchor", "主播"),
    "ins.weekday": ("Weekday", "星期"),
    "ins.cell": (
        "{gmv}/h\n{viewers} viewers/h · {shows} shows",
        "{gmv}/小时\n{viewers} 人/小时 · {shows} 场",
    ),
    "ins.cell1": ("{gmv}/h\n{viewers} viewers/h · 1 show", "{gmv}/小时\n{viewers} 人/小时 · 1 场"),
}


def s(key: str, lang: str = "en", **params: object) -> str:
    """The report's word `key` in `lang`, with `params` filled in."""
    pair = _S.get(key)
    if pair is None:
        return key
    template = pair[1] if lang.startswith("zh") else pair[0]
    if not params:
        return template
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def share_label(breakdown: str, label: str, lang: str = "en") -> str:
    """A label of a traffic or audience chart in a language: channel keys and the audience
    keys (male, new, follower ...) are named; ages, places and unknown channels stay as written."""
    if breakdown == "traffic_sources":
        from studio.traffic.channels import channel_label

        return channel_label(label, lang)
    return s(f"al.{label}", lang) if f"al.{label}" in _S else label


def normalize_lang(lang: str | None) -> str:
    if not lang:
        return "en"
    return "zh_CN" if lang.lower().replace("-", "_").startswith("zh") else "en"
