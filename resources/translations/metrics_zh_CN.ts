<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MetricsPanel</name>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="132"/>
        <source>Last 15 min</source>
        <translation>最近15分钟</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="133"/>
        <source>Whole show</source>
        <translation>整场</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="145"/>
        <source>GMV</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="146"/>
        <location filename="../../studio/ui/panels/metrics.py" line="167"/>
        <source>Online viewers</source>
        <translation>在线人数</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="147"/>
        <source>Orders</source>
        <translation>成交订单</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="148"/>
        <source>GPM</source>
        <translation>千次观看成交金额 (GPM)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="149"/>
        <source>Product CTR</source>
        <translation>商品点击率</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="150"/>
        <source>Click-to-buy rate</source>
        <translation>点击成交转化率</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="151"/>
        <source>Average order value</source>
        <translation>客单价</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="168"/>
        <source>GMV (¥) vs target</source>
        <translation>成交金额 (¥) 与目标</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="169"/>
        <source>Orders per minute</source>
        <translation>每分钟成交订单</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="170"/>
        <source>CTR / CVR, rolling 5 min (%)</source>
        <translation>点击率 / 转化率，近5分钟 (%)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="321"/>
        <source>No show loaded</source>
        <translation>未加载场次</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="322"/>
        <source>Load a show to see its live numbers.</source>
        <translation>加载场次后即可查看实时数据。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="323"/>
        <source>Load a show</source>
        <translation>加载场次</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="328"/>
        <source>No metrics yet</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="331"/>
        <source>Start the metrics feed (simulator, file tail or HTTP ingest) to see viewers and GMV.</source>
        <translation>启动数据接入（模拟器、文件追踪或 HTTP 接入）即可查看在线人数和成交金额。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="335"/>
        <source>Start the metrics feed</source>
        <translation>启动数据接入</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="380"/>
        <source>{pct} of target · pace {pace}</source>
        <translation>完成目标 {pct} · 预计 {pace}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="385"/>
        <source>peak {peak}</source>
        <translation>峰值 {peak}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="389"/>
        <source>{n} buyers</source>
        <translation>成交人数 {n}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="393"/>
        <source>UV value {v}</source>
        <translation>UV价值 {v}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="399"/>
        <source>Updated {t}</source>
        <translation>更新于 {t}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="586"/>
        <source>Online viewers: {v}</source>
        <translation>在线人数：{v}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="587"/>
        <source>GMV: {v}</source>
        <translation>成交金额：{v}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="588"/>
        <source>Orders: {v}</source>
        <translation>成交订单：{v}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="632"/>
        <source>Feed stalled</source>
        <translation>数据中断</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="633"/>
        <source>Viewers dropping</source>
        <translation>在线人数下跌</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/metrics.py" line="634"/>
        <source>GMV pace behind target</source>
        <translation>成交进度落后于目标</translation>
    </message>
</context>
</TS>
