<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChecksPanel</name>
    <message>
        <location filename="../../studio/ui/panels/checks.py" line="56" />
        <source>No device checks installed</source>
        <translation>未安装设备检查</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/checks.py" line="57" />
        <source>Camera and microphone checks appear here.</source>
        <translation>摄像头和麦克风检查会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/checks.py" line="66" />
        <source>Checks saved</source>
        <translation>已保存的检查</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/checks.py" line="70" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/checks.py" line="70" />
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/checks.py" line="70" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/checks.py" line="71" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/checks.py" line="71" />
        <source>Findings</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/checks.py" line="74" />
        <source>No checks yet: run the camera and microphone checks before going live.</source>
        <translation>尚无检查记录：开播前请先检查摄像头和麦克风。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/checks.py" line="98" />
        <source>PASS</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/checks.py" line="98" />
        <source>WARN</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/checks.py" line="98" />
        <source>FAIL</source>
        <translation>不通过</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/checks.py" line="103" />
        <source>all good</source>
        <translation>一切正常</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../studio/ui/main_window.py" line="39" />
        <source>Studio control room</source>
        <translation>直播间控制台</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="55" />
        <location filename="../../studio/ui/main_window.py" line="116" />
        <source>Open show script…</source>
        <translation>打开直播脚本…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="62" />
        <source>Rundown</source>
        <translation>流程</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="63" />
        <source>No script loaded</source>
        <translation>未加载直播脚本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="64" />
        <source>Load a show script to run the rundown.</source>
        <translation>加载直播脚本后即可运行流程。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="65" />
        <source>Checks</source>
        <translation>设备检查</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="67" />
        <source>Live metrics</source>
        <translation>实时数据</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="68" />
        <source>No metrics</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="69" />
        <source>Start the metrics feed to see viewers and GMV.</source>
        <translation>启动数据源以查看在线人数和成交金额。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="71" />
        <source>Incidents</source>
        <translation>事故</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="72" />
        <source>No incidents</source>
        <translation>暂无事故</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="73" />
        <source>Incidents logged during the show appear here.</source>
        <translation>直播中记录的事故会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="75" />
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="114" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="115" />
        <source>New show…</source>
        <translation>新建场次…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="119" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="121" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="125" />
        <source>Anchor window</source>
        <translation>主播窗口</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="128" />
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="129" />
        <source>Preferences…</source>
        <translation>偏好设置…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="131" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="135" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="136" />
        <location filename="../../studio/ui/main_window.py" line="140" />
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="137" />
        <location filename="../../studio/ui/main_window.py" line="146" />
        <source>About studio</source>
        <translation>关于 studio</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="147" />
        <source>studio {0}
Control room for e-commerce live-streaming studios.

Database: {1}
Log file: {2}</source>
        <translation>studio {0}
电商直播间控制台。

数据库：{1}
日志文件：{2}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="184" />
        <source>next cue</source>
        <translation>下一条提示</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="185" />
        <source>previous cue</source>
        <translation>上一条提示</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="186" />
        <source>hold / resume</source>
        <translation>暂停 / 继续</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="187" />
        <source>jump to segment</source>
        <translation>跳转到环节</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="188" />
        <source>log incident: technical, product, anchor, compliance, other</source>
        <translation>记录事故：技术、商品、主播、合规、其他</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="189" />
        <source>go live (after the readiness checklist)</source>
        <translation>开播（完成就绪检查后）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="190" />
        <source>end show</source>
        <translation>结束直播</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="191" />
        <source>show / hide the anchor window</source>
        <translation>显示 / 隐藏主播窗口</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="192" />
        <source>anchor window full screen</source>
        <translation>主播窗口全屏</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="193" />
        <source>open a show script</source>
        <translation>打开直播脚本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="126" />
        <location filename="../../studio/ui/main_window.py" line="172" />
        <source>Reset layout</source>
        <translation>重置布局</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="173" />
        <source>The default layout is used from the next start.</source>
        <translation>下次启动时将使用默认布局。</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../studio/ui/preferences.py" line="14" />
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preferences.py" line="20" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preferences.py" line="22" />
        <source>Dark (studio)</source>
        <translation>深色（直播间）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preferences.py" line="23" />
        <source>Light (office)</source>
        <translation>浅色（办公室）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preferences.py" line="26" />
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preferences.py" line="28" />
        <source>Controller</source>
        <translation>场控</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preferences.py" line="28" />
        <source>Anchor</source>
        <translation>主播</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preferences.py" line="29" />
        <source>Studio tech</source>
        <translation>技术</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preferences.py" line="29" />
        <source>Review</source>
        <translation>复盘</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preferences.py" line="33" />
        <source>Station role (next start)</source>
        <translation>工位角色（下次启动生效）</translation>
    </message>
</context>
<context>
    <name>ProductsPanel</name>
    <message>
        <location filename="../../studio/ui/panels/products.py" line="29" />
        <source>No products</source>
        <translation>暂无商品</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/products.py" line="30" />
        <source>Load a show script to see tonight's products, prices and stock.</source>
        <translation>加载直播脚本以查看本场商品、价格和库存。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/products.py" line="32" />
        <source>Open show script…</source>
        <translation>打开直播脚本…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/products.py" line="36" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/products.py" line="36" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/products.py" line="36" />
        <source>List price</source>
        <translation>原价</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/products.py" line="36" />
        <source>Live price</source>
        <translation>直播价</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/products.py" line="37" />
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/products.py" line="37" />
        <source>Sold</source>
        <translation>已售</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/products.py" line="37" />
        <source>Left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/products.py" line="96" />
        <source>Live price is above the list price</source>
        <translation>直播价高于原价</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/products.py" line="99" />
        <source>sold out</source>
        <translation>已售罄</translation>
    </message>
    <message>
        <location filename="../../studio/ui/panels/products.py" line="99" />
        <source>low</source>
        <translation>库存低</translation>
    </message>
</context>
<context>
    <name>StudioApp</name>
    <message>
        <location filename="../../studio/ui/app.py" line="137" />
        <source>Open show script</source>
        <translation>打开直播脚本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/app.py" line="138" />
        <source>Show scripts (*.yaml *.yml *.xlsx *.csv)</source>
        <translation>直播脚本 (*.yaml *.yml *.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/app.py" line="148" />
        <source>Script not loaded</source>
        <translation>脚本未加载</translation>
    </message>
    <message>
        <location filename="../../studio/ui/app.py" line="156" />
        <source>New show</source>
        <translation>新建场次</translation>
    </message>
    <message>
        <location filename="../../studio/ui/app.py" line="156" />
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
</context>
<context>
    <name>StudioStatusBar</name>
    <message>
        <location filename="../../studio/ui/status_bar.py" line="30" />
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../studio/ui/status_bar.py" line="30" />
        <source>Mic</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <location filename="../../studio/ui/status_bar.py" line="30" />
        <source>Encoder</source>
        <translation>推流</translation>
    </message>
    <message>
        <location filename="../../studio/ui/status_bar.py" line="31" />
        <source>Metrics</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../studio/ui/status_bar.py" line="31" />
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../studio/ui/status_bar.py" line="55" />
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../studio/ui/status_bar.py" line="57" />
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../studio/ui/status_bar.py" line="65" />
        <source>NO SHOW</source>
        <translation>无场次</translation>
    </message>
    <message>
        <location filename="../../studio/ui/status_bar.py" line="66" />
        <location filename="../../studio/ui/status_bar.py" line="78" />
        <source>READY</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../studio/ui/status_bar.py" line="73" />
        <source>ENDED</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../studio/ui/status_bar.py" line="75" />
        <source>REHEARSAL</source>
        <translation>彩排</translation>
    </message>
    <message>
        <location filename="../../studio/ui/status_bar.py" line="76" />
        <source>LIVE</source>
        <translation>直播中</translation>
    </message>
    <message>
        <location filename="../../studio/ui/status_bar.py" line="86" />
        <source>Elapsed {0}</source>
        <translation>已进行 {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/status_bar.py" line="88" />
        <source>Remaining {0}</source>
        <translation>剩余 {0}</translation>
    </message>
</context>
</TS>