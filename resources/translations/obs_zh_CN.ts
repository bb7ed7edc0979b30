<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ObsCheckCard</name>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="82"/>
        <source>Encoder (OBS)</source>
        <translation>编码器 (OBS)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="96"/>
        <source>OBS host</source>
        <translation>OBS 主机</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="100"/>
        <source>obs-websocket port</source>
        <translation>obs-websocket 端口</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="103"/>
        <source>obs-websocket password</source>
        <translation>obs-websocket 密码</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="106"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="107"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="108"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="112"/>
        <source>Save &amp;&amp; connect</source>
        <translation>保存并连接</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="114"/>
        <source>Save the address and password (keyring or private file), then reconnect</source>
        <translation>保存地址和密码（系统钥匙串或仅本人可读的文件），然后重新连接</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="118"/>
        <source>Run check</source>
        <translation>运行检查</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="119"/>
        <source>Check OBS now and save the result for this show</source>
        <translation>立即检查 OBS，并把结果保存到本场直播</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="156"/>
        <source>Reachable</source>
        <translation>可连接</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="157"/>
        <source>Output format</source>
        <translation>输出格式</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="158"/>
        <source>Program black</source>
        <translation>节目画面黑屏</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="159"/>
        <source>Program frozen</source>
        <translation>节目画面冻结</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="160"/>
        <source>Recording disk</source>
        <translation>录制磁盘</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="161"/>
        <source>Stream set up</source>
        <translation>推流设置</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="165"/>
        <source>PASS</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="165"/>
        <source>WARN</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="165"/>
        <source>FAIL</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="169"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="170"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="171"/>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="172"/>
        <source>Password refused</source>
        <translation>密码被拒绝</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="177"/>
        <source>Stored (type to replace)</source>
        <translation>已保存（输入可替换）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="179"/>
        <source>As in OBS: Tools › WebSocket Server Settings</source>
        <translation>与 OBS 中一致：工具 › WebSocket 服务器设置</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="193"/>
        <source>n/a</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="199"/>
        <source>Not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="210"/>
        <source>OBS %1 at %2</source>
        <translation>OBS %1，地址 %2</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="212"/>
        <source>Connecting to %2…</source>
        <translation>正在连接 %2…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="215"/>
        <source>OBS refused the password: check it in OBS, Tools › WebSocket Server Settings</source>
        <translation>OBS 拒绝了密码：请在 OBS 的 工具 › WebSocket 服务器设置 中核对</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="219"/>
        <source>Cannot reach OBS at %2: start OBS and tick Tools › WebSocket Server Settings › Enable</source>
        <translation>无法连接 %2 上的 OBS：请启动 OBS，并在“工具”菜单的服务器设置中勾选“启用”</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="238"/>
        <source>Cannot save the settings: %1</source>
        <translation>无法保存设置：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="250"/>
        <source>Checking OBS…</source>
        <translation>正在检查 OBS…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="280"/>
        <source>The check could not run: %1</source>
        <translation>检查无法运行：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/obs_card.py" line="285"/>
        <source>Saved as check #%1</source>
        <translation>已保存为检查 #%1</translation>
    </message>
</context>
<context>
    <name>QtObsLink</name>
    <message>
        <location filename="../../studio/ui/qt_obs.py" line="140"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../studio/ui/qt_obs.py" line="143"/>
        <source>password?</source>
        <translation>密码？</translation>
    </message>
    <message>
        <location filename="../../studio/ui/qt_obs.py" line="145"/>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <location filename="../../studio/ui/qt_obs.py" line="147"/>
        <location filename="../../studio/ui/qt_obs.py" line="167"/>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../studio/ui/qt_obs.py" line="157"/>
        <source>live %1 Mb/s</source>
        <translation>推流中 %1 Mb/s</translation>
    </message>
    <message>
        <location filename="../../studio/ui/qt_obs.py" line="158"/>
        <source>live</source>
        <translation>推流中</translation>
    </message>
    <message>
        <location filename="../../studio/ui/qt_obs.py" line="159"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../studio/ui/qt_obs.py" line="165"/>
        <source>drops %1%</source>
        <translation>丢帧 %1%</translation>
    </message>
    <message>
        <location filename="../../studio/ui/qt_obs.py" line="168"/>
        <source>stream down</source>
        <translation>推流中断</translation>
    </message>
    <message>
        <location filename="../../studio/ui/qt_obs.py" line="169"/>
        <source>dropping</source>
        <translation>丢帧</translation>
    </message>
    <message>
        <location filename="../../studio/ui/qt_obs.py" line="170"/>
        <source>low fps</source>
        <translation>帧率低</translation>
    </message>
    <message>
        <location filename="../../studio/ui/qt_obs.py" line="171"/>
        <source>render slow</source>
        <translation>渲染慢</translation>
    </message>
    <message>
        <location filename="../../studio/ui/qt_obs.py" line="172"/>
        <source>rec stopped</source>
        <translation>录制停止</translation>
    </message>
    <message>
        <location filename="../../studio/ui/qt_obs.py" line="173"/>
        <source>disk low</source>
        <translation>磁盘不足</translation>
    </message>
    <message>
        <location filename="../../studio/ui/qt_obs.py" line="175"/>
        <source>problem</source>
        <translation>异常</translation>
    </message>
</context>
<context>
    <name>SceneButtons</name>
    <message>
        <location filename="../../studio/ui/widgets/scene_buttons.py" line="22"/>
        <source>OBS scene:</source>
        <translation>OBS 场景：</translation>
    </message>
    <message>
        <location filename="../../studio/ui/widgets/scene_buttons.py" line="25"/>
        <source>Connect OBS to switch scenes here</source>
        <translation>连接 OBS 后可在此切换场景</translation>
    </message>
    <message>
        <location filename="../../studio/ui/widgets/scene_buttons.py" line="47"/>
        <source>Switch OBS to scene %1</source>
        <translation>将 OBS 切换到场景 %1</translation>
    </message>
</context>
</TS>
