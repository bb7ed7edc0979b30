<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ObsCheckCard</name>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="81"/>
        <source>Encoder (OBS)</source>
        <translation>编码器 (OBS)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="88"/>
        <source>OBS host</source>
        <translation>OBS 主机</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="92"/>
        <source>obs-websocket port</source>
        <translation>obs-websocket 端口</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="95"/>
        <source>obs-websocket password</source>
        <translation>obs-websocket 密码</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="98"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="99"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="100"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="104"/>
        <source>Save &amp;&amp; connect</source>
        <translation>保存并连接</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="106"/>
        <source>Save the address and password (keyring or private file), then reconnect</source>
        <translation>保存地址和密码（系统钥匙串或仅本人可读的文件），然后重新连接</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="110"/>
        <source>Run check</source>
        <translation>运行检查</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="111"/>
        <source>Check OBS now and save the result for this show</source>
        <translation>立即检查 OBS，并把结果保存到本场直播</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="121"/>
        <source>n/a</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="131"/>
        <source>Reachable</source>
        <translation>可连接</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="132"/>
        <source>Output format</source>
        <translation>输出格式</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="133"/>
        <source>Program black</source>
        <translation>节目画面黑屏</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="134"/>
        <source>Program frozen</source>
        <translation>节目画面冻结</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="135"/>
        <source>Recording disk</source>
        <translation>录制磁盘</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="136"/>
        <source>Stream set up</source>
        <translation>推流设置</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="141"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="142"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="143"/>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="144"/>
        <source>Password refused</source>
        <translation>密码被拒绝</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="149"/>
        <source>Stored (type to replace)</source>
        <translation>已保存（输入可替换）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="151"/>
        <source>As in OBS: Tools › WebSocket Server Settings</source>
        <translation>与 OBS 中一致：工具 › WebSocket 服务器设置</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="160"/>
        <source>OBS %1 at %2</source>
        <translation>OBS %1，地址 %2</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="162"/>
        <source>Connecting to %2…</source>
        <translation>正在连接 %2…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="165"/>
        <source>OBS refused the password: check it in OBS, Tools › WebSocket Server Settings</source>
        <translation>OBS 拒绝了密码：请在 OBS 的 工具 › WebSocket 服务器设置 中核对</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="169"/>
        <source>Cannot reach OBS at %2: start OBS and tick Tools › WebSocket Server Settings › Enable</source>
        <translation>无法连接 %2 上的 OBS：请启动 OBS，并在“工具”菜单的服务器设置中勾选“启用”</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="188"/>
        <source>Cannot save the settings: %1</source>
        <translation>无法保存设置：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="201"/>
        <source>Checking OBS…</source>
        <translation>正在检查 OBS…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="226"/>
        <source>The check could not run: %1</source>
        <translation>检查无法运行：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="231"/>
        <source>Saved as check #%1</source>
        <translation>已保存为检查 #%1</translation>
    </message>
</context>
<context>
    <name>QtObsLink</name>
    <message>
        <location filename="../../studio/ui/obs/qt_obs.py" line="152"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../studio/ui/obs/qt_obs.py" line="155"/>
        <source>password?</source>
        <translation>密码？</translation>
    </message>
    <message>
        <location filename="../../studio/ui/obs/qt_obs.py" line="157"/>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <location filename="../../studio/ui/obs/qt_obs.py" line="159"/>
        <location filename="../../studio/ui/obs/qt_obs.py" line="179"/>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../studio/ui/obs/qt_obs.py" line="169"/>
        <source>live %1 Mb/s</source>
        <translation>推流中 %1 Mb/s</translation>
    </message>
    <message>
        <location filename="../../studio/ui/obs/qt_obs.py" line="170"/>
        <source>live</source>
        <translation>推流中</translation>
    </message>
    <message>
        <location filename="../../studio/ui/obs/qt_obs.py" line="171"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../studio/ui/obs/qt_obs.py" line="177"/>
        <source>drops %1%</source>
        <translation>丢帧 %1%</translation>
    </message>
    <message>
        <location filename="../../studio/ui/obs/qt_obs.py" line="180"/>
        <source>stream down</source>
        <translation>推流中断</translation>
    </message>
    <message>
        <location filename="../../studio/ui/obs/qt_obs.py" line="181"/>
        <source>dropping</source>
        <translation>丢帧</translation>
    </message>
    <message>
        <location filename="../../studio/ui/obs/qt_obs.py" line="182"/>
        <source>low fps</source>
        <translation>帧率低</translation>
    </message>
    <message>
        <location filename="../../studio/ui/obs/qt_obs.py" line="183"/>
        <source>render slow</source>
        <translation>渲染慢</translation>
    </message>
    <message>
        <location filename="../../studio/ui/obs/qt_obs.py" line="184"/>
        <source>rec stopped</source>
        <translation>录制停止</translation>
    </message>
    <message>
        <location filename="../../studio/ui/obs/qt_obs.py" line="185"/>
        <source>disk low</source>
        <translation>磁盘不足</translation>
    </message>
    <message>
        <location filename="../../studio/ui/obs/qt_obs.py" line="187"/>
        <source>problem</source>
        <translation>异常</translation>
    </message>
</context>
<context>
    <name>SceneButtons</name>
    <message>
        <location filename="../../studio/ui/obs/scene_buttons.py" line="22"/>
        <source>OBS scene:</source>
        <translation>OBS 场景：</translation>
    </message>
    <message>
        <location filename="../../studio/ui/obs/scene_buttons.py" line="25"/>
        <source>Connect OBS to switch scenes here</source>
        <translation>连接 OBS 后可在此切换场景</translation>
    </message>
    <message>
        <location filename="../../studio/ui/obs/scene_buttons.py" line="47"/>
        <source>Switch OBS to scene %1</source>
        <translation>将 OBS 切换到场景 %1</translation>
    </message>
</context>
</TS>
