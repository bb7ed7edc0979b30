<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>IncidentDetailsDialog</name>
    <message>
        <location filename="../../studio/ui/incidents/dialog.py" line="74"/>
        <source>&amp;Severity</source>
        <translation>严重度(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/dialog.py" line="78"/>
        <source>&amp;What happened</source>
        <translation>事故经过(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/dialog.py" line="83"/>
        <source>&amp;Owner</source>
        <translation>负责人(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/dialog.py" line="87"/>
        <source>&amp;Action taken</source>
        <translation>处理措施(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/dialog.py" line="89"/>
        <source>e.g. 12 orders at the wrong price</source>
        <translation>例如：12 单按错误价格成交</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/dialog.py" line="90"/>
        <source>&amp;Impact</source>
        <translation>影响(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/dialog.py" line="100"/>
        <source>&amp;Playbook</source>
        <translation>应急预案(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/dialog.py" line="106"/>
        <source>History</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/dialog.py" line="110"/>
        <source>Mitigate (Ctrl+M)</source>
        <translation>已止损 (Ctrl+M)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/dialog.py" line="111"/>
        <source>Resolve (Ctrl+R)</source>
        <translation>已解决 (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/dialog.py" line="112"/>
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/dialog.py" line="114"/>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/dialog.py" line="138"/>
        <source>Incident #%1 · %2</source>
        <translation>事故 #%1 · %2</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/dialog.py" line="144"/>
        <source>logged %1</source>
        <translation>记录于 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/dialog.py" line="145"/>
        <source>segment %1</source>
        <translation>环节 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/dialog.py" line="177"/>
        <source>logged</source>
        <translation>已记录</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/dialog.py" line="204"/>
        <source>%1 of %2 done</source>
        <translation>已完成 %1/%2</translation>
    </message>
</context>
<context>
    <name>IncidentLabels</name>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="20"/>
        <source>Technical</source>
        <translation>技术</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="21"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="22"/>
        <location filename="../../studio/ui/incidents/labels.py" line="109"/>
        <source>Anchor</source>
        <translation>主播</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="23"/>
        <source>Compliance</source>
        <translation>合规</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="24"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="29"/>
        <source>S1 show interrupted</source>
        <translation>S1 直播中断</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="30"/>
        <source>S2 visible to viewers</source>
        <translation>S2 观众可见</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="31"/>
        <location filename="../../studio/ui/incidents/labels.py" line="38"/>
        <source>S3 internal</source>
        <translation>S3 内部</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="36"/>
        <source>S1 interrupted</source>
        <translation>S1 中断</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="37"/>
        <source>S2 visible</source>
        <translation>S2 可见</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="43"/>
        <source>Open</source>
        <translation>未处理</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="44"/>
        <source>Mitigated</source>
        <translation>已止损</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="45"/>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="49"/>
        <source>Logged</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="49"/>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="66"/>
        <source>condition cleared</source>
        <translation>状况已消除</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="69"/>
        <source>cleared: %1</source>
        <translation>已消除：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="76"/>
        <source>switch to backup camera</source>
        <translation>切换备用机位</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="77"/>
        <source>restart the push</source>
        <translation>重新推流</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="78"/>
        <source>tell the anchor to fill</source>
        <translation>提示主播救场</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="79"/>
        <source>unlist the link</source>
        <translation>下架链接</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="80"/>
        <source>correct the price on screen</source>
        <translation>更正屏幕上的价格</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="81"/>
        <source>anchor states the correction</source>
        <translation>主播口播更正</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="83"/>
        <source>prompt the anchor with the correct fact</source>
        <translation>向主播提示正确信息</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="85"/>
        <source>switch shot to cover</source>
        <translation>切换镜头掩护</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="86"/>
        <source>stop the flagged wording</source>
        <translation>停止使用违规话术</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="87"/>
        <source>screenshot the platform notice</source>
        <translation>截图保存平台通知</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="88"/>
        <source>tell the anchor what to avoid</source>
        <translation>告诉主播需避免的用语</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="89"/>
        <source>note what happened</source>
        <translation>记录事故经过</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="94"/>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="95"/>
        <source>severity</source>
        <translation>严重度</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="96"/>
        <source>owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="97"/>
        <source>action taken</source>
        <translation>处理措施</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="98"/>
        <source>impact</source>
        <translation>影响</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="99"/>
        <source>what happened</source>
        <translation>事故经过</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="100"/>
        <source>playbook</source>
        <translation>应急预案</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="101"/>
        <source>mitigated at</source>
        <translation>止损时间</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="102"/>
        <source>resolved at</source>
        <translation>解决时间</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="107"/>
        <source>(nobody yet)</source>
        <translation>(未指定)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="108"/>
        <source>Controller</source>
        <translation>场控</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="110"/>
        <source>Tech</source>
        <translation>技术</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/labels.py" line="111"/>
        <source>Customer service</source>
        <translation>客服</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <location filename="../../studio/ui/incidents/table.py" line="31"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/table.py" line="32"/>
        <source>Severity</source>
        <translation>严重度</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/table.py" line="33"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/table.py" line="34"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/table.py" line="35"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/table.py" line="36"/>
        <source>Segment · cue</source>
        <translation>环节 · 话术</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/table.py" line="37"/>
        <source>What happened</source>
        <translation>事故经过</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/table.py" line="38"/>
        <source>Open for / fixed in</source>
        <translation>持续 / 处理用时</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/table.py" line="40"/>
        <source>Duration</source>
        <translation>用时</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/table.py" line="95"/>
        <source>open %1</source>
        <translation>已持续 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/table.py" line="96"/>
        <source>mitigated in %1</source>
        <translation>%1 内止损</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/table.py" line="97"/>
        <source>resolved in %1</source>
        <translation>%1 内解决</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/table.py" line="118"/>
        <source>(add details: Enter)</source>
        <translation>(按 Enter 补充详情)</translation>
    </message>
</context>
<context>
    <name>IncidentsPanel</name>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="93"/>
        <location filename="../../studio/ui/incidents/panel.py" line="443"/>
        <source>Load or create a show to log incidents</source>
        <translation>请先打开或新建一场直播，再记录事故</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="95"/>
        <source>Incidents belong to a show: open its script or create one, then F1–F5 log what goes wrong.</source>
        <translation>事故记录属于某一场直播：先打开直播脚本或新建直播，然后用 F1–F5 记录出现的问题。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="98"/>
        <source>Open show script…</source>
        <translation>打开直播脚本…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="136"/>
        <source>Log a %1 incident now (%2; with Shift: S1)</source>
        <translation>立即记录一条%1事故（%2；加 Shift 为 S1）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="150"/>
        <source>F1–F5 log an incident now (Shift: S1 show interrupted). Enter: details · M: mitigate · R: resolve</source>
        <translation>F1–F5 立即记录事故（加 Shift：S1 直播中断）。Enter：详情 · M：止损 · R：解决</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="159"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="163"/>
        <source>All severities</source>
        <translation>全部严重度</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="166"/>
        <source>S1 + S2</source>
        <translation>S1 + S2</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="168"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="169"/>
        <source>Not resolved</source>
        <translation>未解决</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="173"/>
        <source>Logged and auto</source>
        <translation>手动和自动</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="177"/>
        <source>Category filter</source>
        <translation>类别筛选</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="178"/>
        <source>Severity filter</source>
        <translation>严重度筛选</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="179"/>
        <source>Status filter</source>
        <translation>状态筛选</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="180"/>
        <source>Source filter</source>
        <translation>来源筛选</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="186"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="214"/>
        <source>Incidents</source>
        <translation>事故</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="244"/>
        <location filename="../../studio/ui/incidents/panel.py" line="409"/>
        <source>No incidents yet. Press F1–F5 the moment something goes wrong.</source>
        <translation>暂无事故。出现问题时立即按 F1–F5 记录。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="279"/>
        <source>%1 incident(s) kept on this PC are now stored.</source>
        <translation>暂存在本机的 %1 条事故已写入数据库。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="361"/>
        <source>Could not read incidents: %1</source>
        <translation>无法读取事故记录：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="399"/>
        <source>%1 open · %2 mitigated · %3 in all</source>
        <translation>未处理 %1 · 已止损 %2 · 共 %3</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="405"/>
        <source>%1 shown</source>
        <translation>显示 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="412"/>
        <source>No incidents match the filters.</source>
        <translation>没有符合筛选条件的事故。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="473"/>
        <source>Kept on this PC (%1): it is stored as soon as the database can be written.</source>
        <translation>已暂存在本机（%1）：数据库可写后立即写入。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="481"/>
        <source>Logged offline at %1: it is stored when the database is back.</source>
        <translation>已于 %1 离线记录：数据库恢复后自动保存。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="492"/>
        <source>NOT logged (%1): %2</source>
        <translation>未能记录（%1）：%2</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="503"/>
        <source>#%1 %2 %3 logged at %4.</source>
        <translation>#%1 %2 %3 已于 %4 记录。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="512"/>
        <source>Playbook:</source>
        <translation>应急预案：</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="516"/>
        <source>(Enter: details)</source>
        <translation>（Enter：详情）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="548"/>
        <source>Incident #%1 changed offline: it is stored when the database is back.</source>
        <translation>事件 #%1 已离线修改：数据库恢复后自动保存。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="552"/>
        <source>Incident #%1 saved.</source>
        <translation>事故 #%1 已保存。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="558"/>
        <source>Could not save incident #%1: %2</source>
        <translation>无法保存事故 #%1:%2</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="619"/>
        <source>Export incidents</source>
        <translation>导出事故记录</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="621"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="632"/>
        <source>%1 incidents exported to %2</source>
        <translation>已导出 %1 条事故到 %2</translation>
    </message>
    <message>
        <location filename="../../studio/ui/incidents/panel.py" line="634"/>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
</context>
</TS>
