<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>OfflineBanner</name>
    <message>
        <location filename="../../studio/ui/shell/qt_sync.py" line="81" />
        <source>Offline — {0} changes queued. The show goes on here; they will be sent when the database is back.</source>
        <translation>离线 — {0} 条更改待发送。本机直播照常进行；数据库恢复后将自动发送。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/qt_sync.py" line="86" />
        <source>Back online — sending {0} queued changes…</source>
        <translation>已恢复连接 — 正在发送 {0} 条待发送更改…</translation>
    </message>
</context>
<context>
    <name>QtSync</name>
    <message>
        <location filename="../../studio/ui/shell/qt_sync.py" line="45" />
        <source>read-only: viewing only</source>
        <translation>只读：只能查看</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/qt_sync.py" line="47" />
        <source>local</source>
        <translation>本地</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/qt_sync.py" line="49" />
        <source>offline ({0} queued)</source>
        <translation>离线（{0} 条待发送）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/qt_sync.py" line="51" />
        <source>syncing ({0} queued)</source>
        <translation>同步中（{0} 条待发送）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/qt_sync.py" line="52" />
        <source>shared</source>
        <translation>共享</translation>
    </message>
</context>
</TS>