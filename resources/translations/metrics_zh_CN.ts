<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MetricsPanel</name>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="228"/>
        <source>Last 15 min</source>
        <translation>最近15分钟</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="229"/>
        <source>Whole show</source>
        <translation>整场</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="241"/>
        <source>GMV</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="242"/>
        <location filename="../../studio/ui/panels/metrics.py" line="263"/>
        <source>Online viewers</source>
        <translation>在线人数</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="243"/>
        <source>Orders</source>
        <translation>成交订单</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="244"/>
        <source>GPM</source>
        <translation>千次观看成交金额 (GPM)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="245"/>
        <source>Product CTR</source>
        <translation>商品点击率</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="246"/>
        <source>Click-to-buy rate</source>
        <translation>点击成交转化率</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="247"/>
        <source>Average order value</source>
        <translation>客单价</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="264"/>
        <source>GMV (¥) vs target</source>
        <translation>成交金额 (¥) 与目标</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="265"/>
        <source>Orders per minute</source>
        <translation>每分钟成交订单</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="266"/>
        <source>CTR / CVR, rolling 5 min (%)</source>
        <translation>点击率 / 转化率，近5分钟 (%)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="490"/>
        <source>No show loaded</source>
        <translation>未加载场次</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="491"/>
        <source>Load a show to see its live numbers.</source>
        <translation>加载场次后即可查看实时数据。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="492"/>
        <source>Load a show</source>
        <translation>加载场次</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="497"/>
        <source>No metrics yet</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="500"/>
        <source>Start the metrics feed (simulator, file tail or HTTP ingest) to see viewers and GMV.</source>
        <translation>启动数据接入（模拟器、文件追踪或 HTTP 接入）即可查看在线人数和成交金额。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="504"/>
        <source>Start the metrics feed</source>
        <translation>启动数据接入</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="549"/>
        <source>{pct} of target · pace {pace}</source>
        <translation>完成目标 {pct} · 预计 {pace}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="554"/>
        <source>peak {peak}</source>
        <translation>峰值 {peak}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="558"/>
        <source>{n} buyers</source>
        <translation>成交人数 {n}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="562"/>
        <source>UV value {v}</source>
        <translation>UV价值 {v}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="571"/>
        <source>Updated {t} ({n} s ago)</source>
        <translation>更新于 {t}（{n} 秒前）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="573"/>
        <source>Updated {t}</source>
        <translation>更新于 {t}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="896"/>
        <source>Online viewers: {v}</source>
        <translation>在线人数：{v}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="897"/>
        <source>GMV: {v}</source>
        <translation>成交金额：{v}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="898"/>
        <source>Orders: {v}</source>
        <translation>成交订单：{v}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="943"/>
        <source>Feed stalled</source>
        <translation>数据中断</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="944"/>
        <source>Viewers dropping</source>
        <translation>在线人数下跌</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="945"/>
        <source>GMV pace behind target</source>
        <translation>成交进度落后于目标</translation>
    </message>
</context>
</TS>
