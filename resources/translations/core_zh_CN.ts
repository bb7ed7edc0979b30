<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AudioLivePanel</name>
    <message>
        <location filename="../../studio/ui/devices/audio_panel.py" line="27" />
        <source>No microphone open: pick the show mic in Checks → Microphone.</source>
        <translation>麦克风未打开：请在“设备检查 → 麦克风”中选择直播麦克风。</translation>
    </message>
</context>
<context>
    <name>BoardActions</name>
    <message>
        <location filename="../../studio/ui/products/actions.py" line="93" />
        <location filename="../../studio/ui/products/actions.py" line="127" />
        <source>Present</source>
        <translation>讲解</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/actions.py" line="94" />
        <source>List / unlist</source>
        <translation>上架 / 下架</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/actions.py" line="95" />
        <source>Change price…</source>
        <translation>改价…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/actions.py" line="96" />
        <source>Add stock…</source>
        <translation>补库存…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/actions.py" line="97" />
        <source>End flash sale</source>
        <translation>结束秒杀</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/actions.py" line="98" />
        <source>Add coupon…</source>
        <translation>添加优惠券…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/actions.py" line="99" />
        <source>Undo last change</source>
        <translation>撤销上一次修改</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/actions.py" line="125" />
        <source>Unlist</source>
        <translation>下架</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/actions.py" line="125" />
        <source>List</source>
        <translation>上架</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/actions.py" line="127" />
        <source>Stop presenting</source>
        <translation>结束讲解</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/actions.py" line="149" />
        <source>%1 no longer presenting</source>
        <translation>%1 已结束讲解</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/actions.py" line="151" />
        <source>%1 presenting</source>
        <translation>%1 讲解中</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/actions.py" line="158" />
        <source>%1 unlisted</source>
        <translation>%1 已下架</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/actions.py" line="160" />
        <source>%1 listed</source>
        <translation>%1 已上架</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/actions.py" line="187" />
        <source>Type the number of units to add, e.g. 200.</source>
        <translation>请输入要补的件数，例如 200。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/actions.py" line="189" />
        <source>%1: +%2 in stock</source>
        <translation>%1：补库存 +%2</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/actions.py" line="195" />
        <source>Type a price in yuan, e.g. 129 or 129.90.</source>
        <translation>请输入价格（元），例如 129 或 129.90。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/actions.py" line="202" />
        <source>Price not changed.</source>
        <translation>价格未改。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/actions.py" line="206" />
        <source>%1: price %2 → %3</source>
        <translation>%1：改价 %2 → %3</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/actions.py" line="213" />
        <source>No flash sale is running for this product.</source>
        <translation>该商品没有进行中的秒杀。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/actions.py" line="216" />
        <source>%1: flash sale ended</source>
        <translation>%1：秒杀已结束</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/actions.py" line="237" />
        <source>Coupon issued: %1</source>
        <translation>已发优惠券：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/actions.py" line="239" />
        <location filename="../../studio/ui/products/actions.py" line="273" />
        <source>(queued: the database is offline)</source>
        <translation>（数据库离线，已排队，恢复后发送）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/actions.py" line="267" />
        <source>Nothing changed.</source>
        <translation>没有变化。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/actions.py" line="283" />
        <source>Nothing to undo.</source>
        <translation>没有可撤销的修改。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/actions.py" line="293" />
        <source>Undone: %1</source>
        <translation>已撤销：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/actions.py" line="313" />
        <source>The database did not take the change: %1</source>
        <translation>数据库未接受修改：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/actions.py" line="314" />
        <source>Not changed: %1</source>
        <translation>未修改：%1</translation>
    </message>
</context>
<context>
    <name>BoardDelegate</name>
    <message>
        <location filename="../../studio/ui/products/board_view.py" line="221" />
        <source>new price, ¥</source>
        <translation>新价格（元）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/board_view.py" line="224" />
        <source>units to add</source>
        <translation>补货件数</translation>
    </message>
</context>
<context>
    <name>BoardModel</name>
    <message>
        <location filename="../../studio/ui/products/board_model.py" line="113" />
        <source>Link</source>
        <translation>链接号</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/board_model.py" line="114" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/board_model.py" line="115" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/board_model.py" line="116" />
        <source>Live price</source>
        <translation>直播价</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/board_model.py" line="117" />
        <source>Flash sale</source>
        <translation>秒杀</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/board_model.py" line="118" />
        <source>Stock left</source>
        <translation>剩余库存</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/board_model.py" line="119" />
        <source>Sold</source>
        <translation>已售</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/board_model.py" line="120" />
        <source>Final price</source>
        <translation>到手价</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/board_model.py" line="121" />
        <source>CTR</source>
        <translation>点击率</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/board_model.py" line="122" />
        <source>CVR</source>
        <translation>转化率</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/board_model.py" line="123" />
        <source>GMV</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/board_model.py" line="124" />
        <source>Alerts</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/board_model.py" line="128" />
        <source>Link number on the platform (链接号)</source>
        <translation>平台上的链接号</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/board_model.py" line="129" />
        <source>What a buyer pays for one unit with the best coupons (到手价)</source>
        <translation>叠加最优优惠券后买一件的到手价</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/board_model.py" line="130" />
        <source>Flash-sale price and what is left of its quota</source>
        <translation>秒杀价和秒杀剩余名额</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/board_model.py" line="131" />
        <source>Stock left: initial stock + top-ups − sold</source>
        <translation>剩余库存 = 初始库存 + 补货 − 已售</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/board_model.py" line="262" />
        <location filename="../../studio/ui/products/board_model.py" line="344" />
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/board_model.py" line="268" />
        <location filename="../../studio/ui/products/board_model.py" line="292" />
        <source>%1 · %2/%3 left</source>
        <translation>%1 · 剩 %2/%3</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/board_model.py" line="271" />
        <location filename="../../studio/ui/products/board_model.py" line="301" />
        <source>ended · %1/%2 sold</source>
        <translation>已结束 · 售 %1/%2</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/board_model.py" line="298" />
        <source>at %1</source>
        <translation>%1 开始</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/board_model.py" line="330" />
        <source>List price %1, live price %2</source>
        <translation>原价 %1，直播价 %2</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/board_model.py" line="335" />
        <source>Floor %1</source>
        <translation>底价 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/board_model.py" line="337" />
        <source>The flash-sale price applies now</source>
        <translation>当前按秒杀价成交</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/board_model.py" line="338" />
        <source>E or double-click: change the price</source>
        <translation>按 E 或双击：改价</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/board_model.py" line="343" />
        <source>No coupon applies</source>
        <translation>没有可用的优惠券</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/board_model.py" line="344" />
        <source>With: %1</source>
        <translation>使用：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/board_model.py" line="348" />
        <source>%1 left of %2 (initial %3 + added %4)</source>
        <translation>剩余 %1 / 共 %2（初始 %3 + 补货 %4）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/board_model.py" line="355" />
        <source>S: add stock</source>
        <translation>按 S：补库存</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <location filename="../../studio/ui/checks/panel.py" line="73" />
        <source>Checks saved</source>
        <translation>已保存的检查</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/panel.py" line="79" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/panel.py" line="80" />
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/panel.py" line="81" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/panel.py" line="82" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/panel.py" line="83" />
        <source>Findings</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/panel.py" line="89" />
        <source>No checks yet: run the camera and microphone checks before going live.</source>
        <translation>尚无检查记录：开播前请先检查摄像头和麦克风。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/panel.py" line="108" />
        <source>PASS</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/panel.py" line="108" />
        <source>WARN</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/panel.py" line="108" />
        <source>FAIL</source>
        <translation>不通过</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/panel.py" line="110" />
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/panel.py" line="111" />
        <source>Lighting</source>
        <translation>灯光</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/panel.py" line="112" />
        <source>Microphone</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/panel.py" line="113" />
        <source>Encoder (OBS)</source>
        <translation>编码器（OBS）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/panel.py" line="129" />
        <source>all good</source>
        <translation>一切正常</translation>
    </message>
</context>
<context>
    <name>CouponDialog</name>
    <message>
        <location filename="../../studio/ui/products/dialogs.py" line="63" />
        <source>Add coupon</source>
        <translation>添加优惠券</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/dialogs.py" line="67" />
        <source>e.g. 满199减20</source>
        <translation>例如：满199减20</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/dialogs.py" line="76" />
        <source>no threshold</source>
        <translation>无门槛</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/dialogs.py" line="80" />
        <source>unlimited</source>
        <translation>不限量</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/dialogs.py" line="83" />
        <source>Only for %1</source>
        <translation>仅限 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/dialogs.py" line="86" />
        <source>Only for the selected product</source>
        <translation>仅限选中的商品</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/dialogs.py" line="88" />
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/dialogs.py" line="94" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/dialogs.py" line="95" />
        <source>Value</source>
        <translation>面额</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/dialogs.py" line="96" />
        <source>From a price of</source>
        <translation>满（门槛）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/dialogs.py" line="97" />
        <source>How many</source>
        <translation>发放数量</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/dialogs.py" line="133" />
        <source>The coupon needs a value.</source>
        <translation>请填写优惠券面额。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/dialogs.py" line="136" />
        <source>The coupon would be expired already.</source>
        <translation>这个有效期已经过去了。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="109" />
        <source>Studio control room</source>
        <translation>直播间控制台</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="133" />
        <source>Database link</source>
        <translation>数据库连接</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="351" />
        <source>Open show script…</source>
        <translation>打开直播脚本…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="161" />
        <source>Rundown</source>
        <translation>流程</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="162" />
        <source>Checks</source>
        <translation>设备检查</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="163" />
        <source>Live metrics</source>
        <translation>实时数据</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="164" />
        <source>Incidents</source>
        <translation>事故</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="165" />
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="166" />
        <source>Planning</source>
        <translation>策划</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="167" />
        <source>Review</source>
        <translation>复盘</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="168" />
        <source>Insights</source>
        <translation>数据洞察</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="169" />
        <source>Talkback</source>
        <translation>主播提示</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="170" />
        <source>Audience</source>
        <translation>观众互动</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="173" />
        <source>Live audio</source>
        <translation>实时音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="181" />
        <source>OBS scenes</source>
        <translation>OBS 场景</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="279" />
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="346" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="348" />
        <source>New show…</source>
        <translation>新建场次…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="354" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="356" />
        <source>S&amp;how</source>
        <translation>场次(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="357" />
        <source>Open show…</source>
        <translation>打开场次…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="359" />
        <source>Go live…</source>
        <translation>开播…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="360" />
        <source>End show…</source>
        <translation>结束直播…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="362" />
        <source>Enter metrics by hand…</source>
        <translation>手动录入数据…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="366" />
        <source>Start a rehearsal of this show</source>
        <translation>开始本场彩排</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="369" />
        <source>Take over the rundown…</source>
        <translation>接管流程…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="372" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="377" />
        <source>Anchor window</source>
        <translation>主播窗口</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="381" />
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="383" />
        <source>Preferences…</source>
        <translation>偏好设置…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="385" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="389" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="390" />
        <location filename="../../studio/ui/shell/main_window.py" line="443" />
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="391" />
        <location filename="../../studio/ui/shell/main_window.py" line="451" />
        <source>About studio</source>
        <translation>关于 studio</translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/shell/main_window.py" line="417" />
        <source>%n incident(s) still open.</source>
        <translation>
            <numerusform>还有 %n 个事故未处理。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/shell/main_window.py" line="426" />
        <source> and %n more</source>
        <translation>
            <numerusform> 等 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/shell/main_window.py" line="428" />
        <source>%n segment(s) not run yet: </source>
        <translation>
            <numerusform>还有 %n 个环节未进行：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/shell/main_window.py" line="431" />
        <source>%n of them sell(s) a product.</source>
        <translation>
            <numerusform>其中 %n 个环节要卖货。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="434" />
        <source>End show</source>
        <translation>结束直播</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="510" />
        <source>open a stored show</source>
        <translation>打开已有场次</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="511" />
        <source>products board: pick by link number</source>
        <translation>商品看板：按链接号选中商品</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="512" />
        <source>products board: present, list / unlist</source>
        <translation>商品看板：讲解，上架 / 下架</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="513" />
        <source>products board: change price, add stock</source>
        <translation>商品看板：改价，补库存</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="514" />
        <source>products board: end flash sale, add coupon</source>
        <translation>商品看板：结束秒杀，发优惠券</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="515" />
        <source>products board: undo the last change (10 s)</source>
        <translation>商品看板：撤销上一次修改（10 秒内）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="414" />
        <source>End the show now? The rundown stops and the end time is recorded.</source>
        <translation>现在结束直播？流程将停止并记录结束时间。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="453" />
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
        <location filename="../../studio/ui/shell/main_window.py" line="500" />
        <source>next cue</source>
        <translation>下一条提示</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="501" />
        <source>previous cue</source>
        <translation>上一条提示</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="502" />
        <source>hold / resume</source>
        <translation>暂停 / 继续</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="503" />
        <source>jump to segment</source>
        <translation>跳转到环节</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="504" />
        <source>log incident: technical, product, anchor, compliance, other</source>
        <translation>记录事故：技术、商品、主播、合规、其他</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="505" />
        <source>go live (after the readiness checklist)</source>
        <translation>开播（完成就绪检查后）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="506" />
        <source>end show</source>
        <translation>结束直播</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="507" />
        <source>show / hide the anchor window</source>
        <translation>显示 / 隐藏主播窗口</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="508" />
        <source>anchor window full screen</source>
        <translation>主播窗口全屏</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="509" />
        <source>open a show script</source>
        <translation>打开直播脚本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="379" />
        <location filename="../../studio/ui/shell/main_window.py" line="486" />
        <source>Reset layout</source>
        <translation>重置布局</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/main_window.py" line="487" />
        <source>The default layout is used from the next start.</source>
        <translation>下次启动时将使用默认布局。</translation>
    </message>
</context>
<context>
    <name>ManualEntryDialog</name>
    <message>
        <location filename="../../studio/ui/metrics/manual_entry.py" line="43" />
        <source>Enter metrics by hand</source>
        <translation>手动录入数据</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/manual_entry.py" line="46" />
        <source>Type the numbers the platform console shows now (totals so far). Leave a field empty to skip it. Money in yuan.</source>
        <translation>填写直播后台当前显示的数字（截至目前的累计值）。不填的项会跳过。金额单位为元。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/manual_entry.py" line="80" />
        <source>an amount in yuan, at most 2 decimals</source>
        <translation>以元为单位、最多两位小数的金额</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/manual_entry.py" line="81" />
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/manual_entry.py" line="82" />
        <source>{0}: {1!r} is not {2}.</source>
        <translation>{0}：{1!r} 不是{2}。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/manual_entry.py" line="88" />
        <source>Load a show first.</source>
        <translation>请先打开一场直播。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/manual_entry.py" line="96" />
        <source>Nothing typed in.</source>
        <translation>没有填写任何数字。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/metrics/manual_entry.py" line="117" />
        <source>Not saved: {0}</source>
        <translation>未保存：{0}</translation>
    </message>
</context>
<context>
    <name>MicHealth</name>
    <message>
        <location filename="../../studio/ui/shell/live_wiring.py" line="43" />
        <source>lost</source>
        <translation>丢失</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/live_wiring.py" line="45" />
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/live_wiring.py" line="47" />
        <source>clipping</source>
        <translation>削波</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/live_wiring.py" line="49" />
        <source>silent</source>
        <translation>静音</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/live_wiring.py" line="50" />
        <source>live</source>
        <translation>正常</translation>
    </message>
</context>
<context>
    <name>OpenShowDialog</name>
    <message>
        <location filename="../../studio/ui/shell/open_show.py" line="30" />
        <source>Open show</source>
        <translation>打开场次</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/open_show.py" line="33" />
        <source>Type to filter by title, status or date</source>
        <translation>输入标题、状态或日期筛选</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/open_show.py" line="37" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/open_show.py" line="37" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/open_show.py" line="37" />
        <source>Planned start</source>
        <translation>计划开播</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/open_show.py" line="37" />
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/open_show.py" line="40" />
        <source>planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/open_show.py" line="41" />
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/open_show.py" line="42" />
        <source>live</source>
        <translation>直播中</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/open_show.py" line="43" />
        <source>ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/open_show.py" line="44" />
        <source>reviewed</source>
        <translation>已复盘</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/open_show.py" line="48" />
        <source> (rehearsal)</source>
        <translation>（彩排）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/open_show.py" line="83" />
        <source>No shows yet: load a show script or create a show.</source>
        <translation>还没有场次：请加载直播脚本或新建场次。</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../studio/ui/shell/preferences.py" line="41" />
        <location filename="../../studio/ui/shell/preferences.py" line="180" />
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/preferences.py" line="47" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/preferences.py" line="49" />
        <source>Dark (studio)</source>
        <translation>深色（直播间）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/preferences.py" line="50" />
        <source>Light (office)</source>
        <translation>浅色（办公室）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/preferences.py" line="53" />
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/preferences.py" line="56" />
        <source>Controller</source>
        <translation>场控</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/preferences.py" line="57" />
        <source>Anchor</source>
        <translation>主播</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/preferences.py" line="58" />
        <source>Studio tech</source>
        <translation>技术</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/preferences.py" line="59" />
        <source>Review</source>
        <translation>复盘</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/preferences.py" line="64" />
        <source>Station role (next start)</source>
        <translation>工位角色（下次启动生效）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/preferences.py" line="65" />
        <source>Start and stop the OBS recording with the show</source>
        <translation>随开播 / 下播自动开始和停止 OBS 录制</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/preferences.py" line="67" />
        <source>Recording</source>
        <translation>录制</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/preferences.py" line="69" />
        <source>A segment's product is presented (and its flash sale runs) when it starts</source>
        <translation>环节开始时自动讲解该环节的商品（秒杀环节同时开始秒杀）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/preferences.py" line="72" />
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/preferences.py" line="78" />
        <source>Prompter font size</source>
        <translation>提词器字号</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/preferences.py" line="79" />
        <source>Mirror the prompter (for beam-splitter glass)</source>
        <translation>提词器镜像（用于分光玻璃）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/preferences.py" line="82" />
        <source>Prompter</source>
        <translation>提词器</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/preferences.py" line="90" />
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/preferences.py" line="94" />
        <source>Access token (ingest and remote control)</source>
        <translation>访问令牌（数据接入与远程控制）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/preferences.py" line="95" />
        <source>Collectors POST to http://127.0.0.1:8765/v1/samples with the header “Authorization: Bearer &lt;token&gt;” while `studio ingest --source http` runs.</source>
        <translation>运行 `studio ingest --source http` 时，采集程序以请求头“Authorization: Bearer &lt;token&gt;”向 http://127.0.0.1:8765/v1/samples 发送 POST。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/preferences.py" line="121" />
        <source>Serve the remote control, status and browser views</source>
        <translation>提供远程控制、状态接口和浏览器视图</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/preferences.py" line="123" />
        <source>Remote control</source>
        <translation>远程控制</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/preferences.py" line="125" />
        <source>Reachable from other computers (every request needs the token)</source>
        <translation>允许局域网内其他电脑访问（每个请求都需令牌）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/preferences.py" line="132" />
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/preferences.py" line="137" />
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/preferences.py" line="139" />
        <source>OSC port (UDP)</source>
        <translation>OSC 端口（UDP）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/preferences.py" line="141" />
        <source>HOST:PORT, e.g. 127.0.0.1:12321</source>
        <translation>地址和端口，例如 127.0.0.1:12321</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/preferences.py" line="142" />
        <source>OSC feedback to</source>
        <translation>OSC 反馈发往</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/preferences.py" line="144" />
        <source>HOST[:PORT], e.g. 127.0.0.1</source>
        <translation>地址（端口可省），例如 127.0.0.1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/preferences.py" line="145" />
        <source>Companion variables to</source>
        <translation>Companion 变量发往</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/preferences.py" line="146" />
        <source>New token</source>
        <translation>更换令牌</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/preferences.py" line="147" />
        <source>Replace the token: tablets and Companion need the new one</source>
        <translation>更换令牌：平板和 Companion 需改用新令牌</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/preferences.py" line="182" />
        <source>“%1” is not an address: write HOST:PORT, e.g. 127.0.0.1:12321.</source>
        <translation>“%1”不是有效地址：请写地址和端口，例如 127.0.0.1:12321。</translation>
    </message>
</context>
<context>
    <name>ProductsBoard</name>
    <message>
        <location filename="../../studio/ui/products/dialogs.py" line="32" />
        <source>Change price</source>
        <translation>改价</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/dialogs.py" line="34" />
        <source>Change the price anyway?</source>
        <translation>仍要改价吗？</translation>
    </message>
</context>
<context>
    <name>ProductsPanel</name>
    <message>
        <location filename="../../studio/ui/products/panel.py" line="47" />
        <source>No products</source>
        <translation>暂无商品</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/panel.py" line="48" />
        <source>Load a show script to see tonight's products, prices and stock.</source>
        <translation>加载直播脚本以查看本场商品、价格和库存。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/panel.py" line="49" />
        <source>Open show script…</source>
        <translation>打开直播脚本…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/panel.py" line="84" />
        <source>Present</source>
        <translation>讲解</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/panel.py" line="84" />
        <source>List/unlist</source>
        <translation>上架/下架</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/panel.py" line="85" />
        <source>Price</source>
        <translation>改价</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/panel.py" line="85" />
        <source>Stock</source>
        <translation>补库存</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/panel.py" line="86" />
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/panel.py" line="86" />
        <source>End flash</source>
        <translation>结束秒杀</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/panel.py" line="107" />
        <source>Type a link number to pick a product. P present, L list/unlist, E price, S stock, F end flash sale, C coupon, Ctrl+Z undo.</source>
        <translation>输入链接号选中商品。P 讲解，L 上架/下架，E 改价，S 补库存，F 结束秒杀，C 优惠券，Ctrl+Z 撤销。</translation>
    </message>
</context>
<context>
    <name>StudioApp</name>
    <message>
        <location filename="../../studio/ui/shell/app.py" line="295" />
        <source>Take over the rundown</source>
        <translation>接管流程</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/app.py" line="296" />
        <source>{0} still drives this show (heartbeat {1:.0f} s ago).</source>
        <translation>{0} 仍在控制本场（{1:.0f} 秒前有心跳）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/app.py" line="325" />
        <source>Open show script</source>
        <translation>打开直播脚本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/app.py" line="327" />
        <source>Show scripts (*.yaml *.yml *.xlsx *.csv)</source>
        <translation>直播脚本 (*.yaml *.yml *.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/app.py" line="338" />
        <source>Script not loaded</source>
        <translation>脚本未加载</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/app.py" line="354" />
        <source>New show</source>
        <translation>新建场次</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/app.py" line="354" />
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
</context>
<context>
    <name>StudioStatusBar</name>
    <message>
        <location filename="../../studio/ui/shell/status_bar.py" line="31" />
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/status_bar.py" line="32" />
        <source>Mic</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/status_bar.py" line="33" />
        <source>Encoder</source>
        <translation>推流</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/status_bar.py" line="34" />
        <source>Metrics</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/status_bar.py" line="35" />
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/status_bar.py" line="58" />
        <source>no feed</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/status_bar.py" line="61" />
        <source>live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/status_bar.py" line="63" />
        <source>slow</source>
        <translation>延迟</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/status_bar.py" line="64" />
        <source>stalled</source>
        <translation>中断</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/status_bar.py" line="79" />
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/status_bar.py" line="81" />
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/status_bar.py" line="88" />
        <source>NO SHOW</source>
        <translation>无场次</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/status_bar.py" line="88" />
        <source>NO SCRIPT</source>
        <translation>无脚本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/status_bar.py" line="101" />
        <source>READY</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/status_bar.py" line="114" />
        <source>To planned end {0}</source>
        <translation>距计划结束 {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/status_bar.py" line="119" />
        <source>Over {0}</source>
        <translation>超时 {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/status_bar.py" line="121" />
        <source>Under {0}</source>
        <translation>提前 {0}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/status_bar.py" line="95" />
        <source>ENDED</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/status_bar.py" line="97" />
        <source>REHEARSAL</source>
        <translation>彩排</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/status_bar.py" line="99" />
        <source>LIVE</source>
        <translation>直播中</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/status_bar.py" line="103" />
        <source>HOLD</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../studio/ui/shell/status_bar.py" line="111" />
        <source>Elapsed {0}</source>
        <translation>已进行 {0}</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <location filename="../../studio/ui/products/undo_bar.py" line="35" />
        <source>Undo the last change (Ctrl+Z)</source>
        <translation>撤销上一次修改（Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/products/undo_bar.py" line="61" />
        <source>Undo (%1 s)</source>
        <translation>撤销（%1 秒）</translation>
    </message>
</context>
</TS>