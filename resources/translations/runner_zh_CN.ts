<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnchorWindow</name>
    <message>
        <location filename="../../studio/ui/anchor/window.py" line="60" />
        <source>Anchor prompter</source>
        <translation>主播提词器</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/window.py" line="222" />
        <source>Waiting for the show script</source>
        <translation>等待直播脚本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/window.py" line="228" />
        <source>The script has no segments</source>
        <translation>脚本中没有环节</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/window.py" line="233" />
        <source>REHEARSAL</source>
        <translation>彩排</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/window.py" line="235" />
        <source>READY — waiting for start</source>
        <translation>就绪 — 等待开播</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/window.py" line="237" />
        <source>SHOW ENDED</source>
        <translation>直播已结束</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/window.py" line="257" />
        <source>HOLD %1</source>
        <translation>暂停 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/window.py" line="262" />
        <source>Thank you — the show has ended.</source>
        <translation>感谢观看 — 直播已结束。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/window.py" line="298" />
        <source>Next</source>
        <translation>下一条</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/window.py" line="315" />
        <source>Stock left: %1</source>
        <translation>剩余库存：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/window.py" line="332" />
        <source>LUCKY BAG DRAW IN %1</source>
        <translation>福袋开奖倒计时 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/window.py" line="334" />
        <source>LUCKY BAG: DRAW NOW!</source>
        <translation>福袋：立即开奖！</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/window.py" line="343" />
        <source>×%1 only</source>
        <translation>限量 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/window.py" line="346" />
        <source>FLASH SALE ENDS IN %1</source>
        <translation>秒杀剩余 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/window.py" line="350" />
        <source>FLASH SALE OVER</source>
        <translation>秒杀已结束</translation>
    </message>
</context>
<context>
    <name>QtRunner</name>
    <message>
        <location filename="../../studio/ui/rundown/qt_runner.py" line="99" />
        <source>Another station took over the rundown.</source>
        <translation>另一工位已接管流程。</translation>
    </message>
</context>
<context>
    <name>RundownPanel</name>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="66" />
        <source>Load a script</source>
        <translation>加载直播脚本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="67" />
        <source>Open a show script (YAML, Excel or CSV) to run the rundown.</source>
        <translation>打开直播脚本（YAML、Excel 或 CSV）以运行流程单。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="68" />
        <source>Open show script…</source>
        <translation>打开直播脚本…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="111" />
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="111" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="111" />
        <source>Planned start</source>
        <translation>计划开始</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="111" />
        <source>Planned</source>
        <translation>计划时长</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="112" />
        <source>Actual start</source>
        <translation>实际开始</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="112" />
        <source>Actual</source>
        <translation>实际时长</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="112" />
        <source>Over/under</source>
        <translation>超时/提前</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="112" />
        <source>Cues</source>
        <translation>话术</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="141" />
        <source>Start</source>
        <translation>开播</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="141" />
        <source>Start the show</source>
        <translation>开始直播</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="142" />
        <source>◀ Prev</source>
        <translation>◀ 上一条</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="142" />
        <source>Previous cue (PageUp, Left)</source>
        <translation>上一条话术（PageUp、←）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="143" />
        <source>Next ▶</source>
        <translation>下一条 ▶</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="143" />
        <source>Next cue (Space, PageDown, Right)</source>
        <translation>下一条话术（空格、PageDown、→）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="144" />
        <location filename="../../studio/ui/rundown/panel.py" line="330" />
        <source>Hold</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="144" />
        <source>Hold / resume the countdown (H)</source>
        <translation>暂停/继续倒计时（H）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="145" />
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="145" />
        <source>Skip the rest of this segment</source>
        <translation>跳过本环节剩余部分</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="146" />
        <source>Jump</source>
        <translation>跳转</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="146" />
        <source>Jump to the selected segment (Ctrl+J)</source>
        <translation>跳转到选中的环节（Ctrl+J）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="147" />
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="147" />
        <source>End the show</source>
        <translation>结束直播</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="160" />
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="160" />
        <source>Move the selected segment up</source>
        <translation>将选中的环节上移</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="163" />
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="164" />
        <source>Move the selected segment down</source>
        <translation>将选中的环节下移</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="169" />
        <source>Duration…</source>
        <translation>时长…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="170" />
        <source>Change the planned duration</source>
        <translation>修改计划时长</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="173" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="173" />
        <source>Undo (Ctrl+Z)</source>
        <translation>撤销（Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="174" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="174" />
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>重做（Ctrl+Shift+Z）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="175" />
        <source>Save YAML…</source>
        <translation>保存 YAML…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="175" />
        <source>Save the script as YAML</source>
        <translation>将脚本保存为 YAML</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="213" />
        <source>Open show script</source>
        <translation>打开直播脚本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="215" />
        <source>Show scripts (*.yaml *.yml *.xlsx *.csv)</source>
        <translation>直播脚本 (*.yaml *.yml *.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="227" />
        <source>Script not loaded</source>
        <translation>脚本未加载</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="260" />
        <source>Opening</source>
        <translation>开场</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="260" />
        <source>Product</source>
        <translation>商品讲解</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="261" />
        <source>Interaction</source>
        <translation>互动</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="261" />
        <source>Lucky bag</source>
        <translation>福袋</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="262" />
        <source>Flash sale</source>
        <translation>秒杀</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="262" />
        <source>Q&amp;A</source>
        <translation>答疑</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="263" />
        <source>Closing</source>
        <translation>收尾</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="263" />
        <source>Talk</source>
        <translation>口播</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="278" />
        <source>READY</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="278" />
        <source>LIVE</source>
        <translation>直播中</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="278" />
        <source>HOLD</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="279" />
        <source>ENDED</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="282" />
        <source>REHEARSAL</source>
        <translation>彩排</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="289" />
        <source>Segment %1</source>
        <translation>本环节 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="294" />
        <source>To planned end %1</source>
        <translation>距计划结束 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="300" />
        <source>On time</source>
        <translation>准时</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="303" />
        <source>Over %1</source>
        <translation>超时 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="303" />
        <source>Under %1</source>
        <translation>提前 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="330" />
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="436" />
        <source>Jump to segment</source>
        <translation>跳转到环节</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="436" />
        <source>Segment number:</source>
        <translation>环节序号：</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="448" />
        <source>End show</source>
        <translation>结束直播</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="448" />
        <source>End the show now? This cannot be undone.</source>
        <translation>现在结束直播吗？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="473" />
        <location filename="../../studio/ui/rundown/panel.py" line="481" />
        <source>Move segment</source>
        <translation>移动环节</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="492" />
        <location filename="../../studio/ui/rundown/panel.py" line="505" />
        <source>Planned duration</source>
        <translation>计划时长</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="493" />
        <source>Duration (e.g. 90s, 5m, 1:30):</source>
        <translation>时长（例如 90s、5m、1:30）：</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="507" />
        <source>Change duration</source>
        <translation>修改时长</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="521" />
        <location filename="../../studio/ui/rundown/panel.py" line="528" />
        <source>Edit cue</source>
        <translation>编辑话术</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="521" />
        <source>Cue text:</source>
        <translation>话术内容：</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="546" />
        <location filename="../../studio/ui/rundown/panel.py" line="557" />
        <source>Save script</source>
        <translation>保存脚本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="548" />
        <source>YAML (*.yaml *.yml)</source>
        <translation>YAML (*.yaml *.yml)</translation>
    </message>
</context>
</TS>