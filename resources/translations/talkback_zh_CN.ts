<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>TalkbackPanel</name>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="61" />
        <source>Dismiss</source>
        <translation>知道了</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="77" />
        <source>Type a message to the anchor</source>
        <translation>输入给主播的提示</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="80" />
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="81" />
        <source>The prompter's strip blinks for 3 s</source>
        <translation>提词器提示栏闪烁 3 秒</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="82" />
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="90" />
        <source>Edit presets…</source>
        <translation>编辑常用提示…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="92" />
        <source>Clear selected</source>
        <translation>撤回所选</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="93" />
        <source>Take the selected message off the prompter</source>
        <translation>把所选提示从提词器上撤下</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="104" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="104" />
        <source>From</source>
        <translation>来自</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="104" />
        <source>Message</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="104" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="129" />
        <source>Slow down</source>
        <translation>放慢语速</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="130" />
        <source>Look at the camera</source>
        <translation>看镜头</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="131" />
        <source>Link is up</source>
        <translation>上链接</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="132" />
        <source>Push to close</source>
        <translation>逼单</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="133" />
        <source>Talk about the offer</source>
        <translation>讲福利</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="134" />
        <source>Answer questions</source>
        <translation>回答问题</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="135" />
        <source>Time is up</source>
        <translation>时间到</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="169" />
        <source>Preset messages</source>
        <translation>常用提示</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="170" />
        <source>One message a line:</source>
        <translation>每行一条提示：</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="190" />
        <source>Open a show first</source>
        <translation>请先打开一场直播</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="200" />
        <source>Queued (offline)</source>
        <translation>已排队（离线）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="202" />
        <source>Sent: %1</source>
        <translation>已发送：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="207" />
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="252" />
        <source>Customer service</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="253" />
        <source>Anchor</source>
        <translation>主播</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="254" />
        <source>Studio tech</source>
        <translation>技术</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="255" />
        <source>Operations</source>
        <translation>运营</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="257" />
        <source>Remote control</source>
        <translation>远程控制</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="264" />
        <source>Seen %1</source>
        <translation>已读 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="266" />
        <source>Cleared</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="266" />
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="267" />
        <source>Waiting</source>
        <translation>等待查看</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="256" />
        <location filename="../../studio/ui/talkback/panel.py" line="274" />
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="251" />
        <source>Controller</source>
        <translation>场控</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="289" />
        <source>Rule fired: %1 — %2</source>
        <translation>规则触发：%1 —— %2</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/panel.py" line="290" />
        <source> (rehearsal)</source>
        <translation>（彩排）</translation>
    </message>
</context>
<context>
    <name>TalkbackStrip</name>
    <message>
        <location filename="../../studio/ui/anchor/talkback_strip.py" line="97" />
        <source>Control room</source>
        <translation>场控提示</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/talkback_strip.py" line="98" />
        <source>Enter or hold the pedal: seen</source>
        <translation>回车或长踩踏板：已读</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/talkback_strip.py" line="144" />
        <source>+%1 more</source>
        <translation>另有 %1 条</translation>
    </message>
    <message>
        <location filename="../../studio/ui/anchor/talkback_strip.py" line="147" />
        <source>Viewer asks: %1</source>
        <translation>观众问：%1</translation>
    </message>
</context>
<context>
    <name>_Words</name>
    <message>
        <location filename="../../studio/ui/talkback/timeline_overlay.py" line="33" />
        <source>seen</source>
        <translation>已读</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/timeline_overlay.py" line="34" />
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/timeline_overlay.py" line="35" />
        <source>not seen</source>
        <translation>未读</translation>
    </message>
    <message>
        <location filename="../../studio/ui/talkback/timeline_overlay.py" line="39" />
        <source>rule %1</source>
        <translation>规则 %1</translation>
    </message>
</context>
</TS>