<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CameraCheckCard</name>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="182"/>
        <source>Camera &amp; lighting</source>
        <translation>摄像头与灯光</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="198"/>
        <source>Camera number, stream URL (rtsp://, udp://, http://) or video file</source>
        <translation>摄像头编号、推流地址（rtsp://、udp://、http://）或视频文件</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="200"/>
        <source>Camera source</source>
        <translation>摄像头来源</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="203"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="204"/>
        <source>Look for cameras again</source>
        <translation>重新查找摄像头</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="207"/>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="208"/>
        <source>Check a recorded video instead of a live camera</source>
        <translation>检查录好的视频，而不是实时摄像头</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="211"/>
        <location filename="../../studio/ui/checks/camera_card.py" line="370"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="216"/>
        <source>Looking for cameras…</source>
        <translation>正在查找摄像头…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="221"/>
        <source>Pick a camera, a stream URL or a video file, then press Start</source>
        <translation>选择摄像头、推流地址或视频文件，然后按“开始”</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="225"/>
        <source>n/a</source>
        <translation>未测</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="231"/>
        <source>Run check</source>
        <translation>运行检查</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="233"/>
        <source>Save the last few seconds&apos; findings as this show&apos;s camera check</source>
        <translation>把最近几秒的检查结果保存为本场直播的摄像头检查</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="246"/>
        <source>Frame rate</source>
        <translation>帧率</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="247"/>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="248"/>
        <source>Focus</source>
        <translation>对焦</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="249"/>
        <source>Exposure</source>
        <translation>曝光</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="250"/>
        <source>White balance</source>
        <translation>白平衡</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="251"/>
        <source>Flicker</source>
        <translation>频闪</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="252"/>
        <source>Frozen picture</source>
        <translation>画面冻结</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="253"/>
        <source>Black frames</source>
        <translation>黑帧</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="254"/>
        <source>Lighting balance</source>
        <translation>光线均衡</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="299"/>
        <source>Could not list cameras: %1</source>
        <translation>无法列出摄像头：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="303"/>
        <source>No camera found. Plug one in and press Refresh, or enter a stream URL or video file.</source>
        <translation>未找到摄像头。请插上后按“刷新”，或输入推流地址或视频文件。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/checks/camera_card.py" line="308"/>
        <source>%n camera(s) found. Press Start.</source>
        <translation>
            <numerusform>找到 %n 个摄像头。按“开始”。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="334"/>
        <source>Choose a video</source>
        <translation>选择视频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="336"/>
        <source>Video files (*.mp4 *.mov *.mkv *.avi *.ts *.flv *.webm)</source>
        <translation>视频文件 (*.mp4 *.mov *.mkv *.avi *.ts *.flv *.webm)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="364"/>
        <location filename="../../studio/ui/checks/camera_card.py" line="390"/>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="366"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="373"/>
        <source>Stopped. Press Start to see the camera again.</source>
        <translation>已停止。按“开始”重新查看摄像头。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="382"/>
        <source>Camera lost — reconnecting…</source>
        <translation>摄像头断开 —— 正在重连…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="386"/>
        <source>Camera lost — reconnecting… (%1)</source>
        <translation>摄像头断开 —— 正在重连…（%1）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="395"/>
        <source>The video ended.</source>
        <translation>视频已播完。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="397"/>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="403"/>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="404"/>
        <source>Live: %1x%2</source>
        <translation>实时：%1x%2</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="406"/>
        <source>%1 fps</source>
        <translation>%1 fps</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="408"/>
        <source>(asked %1x%2)</source>
        <translation>（请求 %1x%2）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="429"/>
        <source>Picture problem: %1</source>
        <translation>画面问题：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="453"/>
        <source>Saving the check…</source>
        <translation>正在保存检查…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="466"/>
        <source>not enough picture yet, wait a second</source>
        <translation>画面还不够，请稍等一秒</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="483"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="489"/>
        <source>Saved check #%1: %2</source>
        <translation>已保存检查 #%1：%2</translation>
    </message>
</context>
<context>
    <name>CameraPreview</name>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="128"/>
        <source>face</source>
        <translation>脸部</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="128"/>
        <source>frame</source>
        <translation>画面</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="129"/>
        <source>Focus %1 (%2)</source>
        <translation>对焦 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="130"/>
        <source>Luma %1</source>
        <translation>亮度 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="142"/>
        <source>Zebra: %1% clipped</source>
        <translation>斑马纹：%1% 过曝</translation>
    </message>
</context>
<context>
    <name>QtCamera</name>
    <message>
        <location filename="../../studio/ui/devices/qt_camera.py" line="65"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../studio/ui/devices/qt_camera.py" line="68"/>
        <source>lost</source>
        <translation>断开</translation>
    </message>
    <message>
        <location filename="../../studio/ui/devices/qt_camera.py" line="70"/>
        <source>frozen</source>
        <translation>冻结</translation>
    </message>
    <message>
        <location filename="../../studio/ui/devices/qt_camera.py" line="72"/>
        <source>black</source>
        <translation>黑屏</translation>
    </message>
    <message>
        <location filename="../../studio/ui/devices/qt_camera.py" line="74"/>
        <source>opening</source>
        <translation>打开中</translation>
    </message>
    <message>
        <location filename="../../studio/ui/devices/qt_camera.py" line="78"/>
        <source>check failed</source>
        <translation>检查未通过</translation>
    </message>
    <message>
        <location filename="../../studio/ui/devices/qt_camera.py" line="80"/>
        <source>slow</source>
        <translation>掉帧</translation>
    </message>
    <message>
        <location filename="../../studio/ui/devices/qt_camera.py" line="82"/>
        <source>check: warnings</source>
        <translation>检查有警告</translation>
    </message>
    <message>
        <location filename="../../studio/ui/devices/qt_camera.py" line="83"/>
        <source>live</source>
        <translation>正常</translation>
    </message>
</context>
</TS>
