<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CameraCheckCard</name>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="180"/>
        <source>Camera &amp; lighting</source>
        <translation>摄像头与灯光</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="194"/>
        <source>Camera number, stream URL (rtsp://, udp://, http://) or video file</source>
        <translation>摄像头编号、推流地址（rtsp://、udp://、http://）或视频文件</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="196"/>
        <source>Camera source</source>
        <translation>摄像头来源</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="199"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="200"/>
        <source>Look for cameras again</source>
        <translation>重新查找摄像头</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="203"/>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="204"/>
        <source>Check a recorded video instead of a live camera</source>
        <translation>检查录好的视频，而不是实时摄像头</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="207"/>
        <location filename="../../studio/ui/checks/camera_card.py" line="366"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="212"/>
        <source>Looking for cameras…</source>
        <translation>正在查找摄像头…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="217"/>
        <source>Pick a camera, a stream URL or a video file, then press Start</source>
        <translation>选择摄像头、推流地址或视频文件，然后按“开始”</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="221"/>
        <source>n/a</source>
        <translation>未测</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="227"/>
        <source>Run check</source>
        <translation>运行检查</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="229"/>
        <source>Save the last few seconds&apos; findings as this show&apos;s camera check</source>
        <translation>把最近几秒的检查结果保存为本场直播的摄像头检查</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="242"/>
        <source>Frame rate</source>
        <translation>帧率</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="243"/>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="244"/>
        <source>Focus</source>
        <translation>对焦</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="245"/>
        <source>Exposure</source>
        <translation>曝光</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="246"/>
        <source>White balance</source>
        <translation>白平衡</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="247"/>
        <source>Flicker</source>
        <translation>频闪</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="248"/>
        <source>Frozen picture</source>
        <translation>画面冻结</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="249"/>
        <source>Black frames</source>
        <translation>黑帧</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="250"/>
        <source>Lighting balance</source>
        <translation>光线均衡</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="295"/>
        <source>Could not list cameras: %1</source>
        <translation>无法列出摄像头：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="299"/>
        <source>No camera found. Plug one in and press Refresh, or enter a stream URL or video file.</source>
        <translation>未找到摄像头。请插上后按“刷新”，或输入推流地址或视频文件。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/checks/camera_card.py" line="304"/>
        <source>%n camera(s) found. Press Start.</source>
        <translation>
            <numerusform>找到 %n 个摄像头。按“开始”。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="330"/>
        <source>Choose a video</source>
        <translation>选择视频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="332"/>
        <source>Video files (*.mp4 *.mov *.mkv *.avi *.ts *.flv *.webm)</source>
        <translation>视频文件 (*.mp4 *.mov *.mkv *.avi *.ts *.flv *.webm)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="360"/>
        <location filename="../../studio/ui/checks/camera_card.py" line="386"/>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="362"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="369"/>
        <source>Stopped. Press Start to see the camera again.</source>
        <translation>已停止。按“开始”重新查看摄像头。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="378"/>
        <source>Camera lost — reconnecting…</source>
        <translation>摄像头断开 —— 正在重连…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="382"/>
        <source>Camera lost — reconnecting… (%1)</source>
        <translation>摄像头断开 —— 正在重连…（%1）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="391"/>
        <source>The video ended.</source>
        <translation>视频已播完。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="393"/>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="399"/>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="400"/>
        <source>Live: %1x%2</source>
        <translation>实时：%1x%2</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="402"/>
        <source>%1 fps</source>
        <translation>%1 fps</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="404"/>
        <source>(asked %1x%2)</source>
        <translation>（请求 %1x%2）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="425"/>
        <source>Picture problem: %1</source>
        <translation>画面问题：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="448"/>
        <source>Saving the check…</source>
        <translation>正在保存检查…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="461"/>
        <source>not enough picture yet, wait a second</source>
        <translation>画面还不够，请稍等一秒</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="478"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="484"/>
        <source>Saved check #%1: %2</source>
        <translation>已保存检查 #%1：%2</translation>
    </message>
</context>
<context>
    <name>CameraPreview</name>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="127"/>
        <source>face</source>
        <translation>脸部</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="127"/>
        <source>frame</source>
        <translation>画面</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="128"/>
        <source>Focus %1 (%2)</source>
        <translation>对焦 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="129"/>
        <source>Luma %1</source>
        <translation>亮度 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="141"/>
        <source>Zebra: %1% clipped</source>
        <translation>斑马纹：%1% 过曝</translation>
    </message>
</context>
<context>
    <name>QtCamera</name>
    <message>
        <location filename="../../studio/ui/devices/qt_camera.py" line="64"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../studio/ui/devices/qt_camera.py" line="67"/>
        <source>lost</source>
        <translation>断开</translation>
    </message>
    <message>
        <location filename="../../studio/ui/devices/qt_camera.py" line="69"/>
        <source>frozen</source>
        <translation>冻结</translation>
    </message>
    <message>
        <location filename="../../studio/ui/devices/qt_camera.py" line="71"/>
        <source>black</source>
        <translation>黑屏</translation>
    </message>
    <message>
        <location filename="../../studio/ui/devices/qt_camera.py" line="73"/>
        <source>opening</source>
        <translation>打开中</translation>
    </message>
    <message>
        <location filename="../../studio/ui/devices/qt_camera.py" line="75"/>
        <source>slow</source>
        <translation>掉帧</translation>
    </message>
    <message>
        <location filename="../../studio/ui/devices/qt_camera.py" line="76"/>
        <source>live</source>
        <translation>正常</translation>
    </message>
</context>
</TS>
