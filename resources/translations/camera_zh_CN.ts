<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CameraCheckCard</name>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="193"/>
        <source>Camera &amp; lighting</source>
        <translation>摄像头与灯光</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="215"/>
        <source>Camera number, stream URL (rtsp://, udp://, http://) or video file</source>
        <translation>摄像头编号、推流地址（rtsp://、udp://、http://）或视频文件</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="217"/>
        <source>Camera source</source>
        <translation>摄像头来源</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="220"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="221"/>
        <source>Look for cameras again</source>
        <translation>重新查找摄像头</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="224"/>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="225"/>
        <source>Check a recorded video instead of a live camera</source>
        <translation>检查录好的视频，而不是实时摄像头</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="228"/>
        <location filename="../../studio/ui/checks/camera_card.py" line="554"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="233"/>
        <source>Looking for cameras…</source>
        <translation>正在查找摄像头…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="238"/>
        <source>Pick a camera, a stream URL or a video file, then press Start</source>
        <translation>选择摄像头、推流地址或视频文件，然后按“开始”</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="262"/>
        <source>Run check</source>
        <translation>运行检查</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="264"/>
        <source>Save the last few seconds&apos; findings as this show&apos;s camera check</source>
        <translation>把最近几秒的检查结果保存为本场直播的摄像头检查</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="278"/>
        <source>Frame rate</source>
        <translation>帧率</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="279"/>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="280"/>
        <source>Focus</source>
        <translation>对焦</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="281"/>
        <source>Exposure</source>
        <translation>曝光</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="282"/>
        <source>White balance</source>
        <translation>白平衡</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="283"/>
        <source>Flicker</source>
        <translation>频闪</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="284"/>
        <source>Frozen picture</source>
        <translation>画面冻结</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="285"/>
        <source>Black frames</source>
        <translation>黑帧</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="286"/>
        <source>Lighting balance</source>
        <translation>光线均衡</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="294"/>
        <source>No frames arrived: check the cable, the capture box and that no other app holds the camera</source>
        <translation>没有收到画面：检查线缆、采集卡，并确认没有其他程序占用摄像头</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="297"/>
        <source>Too few frames to measure the frame rate: run the check for longer</source>
        <translation>帧数太少，无法测量帧率：请延长检查时间</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="300"/>
        <source>The source dropped out {losses} time(s) during the check: check the cable/network and the capture box</source>
        <translation>检查期间信号中断 {losses} 次：检查线缆/网络和采集卡</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="303"/>
        <source>Frame timing uneven ({jitter:.1f} ms jitter at {fps:.1f} fps): close other apps using the USB bus or CPU</source>
        <translation>帧间隔不均匀（{fps:.1f} fps 时抖动 {jitter:.1f} ms）：关闭占用 USB 总线或 CPU 的其他程序</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="305"/>
        <source>{fps:.1f} fps (expected {expected:g})</source>
        <translation>{fps:.1f} fps（应为 {expected:g}）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="307"/>
        <source>Frame rate low: {fps:.1f} fps, expected {expected:g}. Add light (cameras slow down in the dark to expose longer), or lower the resolution/USB load</source>
        <translation>帧率偏低：{fps:.1f} fps，应为 {expected:g}。请补光（光线暗时摄像头会降帧延长曝光），或降低分辨率/USB 负载</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="310"/>
        <source>{dropped} frames dropped ({pct:.1f}%): use a shorter or better cable/USB port, or a lower resolution</source>
        <translation>丢帧 {dropped} 帧（{pct:.1f}%）：换用更短或更好的线缆/USB 口，或降低分辨率</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="313"/>
        <source>Camera gives {w}x{h}, not the requested {rw}x{rh}: pick a mode it supports, or check the USB 3 port/cable</source>
        <translation>摄像头输出 {w}x{h}，而非请求的 {rw}x{rh}：选择它支持的模式，或检查 USB 3 接口/线缆</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="315"/>
        <source>{w}x{h}</source>
        <translation>{w}x{h}</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="317"/>
        <source>Resolution {w}x{h} is below {mw}x{mh}: set the camera or capture box to 1080p (or at least 720p)</source>
        <translation>分辨率 {w}x{h} 低于 {mw}x{mh}：请把摄像头或采集卡设为 1080p（至少 720p）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="319"/>
        <source>Not measured: the picture is black</source>
        <translation>未测量：画面是黑的</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="320"/>
        <source>Focus not measured: no usable picture</source>
        <translation>未测量对焦：没有可用画面</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="321"/>
        <source>Sharp on the face (score {score:.0f})</source>
        <translation>脸部清晰（得分 {score:.0f}）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="322"/>
        <source>Sharp on the frame, no face found (score {score:.0f})</source>
        <translation>整体画面清晰，未检测到人脸（得分 {score:.0f}）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="324"/>
        <source>Picture soft on the face (score {score:.0f}, want ≥{want:g}): refocus on the anchor&apos;s eyes, or clean the lens</source>
        <translation>脸部发虚（得分 {score:.0f}，应 ≥{want:g}）：对焦到主播眼睛，或清洁镜头</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="327"/>
        <source>Picture soft on the frame, no face found (score {score:.0f}, want ≥{want:g}): refocus on the anchor, or clean the lens</source>
        <translation>画面发虚，未检测到人脸（得分 {score:.0f}，应 ≥{want:g}）：重新对焦到主播，或清洁镜头</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="329"/>
        <source>Exposure not measured: no usable picture</source>
        <translation>未测量曝光：没有可用画面</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="331"/>
        <source>Face too dark (luma {level:.0f}): raise key light or exposure by ~{stops:g} {stops_word}</source>
        <translation>脸部太暗（亮度 {level:.0f}）：把主光或曝光提高约 {stops:g} 档</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="334"/>
        <source>Image too dark (luma {level:.0f}): raise key light or exposure by ~{stops:g} {stops_word}</source>
        <translation>画面太暗（亮度 {level:.0f}）：把主光或曝光提高约 {stops:g} 档</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="337"/>
        <source>Face too bright (luma {level:.0f}): lower key light or exposure by ~{stops:g} {stops_word}</source>
        <translation>脸部太亮（亮度 {level:.0f}）：把主光或曝光降低约 {stops:g} 档</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="340"/>
        <source>Image too bright (luma {level:.0f}): lower key light or exposure by ~{stops:g} {stops_word}</source>
        <translation>画面太亮（亮度 {level:.0f}）：把主光或曝光降低约 {stops:g} 档</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="343"/>
        <source>Highlights clipped on {pct:.1f}% of the picture: lower exposure or take light off the brightest areas</source>
        <translation>画面 {pct:.1f}% 的高光过曝：降低曝光，或减少最亮区域的光</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="346"/>
        <source>Shadows crushed on {pct:.1f}% of the picture: add fill light or lift the background</source>
        <translation>画面 {pct:.1f}% 的暗部死黑：加补光或提亮背景</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="348"/>
        <source>Exposure good (face luma {level:.0f})</source>
        <translation>曝光正常（脸部亮度 {level:.0f}）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="349"/>
        <source>Exposure good (image luma {level:.0f})</source>
        <translation>曝光正常（画面亮度 {level:.0f}）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="351"/>
        <source>Colour temperature not measured: picture too dark, clipped or far off white</source>
        <translation>未测量色温：画面太暗、过曝或严重偏色</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="354"/>
        <source>Picture looks warm (orange), ~{cct:.0f} K: set the camera&apos;s white balance on a grey card under the show lights, and don&apos;t mix daylight with tungsten</source>
        <translation>画面偏暖（偏橙），约 {cct:.0f} K：在直播灯光下用灰卡设置摄像头白平衡，不要混用日光和钨丝灯</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="357"/>
        <source>Picture looks cool (blue), ~{cct:.0f} K: set the camera&apos;s white balance on a grey card under the show lights, and don&apos;t mix daylight with tungsten</source>
        <translation>画面偏冷（偏蓝），约 {cct:.0f} K：在直播灯光下用灰卡设置摄像头白平衡，不要混用日光和钨丝灯</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="360"/>
        <source>Green tint (Duv {duv:+.3f}): correct the tint in the camera, or check the LED panels&apos; green shift</source>
        <translation>偏绿（Duv {duv:+.3f}）：在摄像头里校正色调，或检查 LED 灯板是否偏绿</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="363"/>
        <source>Magenta tint (Duv {duv:+.3f}): correct the tint in the camera, or check the LED panels&apos; magenta shift</source>
        <translation>偏品红（Duv {duv:+.3f}）：在摄像头里校正色调，或检查 LED 灯板是否偏品红</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="365"/>
        <source>Neutral white balance (~{cct:.0f} K)</source>
        <translation>白平衡中性（约 {cct:.0f} K）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="366"/>
        <source>Too short a run to judge flicker (needs {secs:g} s)</source>
        <translation>检查时间太短，无法判断频闪（需要 {secs:g} 秒）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="367"/>
        <source>No light flicker seen</source>
        <translation>未发现灯光频闪</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="369"/>
        <source>Light flicker: picture pulses at {hz:.1f} Hz ({depth:.1f}% deep), the alias of {light} Hz light flicker from {mains} Hz mains: set the camera shutter to 1/{s1} or 1/{s2} s (anti-flicker {mains} Hz)</source>
        <translation>灯光频闪：画面以 {hz:.1f} Hz 闪动（幅度 {depth:.1f}%），是 {mains} Hz 市电下 {light} Hz 灯光频闪的混叠：把摄像头快门设为 1/{s1} 或 1/{s2} 秒（抗闪烁 {mains} Hz）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="372"/>
        <source>Rolling bands from {light} Hz light flicker on {mains} Hz mains ({depth:.1f}% deep, ~{hz:.0f} Hz): set the camera shutter to 1/{s1} or 1/{s2} s (anti-flicker {mains} Hz)</source>
        <translation>{mains} Hz 市电下 {light} Hz 灯光频闪造成滚动条纹（幅度 {depth:.1f}%，约 {hz:.0f} Hz）：把摄像头快门设为 1/{s1} 或 1/{s2} 秒（抗闪烁 {mains} Hz）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="375"/>
        <source>Light flicker: picture pulses at {hz:.1f} Hz ({depth:.1f}% deep) from a light not on mains frequency (PWM dimmer?): set the dimmers to 100% or use flicker-free LED drivers</source>
        <translation>灯光频闪：画面以 {hz:.1f} Hz 闪动（幅度 {depth:.1f}%），来源不是市电频率的灯（调光器 PWM？）：把调光开到 100%，或换用无频闪 LED 驱动</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="378"/>
        <source>Rolling bands ({depth:.1f}% deep, ~{hz:.0f} Hz) from a light not on mains frequency (PWM dimmer?): set the dimmers to 100% or use flicker-free LED drivers</source>
        <translation>滚动条纹（幅度 {depth:.1f}%，约 {hz:.0f} Hz），来源不是市电频率的灯（调光器 PWM？）：把调光开到 100%，或换用无频闪 LED 驱动</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="380"/>
        <source>Picture is live (no frozen frames)</source>
        <translation>画面正常刷新（无冻结帧）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="381"/>
        <source>{n} repeated frame(s), none held long</source>
        <translation>{n} 个重复帧，均未长时间停留</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="383"/>
        <source>Picture froze for {secs:.1f} s ({n} identical frames): check the capture box/encoder and restart the source</source>
        <translation>画面冻结 {secs:.1f} 秒（{n} 个相同帧）：检查采集卡/编码器并重启信号源</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="385"/>
        <source>No black frames</source>
        <translation>无黑帧</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="387"/>
        <source>{n} black frame(s), longest {secs:.1f} s: check the lens cap, the camera&apos;s HDMI output and the capture box input</source>
        <translation>{n} 个黑帧，最长 {secs:.1f} 秒：检查镜头盖、摄像头 HDMI 输出和采集卡输入</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="389"/>
        <source>Lighting balance not measured: no usable picture</source>
        <translation>未测量光线均衡：没有可用画面</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="391"/>
        <source>Even light on the face ({stops:.1f} stops left/right; frame evenness {even:.2f})</source>
        <translation>脸部光线均匀（左右相差 {stops:.1f} 档；画面均匀度 {even:.2f}）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="394"/>
        <source>Even light on the frame, no face found ({stops:.1f} stops left/right; frame evenness {even:.2f})</source>
        <translation>画面光线均匀，未检测到人脸（左右相差 {stops:.1f} 档；画面均匀度 {even:.2f}）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="397"/>
        <source>Uneven light on the face: camera-left side ~{stops:g} {stops_word} darker — add fill light on that side or move the key light towards the camera</source>
        <translation>脸部光线不均：画面左侧暗约 {stops:g} 档 —— 在该侧加补光，或把主光移向摄像头方向</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="400"/>
        <source>Uneven light on the face: camera-right side ~{stops:g} {stops_word} darker — add fill light on that side or move the key light towards the camera</source>
        <translation>脸部光线不均：画面右侧暗约 {stops:g} 档 —— 在该侧加补光，或把主光移向摄像头方向</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="403"/>
        <source>Uneven light on the frame (no face found): camera-left side ~{stops:g} {stops_word} darker — add fill light on that side or move the key light towards the camera</source>
        <translation>画面光线不均（未检测到人脸）：画面左侧暗约 {stops:g} 档 —— 在该侧加补光，或把主光移向摄像头方向</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="406"/>
        <source>Uneven light on the frame (no face found): camera-right side ~{stops:g} {stops_word} darker — add fill light on that side or move the key light towards the camera</source>
        <translation>画面光线不均（未检测到人脸）：画面右侧暗约 {stops:g} 档 —— 在该侧加补光，或把主光移向摄像头方向</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="411"/>
        <source>PASS</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="411"/>
        <source>WARN</source>
        <translation>注意</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="411"/>
        <source>FAIL</source>
        <translation>不通过</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="415"/>
        <source>n/a</source>
        <translation>未测</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="428"/>
        <source>Not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="483"/>
        <source>Could not list cameras: %1</source>
        <translation>无法列出摄像头：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="487"/>
        <source>No camera found. Plug one in and press Refresh, or enter a stream URL or video file.</source>
        <translation>未找到摄像头。请插上后按“刷新”，或输入推流地址或视频文件。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/checks/camera_card.py" line="492"/>
        <source>%n camera(s) found. Press Start.</source>
        <translation>
            <numerusform>找到 %n 个摄像头。按“开始”。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="518"/>
        <source>Choose a video</source>
        <translation>选择视频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="520"/>
        <source>Video files (*.mp4 *.mov *.mkv *.avi *.ts *.flv *.webm)</source>
        <translation>视频文件 (*.mp4 *.mov *.mkv *.avi *.ts *.flv *.webm)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="548"/>
        <location filename="../../studio/ui/checks/camera_card.py" line="574"/>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="550"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="557"/>
        <source>Stopped. Press Start to see the camera again.</source>
        <translation>已停止。按“开始”重新查看摄像头。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="566"/>
        <source>Camera lost — reconnecting…</source>
        <translation>摄像头断开 —— 正在重连…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="570"/>
        <source>Camera lost — reconnecting… (%1)</source>
        <translation>摄像头断开 —— 正在重连…（%1）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="579"/>
        <source>The video ended.</source>
        <translation>视频已播完。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="581"/>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="587"/>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="588"/>
        <source>Live: %1x%2</source>
        <translation>实时：%1x%2</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="590"/>
        <source>%1 fps</source>
        <translation>%1 fps</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="592"/>
        <source>(asked %1x%2)</source>
        <translation>（请求 %1x%2）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="613"/>
        <source>Picture problem: %1</source>
        <translation>画面问题：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="644"/>
        <source>Saving the check…</source>
        <translation>正在保存检查…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="657"/>
        <source>not enough picture yet, wait a second</source>
        <translation>画面还不够，请稍等一秒</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="674"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="680"/>
        <source>Saved check #%1: %2</source>
        <translation>已保存检查 #%1：%2</translation>
    </message>
</context>
<context>
    <name>CameraPreview</name>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="138"/>
        <source>face</source>
        <translation>脸部</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="138"/>
        <source>frame</source>
        <translation>画面</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="139"/>
        <source>Focus %1 (%2)</source>
        <translation>对焦 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="140"/>
        <source>Luma %1</source>
        <translation>亮度 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/camera_card.py" line="152"/>
        <source>Zebra: %1% clipped</source>
        <translation>斑马纹：%1% 过曝</translation>
    </message>
</context>
<context>
    <name>QtCamera</name>
    <message>
        <location filename="../../studio/ui/qt_camera.py" line="64"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../studio/ui/qt_camera.py" line="67"/>
        <source>lost</source>
        <translation>断开</translation>
    </message>
    <message>
        <location filename="../../studio/ui/qt_camera.py" line="69"/>
        <source>frozen</source>
        <translation>冻结</translation>
    </message>
    <message>
        <location filename="../../studio/ui/qt_camera.py" line="71"/>
        <source>black</source>
        <translation>黑屏</translation>
    </message>
    <message>
        <location filename="../../studio/ui/qt_camera.py" line="73"/>
        <source>opening</source>
        <translation>打开中</translation>
    </message>
    <message>
        <location filename="../../studio/ui/qt_camera.py" line="75"/>
        <source>slow</source>
        <translation>掉帧</translation>
    </message>
    <message>
        <location filename="../../studio/ui/qt_camera.py" line="76"/>
        <source>live</source>
        <translation>正常</translation>
    </message>
</context>
</TS>
