<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../studio/ui/review/actions_section.py" line="46"/>
        <source>Add review action</source>
        <translation>添加复盘待办</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/actions_section.py" line="48"/>
        <source>e.g. move the opening lucky bag to minute 5</source>
        <translation>例如：开场福袋提前到第5分钟</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/actions_section.py" line="51"/>
        <source>Next show</source>
        <translation>下一场</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/actions_section.py" line="52"/>
        <source>By date</source>
        <translation>按日期</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/actions_section.py" line="67"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/actions_section.py" line="68"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/actions_section.py" line="69"/>
        <source>Due</source>
        <translation>截止</translation>
    </message>
</context>
<context>
    <name>ActionsSection</name>
    <message>
        <location filename="../../studio/ui/review/actions_section.py" line="115"/>
        <source>Add action…</source>
        <translation>添加待办…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/actions_section.py" line="150"/>
        <source>Tick when done</source>
        <translation>完成后勾选</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/actions_section.py" line="158"/>
        <source>No actions yet: add what the next show should do better.</source>
        <translation>还没有待办：写下下一场要改进的地方。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/actions_section.py" line="203"/>
        <source>Could not save the action: %1</source>
        <translation>无法保存待办：%1</translation>
    </message>
</context>
<context>
    <name>InsightsPanel</name>
    <message>
        <location filename="../../studio/ui/insights/panel.py" line="67"/>
        <source>Last 30 days</source>
        <translation>近 30 天</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insights/panel.py" line="68"/>
        <source>Last 90 days</source>
        <translation>近 90 天</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insights/panel.py" line="69"/>
        <source>Last 12 months</source>
        <translation>近 12 个月</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insights/panel.py" line="70"/>
        <source>All shows</source>
        <translation>全部场次</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insights/panel.py" line="71"/>
        <source>Dates below</source>
        <translation>自定日期</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insights/panel.py" line="81"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insights/panel.py" line="84"/>
        <source>Period</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insights/panel.py" line="86"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insights/panel.py" line="88"/>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insights/panel.py" line="94"/>
        <source>No shows in this period</source>
        <translation>这段时间没有直播场次</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insights/panel.py" line="96"/>
        <source>Pick a longer period. A show counts here once it has gone live (rehearsals do not count).</source>
        <translation>请选择更长的时间范围。场次开播后才计入这里（彩排不计入）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insights/panel.py" line="122"/>
        <source>When going live pays: GMV and viewers per hour by weekday and start</source>
        <translation>什么时段开播最划算：按星期与开播时间的每小时成交金额与观看人数</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insights/panel.py" line="127"/>
        <source>Products across shows (pick one to see it show by show)</source>
        <translation>商品跨场表现（选中一个商品查看逐场数据）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insights/panel.py" line="132"/>
        <source>Segment kinds: what each brings</source>
        <translation>环节类型：各自带来什么</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insights/panel.py" line="135"/>
        <source>Anchors</source>
        <translation>主播</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insights/panel.py" line="216"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insights/panel.py" line="231"/>
        <source>Could not read the insights: %1</source>
        <translation>无法读取数据洞察：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insights/panel.py" line="246"/>
        <source>Shows: %1 · on air: %2 h</source>
        <translation>共 %1 场 · 直播 %2 小时</translation>
    </message>
    <message>
        <location filename="../../studio/ui/insights/panel.py" line="298"/>
        <source>%1 show by show</source>
        <translation>%1 逐场数据</translation>
    </message>
</context>
<context>
    <name>PlanningLabels</name>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="105"/>
        <source>planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="106"/>
        <source>ready</source>
        <translation>已就绪</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="107"/>
        <source>live</source>
        <translation>直播中</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="108"/>
        <source>ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="113"/>
        <source>pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="114"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="115"/>
        <source>blocked</source>
        <translation>未通过</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="116"/>
        <source>waived</source>
        <translation>已豁免</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="121"/>
        <source>Anchor</source>
        <translation>主播</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="122"/>
        <source>Assistant anchor</source>
        <translation>副播</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="123"/>
        <source>Controller</source>
        <translation>场控</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="124"/>
        <source>Customer service</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="125"/>
        <source>Tech</source>
        <translation>技术</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="130"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="131"/>
        <source>done late</source>
        <translation>逾期完成</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="132"/>
        <source>missed</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="133"/>
        <source>to do</source>
        <translation>待完成</translation>
    </message>
</context>
<context>
    <name>PlanningPanel</name>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="163"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="163"/>
        <source>Show</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="163"/>
        <location filename="../../studio/ui/planning/panel.py" line="207"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="163"/>
        <source>Planned start</source>
        <translation>计划开播</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="164"/>
        <location filename="../../studio/ui/planning/panel.py" line="237"/>
        <source>GMV target</source>
        <translation>GMV 目标</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="164"/>
        <source>Campaign share</source>
        <translation>活动分摊</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="164"/>
        <source>Traffic target</source>
        <translation>流量目标</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="168"/>
        <source>Double-click a show to open it in the control room</source>
        <translation>双击场次即可在控制室中打开</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="171"/>
        <source>Readiness</source>
        <translation>开播就绪</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="172"/>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="173"/>
        <source>Products and stock</source>
        <translation>商品与库存</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="174"/>
        <source>Crew</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="175"/>
        <source>Warm-up</source>
        <translation>预热</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="207"/>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="207"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="211"/>
        <source>Waive with reason…</source>
        <translation>填写原因并豁免…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="213"/>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="215"/>
        <source>Go live (Ctrl+Shift+L)</source>
        <translation>开播 (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="235"/>
        <source>Save targets</source>
        <translation>保存目标</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="238"/>
        <source>Traffic target (viewers)</source>
        <translation>流量目标（观看人数）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="246"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="246"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="246"/>
        <source>List price</source>
        <translation>原价</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="246"/>
        <source>Live price</source>
        <translation>直播价</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="247"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="247"/>
        <source>Flash sale</source>
        <translation>秒杀</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="247"/>
        <source>Expected sales</source>
        <translation>预计销量</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="248"/>
        <source>Left after</source>
        <translation>计划后剩余</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="248"/>
        <source>Warnings</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="257"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="257"/>
        <location filename="../../studio/ui/planning/panel.py" line="264"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="265"/>
        <location filename="../../studio/ui/planning/panel.py" line="287"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="267"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="280"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="280"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="280"/>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="280"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="286"/>
        <source>New warm-up task</source>
        <translation>新的预热任务</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="289"/>
        <source>Add the usual tasks</source>
        <translation>添加常规预热任务</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="355"/>
        <source>rehearsal</source>
        <translation>彩排</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="382"/>
        <source>Ready to go live</source>
        <translation>可以开播</translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/planning/panel.py" line="384"/>
        <source>%n item(s) block going live</source>
        <translation>
            <numerusform>%n 项未通过，不能开播</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="388"/>
        <source>No show planned yet: create one or load a script.</source>
        <translation>还没有计划中的直播：请新建场次或加载脚本。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="395"/>
        <source>On air: the checklist was passed when the show went live</source>
        <translation>直播中：开播时已通过检查清单</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="399"/>
        <source>This show has ended</source>
        <translation>本场已结束</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="474"/>
        <source>Waive a readiness item</source>
        <translation>豁免检查项</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="475"/>
        <source>Why is it safe to go live without it?</source>
        <translation>为什么不检查这一项也可以安全开播？</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="482"/>
        <source>A waiver needs a reason.</source>
        <translation>豁免需要填写原因。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="497"/>
        <source>No show selected.</source>
        <translation>未选择场次。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="510"/>
        <source>Not ready to go live: fix or waive the blocked items.</source>
        <translation>尚不能开播：请处理或豁免未通过的检查项。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="515"/>
        <source>Live since %1</source>
        <translation>已于 %1 开播</translation>
    </message>
    <message>
        <location filename="../../studio/ui/planning/panel.py" line="533"/>
        <source>Targets saved.</source>
        <translation>目标已保存。</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="95"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="97"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="99"/>
        <source>Export HTML…</source>
        <translation>导出 HTML…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="107"/>
        <source>Show</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="113"/>
        <source>Nothing to review yet</source>
        <translation>暂无可复盘的数据</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="114"/>
        <source>Pick a show that has run: its review appears here after the show.</source>
        <translation>请选择已开播的场次：直播结束后在这里查看复盘。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="138"/>
        <source>Timeline</source>
        <translation>直播时间线</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="210"/>
        <source>rehearsal</source>
        <translation>彩排</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="240"/>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="265"/>
        <source>Could not build the review: %1</source>
        <translation>无法生成复盘：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="279"/>
        <source>REHEARSAL</source>
        <translation>彩排</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="297"/>
        <source>Online viewers vs GMV per minute: %1</source>
        <translation>在线人数与每分钟成交金额：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="374"/>
        <source>Room exposures</source>
        <translation>直播间曝光</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="375"/>
        <source>Viewers</source>
        <translation>观看人数</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="376"/>
        <source>Product exposures</source>
        <translation>商品曝光</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="377"/>
        <source>Product clicks</source>
        <translation>商品点击</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="378"/>
        <source>Buyers</source>
        <translation>成交人数</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="392"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="392"/>
        <source>Rate from previous step</source>
        <translation>较上一步转化率</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="392"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="418"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="418"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="419"/>
        <source>Export review</source>
        <translation>导出复盘报告</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="456"/>
        <source>Writing the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="465"/>
        <source>Report saved: %1</source>
        <translation>报告已保存：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/panel.py" line="471"/>
        <source>Could not write the report: %1</source>
        <translation>无法写入报告：%1</translation>
    </message>
</context>
<context>
    <name>ReviewTimeline</name>
    <message>
        <location filename="../../studio/ui/review/timeline.py" line="82"/>
        <source>Reset zoom</source>
        <translation>还原缩放</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/timeline.py" line="83"/>
        <source>Show the whole show again</source>
        <translation>重新显示整场</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/timeline.py" line="85"/>
        <source>Ctrl+wheel or right-drag: zoom · drag: move in time</source>
        <translation>Ctrl+滚轮或右键拖动：缩放 · 拖动：前后移动</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/timeline.py" line="111"/>
        <source>Online viewers</source>
        <translation>在线人数</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/timeline.py" line="112"/>
        <source>GMV per minute (¥)</source>
        <translation>每分钟成交金额（¥）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/review/timeline.py" line="113"/>
        <source>Minutes since start</source>
        <translation>开播后分钟数</translation>
    </message>
</context>
</TS>
