<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnchorWindow</name>
    <message>
        <location filename="../../studio/ui/anchor/window.py" line="73"/>
        <source>Anchor prompter</source>
        <translation>主播提词器</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/window.py" line="235"/>
        <source>Waiting for the show script</source>
        <translation>等待直播脚本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/window.py" line="241"/>
        <source>The script has no segments</source>
        <translation>脚本中没有环节</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/window.py" line="246"/>
        <source>REHEARSAL</source>
        <translation>彩排</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/window.py" line="248"/>
        <source>READY — waiting for start</source>
        <translation>就绪 — 等待开播</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/window.py" line="250"/>
        <source>SHOW ENDED</source>
        <translation>直播已结束</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/window.py" line="263"/>
        <source>Show length</source>
        <translation>直播时长</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/window.py" line="263"/>
        <source>Segment left</source>
        <translation>本环节剩余</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/window.py" line="280"/>
        <source>HOLD %1</source>
        <translation>暂停 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/window.py" line="287"/>
        <source>Thank you — the show has ended.</source>
        <translation>感谢观看 — 直播已结束。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/window.py" line="313"/>
        <source>%1 over plan</source>
        <translation>超出计划 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/window.py" line="315"/>
        <source>%1 under plan</source>
        <translation>比计划提前 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/window.py" line="316"/>
        <source>On time</source>
        <translation>准时结束</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/window.py" line="354"/>
        <source>Next</source>
        <translation>下一条</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/window.py" line="394"/>
        <source>%1/%2 left</source>
        <translation>剩 %1/%2</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/window.py" line="381"/>
        <source>LUCKY BAG DRAW IN %1</source>
        <translation>福袋开奖倒计时 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/window.py" line="383"/>
        <source>LUCKY BAG: DRAW NOW!</source>
        <translation>福袋：立即开奖！</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/window.py" line="402"/>
        <source>FLASH SALE ENDS IN %1</source>
        <translation>秒杀剩余 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/window.py" line="400"/>
        <source>FLASH SALE OVER</source>
        <translation>秒杀已结束</translation>
    </message>
</context>
<context>
    <name>CueEditDialog</name>
    <message>
        <location filename="../../studio/ui/rundown/cue_editor.py" line="62"/>
        <source>Edit cue</source>
        <translation>编辑话术</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/cue_editor.py" line="77"/>
        <source>Cue text:</source>
        <translation>话术：</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/cue_editor.py" line="101"/>
        <source>Claims not checked: %1</source>
        <translation>未检查违规用语：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/cue_editor.py" line="103"/>
        <source>Checking for banned claims…</source>
        <translation>正在检查违规用语…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/cue_editor.py" line="109"/>
        <source>No banned or risky claims.</source>
        <translation>没有违禁或风险用语。</translation>
    </message>
</context>
<context>
    <name>JumpDialog</name>
    <message>
        <location filename="../../studio/ui/rundown/jump_dialog.py" line="28"/>
        <location filename="../../studio/ui/rundown/jump_dialog.py" line="138"/>
        <source>Jump to segment</source>
        <translation>跳转到环节</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/jump_dialog.py" line="31"/>
        <source>Type a number or part of a title</source>
        <translation>输入序号或环节名称的一部分</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/jump_dialog.py" line="36"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/jump_dialog.py" line="37"/>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/jump_dialog.py" line="38"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/jump_dialog.py" line="39"/>
        <source>Planned</source>
        <translation>计划时长</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/jump_dialog.py" line="40"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/jump_dialog.py" line="44"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/jump_dialog.py" line="45"/>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/jump_dialog.py" line="46"/>
        <source>now</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/jump_dialog.py" line="81"/>
        <source>Jump</source>
        <translation>跳转</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/jump_dialog.py" line="129"/>
        <source>This jumps back to an earlier segment while the show is live.</source>
        <translation>直播进行中，这将跳回到之前的环节。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/jump_dialog.py" line="133"/>
        <source>It skips segments that sell; they will be marked skipped:</source>
        <translation>将跳过以下卖货环节，它们会被标记为已跳过：</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/jump_dialog.py" line="135"/>
        <source>Jump anyway?</source>
        <translation>仍要跳转吗？</translation>
    </message>
</context>
<context>
    <name>ProductCard</name>
    <message>
        <location filename="../../studio/ui/anchor/product_card.py" line="142"/>
        <source>FLASH SALE</source>
        <translation>秒杀</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/product_card.py" line="159"/>
        <source>FLASH SALE SOLD OUT</source>
        <translation>秒杀已抢光</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/product_card.py" line="161"/>
        <source>%1 of %2 left</source>
        <translation>剩 %1 / %2</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/product_card.py" line="166"/>
        <source>SOLD OUT</source>
        <translation>已售罄</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/product_card.py" line="167"/>
        <source>Stock left: %1</source>
        <translation>剩余库存：%1</translation>
    </message>
</context>
<context>
    <name>QtRunner</name>
    <message>
        <location filename="../../studio/ui/rundown/qt_runner.py" line="104"/>
        <source>Another station took over the rundown.</source>
        <translation>另一工位已接管流程。</translation>
    </message>
</context>
<context>
    <name>RundownPanel</name>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="64"/>
        <source>Load a script</source>
        <translation>加载直播脚本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="65"/>
        <source>Open a show script (YAML, Excel or CSV) to run the rundown.</source>
        <translation>打开直播脚本（YAML、Excel 或 CSV）以运行流程单。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="66"/>
        <source>Open show script…</source>
        <translation>打开直播脚本…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="116"/>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="116"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="116"/>
        <source>Planned start</source>
        <translation>计划开始</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="116"/>
        <source>Planned</source>
        <translation>计划时长</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="117"/>
        <source>Actual start</source>
        <translation>实际开始</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="117"/>
        <source>Actual</source>
        <translation>实际时长</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="117"/>
        <source>Over/under</source>
        <translation>超时/提前</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="117"/>
        <source>Cues</source>
        <translation>话术</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="149"/>
        <source>Start</source>
        <translation>开播</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="149"/>
        <source>Start the show</source>
        <translation>开始直播</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="150"/>
        <source>◀ Prev</source>
        <translation>◀ 上一条</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="150"/>
        <source>Previous cue (PageUp, Left)</source>
        <translation>上一条话术（PageUp、←）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="151"/>
        <source>Next ▶</source>
        <translation>下一条 ▶</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="151"/>
        <source>Next cue (Space, PageDown, Right)</source>
        <translation>下一条话术（空格、PageDown、→）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="152"/>
        <location filename="../../studio/ui/rundown/panel.py" line="345"/>
        <source>Hold</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="152"/>
        <source>Hold / resume the countdown (H)</source>
        <translation>暂停/继续倒计时（H）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="153"/>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="153"/>
        <source>Skip the rest of this segment</source>
        <translation>跳过本环节剩余部分</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="154"/>
        <source>Jump</source>
        <translation>跳转</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="154"/>
        <source>Jump to the selected segment (Ctrl+J)</source>
        <translation>跳转到选中的环节（Ctrl+J）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="155"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="155"/>
        <source>End the show</source>
        <translation>结束直播</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="168"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="168"/>
        <source>Move the selected segment up</source>
        <translation>将选中的环节上移</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="171"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="172"/>
        <source>Move the selected segment down</source>
        <translation>将选中的环节下移</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="177"/>
        <source>Duration…</source>
        <translation>时长…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="178"/>
        <source>Change the planned duration</source>
        <translation>修改计划时长</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="181"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="181"/>
        <source>Undo (Ctrl+Z)</source>
        <translation>撤销（Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="182"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="182"/>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>重做（Ctrl+Shift+Z）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="183"/>
        <source>Save YAML…</source>
        <translation>保存 YAML…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="183"/>
        <source>Save the script as YAML</source>
        <translation>将脚本保存为 YAML</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="238"/>
        <source>Opening</source>
        <translation>开场</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="238"/>
        <source>Product</source>
        <translation>商品讲解</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="239"/>
        <source>Interaction</source>
        <translation>互动</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="239"/>
        <source>Lucky bag</source>
        <translation>福袋</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="240"/>
        <source>Flash sale</source>
        <translation>秒杀</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="240"/>
        <source>Q&amp;A</source>
        <translation>答疑</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="241"/>
        <source>Closing</source>
        <translation>收尾</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="241"/>
        <source>Talk</source>
        <translation>口播</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="266"/>
        <source>Lucky bag draw in %1</source>
        <translation>福袋开奖倒计时 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="268"/>
        <source>Lucky bag: draw now</source>
        <translation>福袋：现在开奖</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="273"/>
        <source>Flash sale ends in %1</source>
        <translation>秒杀剩余 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="275"/>
        <source>Flash sale over</source>
        <translation>秒杀已结束</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="291"/>
        <source>READY</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="291"/>
        <source>LIVE</source>
        <translation>直播中</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="291"/>
        <source>HOLD</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="292"/>
        <source>ENDED</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="295"/>
        <source>REHEARSAL</source>
        <translation>彩排</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="302"/>
        <source>Segment %1</source>
        <translation>本环节 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="307"/>
        <source>To planned end %1</source>
        <translation>距计划结束 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="313"/>
        <source>On time</source>
        <translation>准时</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="316"/>
        <source>Over %1</source>
        <translation>超时 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="316"/>
        <source>Under %1</source>
        <translation>提前 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="345"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="460"/>
        <source>End show</source>
        <translation>结束直播</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="460"/>
        <source>End the show now? This cannot be undone.</source>
        <translation>现在结束直播吗？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="485"/>
        <location filename="../../studio/ui/rundown/panel.py" line="493"/>
        <source>Move segment</source>
        <translation>移动环节</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="504"/>
        <location filename="../../studio/ui/rundown/panel.py" line="517"/>
        <source>Planned duration</source>
        <translation>计划时长</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="505"/>
        <source>Duration (e.g. 90s, 5m, 1:30):</source>
        <translation>时长（例如 90s、5m、1:30）：</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="519"/>
        <source>Change duration</source>
        <translation>修改时长</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="539"/>
        <source>Edit cue</source>
        <translation>编辑话术</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="557"/>
        <location filename="../../studio/ui/rundown/panel.py" line="568"/>
        <source>Save script</source>
        <translation>保存脚本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/rundown/panel.py" line="559"/>
        <source>YAML (*.yaml *.yml)</source>
        <translation>YAML (*.yaml *.yml)</translation>
    </message>
</context>
</TS>
