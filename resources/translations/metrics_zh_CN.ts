<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MetricsAlerts</name>
    <message>
        <location filename="../../studio/metrics/alerts.py" line="43"/>
        <source>Metrics feed stalled: no sample for {secs:.0f} s</source>
        <translation>数据流中断：已 {secs:.0f} 秒没有新数据</translation>
    </message>
    <message>
        <location filename="../../studio/metrics/alerts.py" line="44"/>
        <source>Metrics feed has not started</source>
        <translation>数据流尚未开始</translation>
    </message>
    <message>
        <location filename="../../studio/metrics/alerts.py" line="45"/>
        <source>Online viewers dropped {drop:.0%} in {minutes:.0f} min ({peak} → {now})</source>
        <translation>在线人数 {minutes:.0f} 分钟内下降 {drop:.0%}（{peak} → {now}）</translation>
    </message>
    <message>
        <location filename="../../studio/metrics/alerts.py" line="48"/>
        <source>GMV pace {pace} is {pct:.0f}% of target {target}</source>
        <translation>GMV 进度 {pace}，仅为目标 {target} 的 {pct:.0f}%</translation>
    </message>
    <message>
        <location filename="../../studio/metrics/alerts.py" line="49"/>
        <source>Viewers pace {pace} is {pct:.0f}% of traffic target {target}</source>
        <translation>累计观看人数预计 {pace}，仅为流量目标 {target} 的 {pct:.0f}%</translation>
    </message>
</context>
<context>
    <name>MetricsPanel</name>
    <message>
        <location filename="../../studio/ui/metrics/panel.py" line="127"/>
        <source>Last 15 min</source>
        <translation>最近15分钟</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/panel.py" line="128"/>
        <source>Whole show</source>
        <translation>整场</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/graphs.py" line="93"/>
        <location filename="../../studio/ui/metrics/panel.py" line="140"/>
        <source>GMV</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/graphs.py" line="176"/>
        <location filename="../../studio/ui/metrics/panel.py" line="143"/>
        <source>Online viewers</source>
        <translation>在线人数</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/panel.py" line="144"/>
        <source>Orders</source>
        <translation>成交订单</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/panel.py" line="145"/>
        <source>GPM</source>
        <translation>千次观看成交金额 (GPM)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/panel.py" line="146"/>
        <source>Product CTR</source>
        <translation>商品点击率</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/panel.py" line="147"/>
        <source>Click-to-buy rate</source>
        <translation>点击成交转化率</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/panel.py" line="148"/>
        <source>Average order value</source>
        <translation>客单价</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/graphs.py" line="179"/>
        <source>Orders per minute</source>
        <translation>每分钟成交订单</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/graphs.py" line="102"/>
        <source>Rolling 5 min (%)</source>
        <translation>近 5 分钟滚动（%）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/graphs.py" line="92"/>
        <source>GMV (¥)</source>
        <translation>成交金额（¥）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/graphs.py" line="94"/>
        <source>target pace</source>
        <translation>目标进度</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/graphs.py" line="95"/>
        <source>projection</source>
        <translation>预计</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/graphs.py" line="96"/>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/graphs.py" line="103"/>
        <source>product CTR</source>
        <translation>商品点击率</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/graphs.py" line="104"/>
        <source>click-to-buy rate</source>
        <translation>点击成交转化率</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/graphs.py" line="143"/>
        <source>Stream health</source>
        <translation>推流健康</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/graphs.py" line="146"/>
        <source>bitrate (Mbit/s, left)</source>
        <translation>码率（Mbit/s，左轴）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/graphs.py" line="150"/>
        <source>dropped frames (%, right)</source>
        <translation>丢帧（%，右轴）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/graphs.py" line="154"/>
        <source>skipped frames (%, right)</source>
        <translation>跳帧（%，右轴）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/panel.py" line="142"/>
        <source>Total viewers</source>
        <translation>累计观看人数</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/panel.py" line="346"/>
        <source>No show loaded</source>
        <translation>未加载场次</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/panel.py" line="347"/>
        <source>Load a show to see its live numbers.</source>
        <translation>加载场次后即可查看实时数据。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/panel.py" line="348"/>
        <source>Load a show</source>
        <translation>加载场次</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/panel.py" line="353"/>
        <source>No metrics yet</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/panel.py" line="356"/>
        <source>Start the metrics feed (simulator, file tail or HTTP ingest) to see viewers and GMV.</source>
        <translation>启动数据接入（模拟器、文件追踪或 HTTP 接入）即可查看在线人数和成交金额。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/panel.py" line="360"/>
        <source>Start the metrics feed</source>
        <translation>启动数据接入</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/panel.py" line="378"/>
        <source>{pct} of target · pace {pace}</source>
        <translation>完成目标 {pct} · 预计 {pace}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/panel.py" line="386"/>
        <source>no traffic target · pace {pace}</source>
        <translation>未设流量目标 · 预计 {pace}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/panel.py" line="390"/>
        <source>{pct} of {target} · pace {pace}</source>
        <translation>目标 {target} 的 {pct} · 预计 {pace}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/panel.py" line="397"/>
        <source>peak {peak}</source>
        <translation>峰值 {peak}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/panel.py" line="401"/>
        <source>{n} buyers</source>
        <translation>成交人数 {n}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/panel.py" line="405"/>
        <source>UV value {v}</source>
        <translation>UV价值 {v}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/panel.py" line="414"/>
        <source>Updated {t} ({n} s ago)</source>
        <translation>更新于 {t}（{n} 秒前）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/panel.py" line="416"/>
        <source>Updated {t}</source>
        <translation>更新于 {t}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/crosshair.py" line="58"/>
        <source>Online viewers: {v}</source>
        <translation>在线人数：{v}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/crosshair.py" line="61"/>
        <source>GMV: {v}</source>
        <translation>成交金额：{v}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/crosshair.py" line="64"/>
        <source>Orders: {v}</source>
        <translation>成交订单：{v}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/crosshair.py" line="71"/>
        <source>Bitrate: {rate} Mbit/s</source>
        <translation>码率：{rate} Mbit/s</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/crosshair.py" line="74"/>
        <source>Dropped {dropped} · skipped {skipped}</source>
        <translation>丢帧 {dropped} · 跳帧 {skipped}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/overlays.py" line="74"/>
        <source>⚠ S%1 · %2 incidents</source>
        <translation>⚠ S%1 · %2 起事故</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/overlays.py" line="102"/>
        <source>%1 · %2 changes</source>
        <translation>%1 · %2 项改动</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/overlays.py" line="129"/>
        <source>Flash sale starts: %1, quota %2</source>
        <translation>秒杀开始：%1，限量 %2</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/overlays.py" line="134"/>
        <source>Flash sale ends</source>
        <translation>秒杀结束</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/overlays.py" line="146"/>
        <source>Price %1 → %2</source>
        <translation>价格 %1 → %2</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/overlays.py" line="152"/>
        <source>Floor %1 → %2</source>
        <translation>底价 %1 → %2</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/overlays.py" line="158"/>
        <source>Stock %1</source>
        <translation>库存 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/overlays.py" line="161"/>
        <source>State %1 → %2</source>
        <translation>状态 %1 → %2</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/overlays.py" line="167"/>
        <source>Link number %1 → %2</source>
        <translation>链接号 %1 → %2</translation>
    </message>
</context>
</TS>
