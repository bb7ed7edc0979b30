<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AliasDialog</name>
    <message>
        <location filename="../../studio/ui/audience/aliases.py" line="39"/>
        <source>Product aliases</source>
        <translation>商品别名</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/aliases.py" line="49"/>
        <source>Other names viewers use for a product (a shade number such as 316, a colour name); the comment tagger reads them.</source>
        <translation>观众对商品的其他叫法（如色号 316、颜色名），评论识别会据此标注商品。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/aliases.py" line="62"/>
        <source>New alias, e.g. 316</source>
        <translation>新别名，如 316</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/aliases.py" line="65"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/aliases.py" line="68"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/aliases.py" line="71"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/aliases.py" line="74"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/aliases.py" line="82"/>
        <source>Product:</source>
        <translation>商品：</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/aliases.py" line="156"/>
        <source>That product is no longer in the show.</source>
        <translation>该商品已不在本场次中。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/aliases.py" line="158"/>
        <source>The alias could not be saved; try again.</source>
        <translation>别名未能保存，请重试。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/aliases.py" line="174"/>
        <source>“%1” now names %2 (moved from %3).</source>
        <translation>“%1”现在指 %2（原属 %3）。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/aliases.py" line="181"/>
        <source>Added “%1” to %2.</source>
        <translation>已为 %2 添加“%1”。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/aliases.py" line="196"/>
        <source>Removed “%1”. Undo with Ctrl+Z.</source>
        <translation>已移除“%1”。按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/aliases.py" line="209"/>
        <source>“%1” is back.</source>
        <translation>“%1”已恢复。</translation>
    </message>
</context>
<context>
    <name>AudienceCurves</name>
    <message>
        <location filename="../../studio/ui/audience/dashboard.py" line="115"/>
        <source>response median %1 s (peak %2 s)</source>
        <translation>响应中位数 %1 秒（最高 %2 秒）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/dashboard.py" line="121"/>
        <source>orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/dashboard.py" line="122"/>
        <source>questions (right axis)</source>
        <translation>观众问题（右轴）</translation>
    </message>
</context>
<context>
    <name>AudienceLabels</name>
    <message>
        <location filename="../../studio/ui/audience/labels.py" line="13"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/labels.py" line="14"/>
        <source>Size</source>
        <translation>尺码规格</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/labels.py" line="15"/>
        <source>Colour</source>
        <translation>颜色色号</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/labels.py" line="16"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/labels.py" line="17"/>
        <source>Shipping</source>
        <translation>发货物流</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/labels.py" line="18"/>
        <source>Usage</source>
        <translation>使用方法</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/labels.py" line="19"/>
        <source>Ingredients</source>
        <translation>成分材质</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/labels.py" line="20"/>
        <source>Coupon</source>
        <translation>优惠券赠品</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/labels.py" line="21"/>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/labels.py" line="24"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/labels.py" line="25"/>
        <source>After-sales</source>
        <translation>售后</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/labels.py" line="26"/>
        <source>Wants to buy</source>
        <translation>想买</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/labels.py" line="27"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/labels.py" line="28"/>
        <source>Praise</source>
        <translation>夸赞</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/labels.py" line="29"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>AudiencePanel</name>
    <message>
        <location filename="../../studio/ui/audience/panel.py" line="43"/>
        <source>Questions/min</source>
        <translation>每分钟问题</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/panel.py" line="44"/>
        <source>Open</source>
        <translation>待回复</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/panel.py" line="45"/>
        <source>Answered</source>
        <translation>已回复</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/panel.py" line="46"/>
        <source>Oldest wait</source>
        <translation>最久等待</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/panel.py" line="60"/>
        <source>To the anchor</source>
        <translation>推给主播</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/panel.py" line="61"/>
        <source>Show the selected question on the prompter&apos;s strip</source>
        <translation>把选中的问题显示在提词器的观众问题栏</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/panel.py" line="69"/>
        <source>Top questions now</source>
        <translation>当前热门问题</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/panel.py" line="113"/>
        <source>No open questions</source>
        <translation>没有待回复的问题</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/panel.py" line="132"/>
        <source>Sent to the anchor.</source>
        <translation>已推给主播。</translation>
    </message>
</context>
<context>
    <name>CsStation</name>
    <message>
        <location filename="../../studio/ui/audience/station.py" line="374"/>
        <source>Customer service — studio</source>
        <translation>客服 — studio</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/station.py" line="378"/>
        <source>Questions</source>
        <translation>观众问题</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/station.py" line="379"/>
        <source>FAQ library</source>
        <translation>常见问题库</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/station.py" line="381"/>
        <source>Open show…</source>
        <translation>打开场次…</translation>
    </message>
</context>
<context>
    <name>FaqEditor</name>
    <message>
        <location filename="../../studio/ui/audience/faq.py" line="43"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/faq.py" line="43"/>
        <source>Topic</source>
        <translation>话题</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/faq.py" line="43"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/faq.py" line="43"/>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/faq.py" line="54"/>
        <location filename="../../studio/ui/audience/faq.py" line="118"/>
        <source>Any topic</source>
        <translation>任意话题</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/faq.py" line="61"/>
        <source>Product:</source>
        <translation>商品：</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/faq.py" line="62"/>
        <source>Topic:</source>
        <translation>话题：</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/faq.py" line="63"/>
        <source>Question:</source>
        <translation>问题：</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/faq.py" line="64"/>
        <source>Answer:</source>
        <translation>回答：</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/faq.py" line="67"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/faq.py" line="68"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/faq.py" line="69"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/faq.py" line="75"/>
        <source>Product aliases…</source>
        <translation>商品别名…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/faq.py" line="77"/>
        <source>Other names viewers use for the show&apos;s products (316, 枫叶红)</source>
        <translation>观众对本场商品的其他叫法（316、枫叶红）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/faq.py" line="108"/>
        <source>Every product (global)</source>
        <translation>所有商品（通用）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/faq.py" line="117"/>
        <source>Global</source>
        <translation>通用</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/faq.py" line="148"/>
        <source>Write the answer first.</source>
        <translation>请先填写回答。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/faq.py" line="158"/>
        <source>Added to the FAQ library.</source>
        <translation>已加入常见问题库。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/faq.py" line="166"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/faq.py" line="173"/>
        <source>Deleted.</source>
        <translation>已删除。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/faq.py" line="178"/>
        <source>Open a show first.</source>
        <translation>请先打开场次。</translation>
    </message>
</context>
<context>
    <name>MetricsPanel</name>
    <message>
        <location filename="../../studio/ui/audience/dashboard.py" line="40"/>
        <source>Orders per minute</source>
        <translation>每分钟成交订单</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../studio/ui/audience/queue_model.py" line="48"/>
        <source>Wait</source>
        <translation>等待</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/queue_model.py" line="48"/>
        <source>×</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/queue_model.py" line="48"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/queue_model.py" line="48"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/queue_model.py" line="49"/>
        <source>Topic</source>
        <translation>话题</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/queue_model.py" line="49"/>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/queue_model.py" line="49"/>
        <source>Claimed by</source>
        <translation>认领人</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../../studio/ui/audience/station.py" line="106"/>
        <source>Reply to post on the platform (1–9: a quick reply)</source>
        <translation>要发到平台的回复（按 1–9 选快捷回复）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/station.py" line="111"/>
        <source>Claim</source>
        <translation>认领</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/station.py" line="112"/>
        <source>Answer and copy</source>
        <translation>回复并复制</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/station.py" line="113"/>
        <source>Done</source>
        <translation>已解答</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/station.py" line="114"/>
        <source>To the anchor</source>
        <translation>推给主播</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/station.py" line="115"/>
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/station.py" line="131"/>
        <source>Quick replies</source>
        <translation>快捷回复</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/station.py" line="146"/>
        <source>Wait colours…</source>
        <translation>等待颜色…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/station.py" line="188"/>
        <source>No show open: open a show to see its questions.</source>
        <translation>没有打开直播：打开一场直播即可看到观众问题。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/station.py" line="223"/>
        <source>Open %1 · answered %2 · response p50 %3 · %4 questions/min</source>
        <translation>待回复 %1 · 已回复 %2 · 响应中位数 %3 · 每分钟 %4 个问题</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/station.py" line="229"/>
        <source>you: %1 answered, p50 %2</source>
        <translation>我：已回复 %1，中位数 %2</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/station.py" line="240"/>
        <source>Could not read the questions: %1</source>
        <translation>无法读取观众问题：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/station.py" line="253"/>
        <source>Wait colours</source>
        <translation>等待颜色</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/station.py" line="257"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/station.py" line="260"/>
        <source>Amber after:</source>
        <translation>等待超过此时长显示黄色：</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/station.py" line="261"/>
        <source>Red after:</source>
        <translation>等待超过此时长显示红色：</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/station.py" line="287"/>
        <source>No open questions.</source>
        <translation>没有待回复的问题。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/station.py" line="292"/>
        <source>No product</source>
        <translation>未关联商品</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/station.py" line="294"/>
        <source>claimed by %1</source>
        <translation>%1 已认领</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/station.py" line="296"/>
        <source>on the anchor&apos;s strip</source>
        <translation>已推到主播提词器</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/station.py" line="328"/>
        <source>Write a reply or pick a quick reply first.</source>
        <translation>请先写回复或选择快捷回复。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/station.py" line="339"/>
        <source>Claimed.</source>
        <translation>已认领。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/station.py" line="340"/>
        <source>Answered: the reply is on the clipboard for the platform console.</source>
        <translation>已回复：回复内容已复制，可粘贴到平台后台。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/station.py" line="341"/>
        <source>Marked done.</source>
        <translation>已标记为已解答。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/station.py" line="342"/>
        <source>Sent to the anchor&apos;s prompter.</source>
        <translation>已推到主播提词器。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/station.py" line="343"/>
        <source>Ignored.</source>
        <translation>已忽略。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/audience/station.py" line="347"/>
        <source>(queued until the database is back)</source>
        <translation>（数据库连接恢复后发送）</translation>
    </message>
</context>
</TS>
