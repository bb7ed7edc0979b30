<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AvFindings</name>
    <message>
        <location filename="../../studio/devices/av/sync.py" line="78" />
        <source>Sound and picture in sync: sound {offset:+.0f} ms ({events} events)</source>
        <translation>音画同步：声音 {offset:+.0f} ms（{events} 个同步事件）</translation>
    </message>
    <message>
        <location filename="../../studio/devices/av/sync.py" line="81" />
        <source>Sound {ms:.0f} ms behind the picture ({events} events): viewers {notice}. Bring the sound {ms:.0f} ms earlier (OBS: lower the microphone's Sync Offset by {ms:.0f} ms, down to -950) or delay the picture (a Render Delay filter on the camera source)</source>
        <translation>声音比画面晚 {ms:.0f} ms（{events} 个同步事件）：观众{notice}。把声音提前 {ms:.0f} ms（OBS：把麦克风的“同步偏移”减小 {ms:.0f} ms，最低 -950），或延迟画面（在摄像头来源上加“渲染延迟”滤镜）</translation>
    </message>
    <message>
        <location filename="../../studio/devices/av/sync.py" line="87" />
        <source>Sound {ms:.0f} ms ahead of the picture ({events} events): viewers {notice}. Delay the sound by {ms:.0f} ms (OBS: raise the microphone's Sync Offset by {ms:.0f} ms in Advanced Audio Properties)</source>
        <translation>声音比画面早 {ms:.0f} ms（{events} 个同步事件）：观众{notice}。把声音延迟 {ms:.0f} ms（OBS：在“高级音频属性”中把麦克风的“同步偏移”增加 {ms:.0f} ms）</translation>
    </message>
    <message>
        <location filename="../../studio/devices/av/sync.py" line="93" />
        <source>can notice it</source>
        <translation>能察觉到</translation>
    </message>
    <message>
        <location filename="../../studio/devices/av/sync.py" line="94" />
        <source>will find it unacceptable</source>
        <translation>将无法接受</translation>
    </message>
    <message>
        <location filename="../../studio/devices/av/sync.py" line="95" />
        <source>No sync events to measure ({picture} in the picture, {sound} in the sound): play the sync pattern (studio check av --make-pattern) through the encoder, or clap a clapper board in front of the camera a few times</source>
        <translation>没有可测量的同步事件（画面中 {picture} 个，声音中 {sound} 个）：通过编码器播放本软件的同步测试图案，或在摄像头前打几次场记板</translation>
    </message>
    <message>
        <location filename="../../studio/devices/av/sync.py" line="101" />
        <source>Picture and sound events do not line up ({picture} in the picture, {sound} in the sound, none within {max:.0f} ms of each other): is the sound from this camera's room?</source>
        <translation>画面和声音的事件对不上（画面中 {picture} 个，声音中 {sound} 个，彼此相差都超过 {max:.0f} ms）：声音是否来自这台摄像头所在的房间？</translation>
    </message>
    <message>
        <location filename="../../studio/devices/av/sync.py" line="106" />
        <source>Sound {offset:+.0f} ms against the picture, but from only {events} event(s) or with a {spread:.0f} ms spread (confidence {confidence:.2f}): measure again with the sync pattern</source>
        <translation>声音相对画面 {offset:+.0f} ms，但只基于 {events} 个事件或离散达 {spread:.0f} ms（置信度 {confidence:.2f}）：请用同步测试图案重新测量</translation>
    </message>
</context>
<context>
    <name>CameraConditions</name>
    <message>
        <location filename="../../studio/devices/camera/monitor.py" line="31" />
        <source>Camera picture frozen: check the capture box and the camera's output</source>
        <translation>摄像头画面冻结：检查采集卡和摄像头的输出</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/monitor.py" line="34" />
        <source>Camera picture black: check the lens cap, HDMI cable and capture input</source>
        <translation>摄像头画面黑屏：检查镜头盖、HDMI 线和采集卡输入</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/monitor.py" line="37" />
        <source>Camera lost — reconnecting…</source>
        <translation>摄像头断开 —— 正在重连…</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/monitor.py" line="38" />
        <source>Camera frame rate low: {fps:.1f} fps of {expected:g}</source>
        <translation>摄像头帧率过低：{fps:.1f} fps（应为 {expected:g}）</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/monitor.py" line="41" />
        <source>{message} — recovered</source>
        <translation>{message} —— 已恢复</translation>
    </message>
</context>
<context>
    <name>CameraFindings</name>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="38" />
        <source>No frames arrived: check the cable, the capture box and that no other app holds the camera</source>
        <translation>没有收到画面：检查线缆、采集卡，并确认没有其他程序占用摄像头</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="43" />
        <source>Too few frames to measure the frame rate: run the check for longer</source>
        <translation>帧数太少，无法测量帧率：请延长检查时间</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="46" />
        <source>The source dropped out {losses} time(s) during the check: check the cable/network and the capture box</source>
        <translation>检查期间信号中断 {losses} 次：检查线缆/网络和采集卡</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="51" />
        <source>Frame timing uneven ({jitter:.1f} ms jitter at {fps:.1f} fps): close other apps using the USB bus or CPU</source>
        <translation>帧间隔不均匀（{fps:.1f} fps 时抖动 {jitter:.1f} ms）：关闭占用 USB 总线或 CPU 的其他程序</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="56" />
        <source>{fps:.1f} fps (expected {expected:g})</source>
        <translation>{fps:.1f} fps（应为 {expected:g}）</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="57" />
        <source>Frame rate low: {fps:.1f} fps, expected {expected:g}. Add light (cameras slow down in the dark to expose longer), or lower the resolution/USB load</source>
        <translation>帧率偏低：{fps:.1f} fps，应为 {expected:g}。请补光（光线暗时摄像头会降帧延长曝光），或降低分辨率/USB 负载</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="62" />
        <source>{dropped} frames dropped ({pct:.1f}%): use a shorter or better cable/USB port, or a lower resolution</source>
        <translation>丢帧 {dropped} 帧（{pct:.1f}%）：换用更短或更好的线缆/USB 口，或降低分辨率</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="67" />
        <source>Camera gives {w}x{h}, not the requested {rw}x{rh}: pick a mode it supports, or check the USB 3 port/cable</source>
        <translation>摄像头输出 {w}x{h}，而非请求的 {rw}x{rh}：选择它支持的模式，或检查 USB 3 接口/线缆</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="72" />
        <source>{w}x{h}</source>
        <translation>{w}x{h}</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="73" />
        <source>Resolution {w}x{h} is below {mw}x{mh}: set the camera or capture box to 1080p (or at least 720p)</source>
        <translation>分辨率 {w}x{h} 低于 {mw}x{mh}：请把摄像头或采集卡设为 1080p（至少 720p）</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="78" />
        <source>Not measured: the picture is black</source>
        <translation>未测量：画面是黑的</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="79" />
        <source>Focus not measured: no usable picture</source>
        <translation>未测量对焦：没有可用画面</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="80" />
        <source>Sharp on the face (score {score:.0f})</source>
        <translation>脸部清晰（得分 {score:.0f}）</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="81" />
        <source>Sharp on the frame, no face found (score {score:.0f})</source>
        <translation>整体画面清晰，未检测到人脸（得分 {score:.0f}）</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="84" />
        <source>Picture soft on the face (score {score:.0f}, want ≥{want:g}): refocus on the anchor's eyes, or clean the lens</source>
        <translation>脸部发虚（得分 {score:.0f}，应 ≥{want:g}）：对焦到主播眼睛，或清洁镜头</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="89" />
        <source>Picture soft on the frame, no face found (score {score:.0f}, want ≥{want:g}): refocus on the anchor, or clean the lens</source>
        <translation>画面发虚，未检测到人脸（得分 {score:.0f}，应 ≥{want:g}）：重新对焦到主播，或清洁镜头</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="94" />
        <source>Exposure not measured: no usable picture</source>
        <translation>未测量曝光：没有可用画面</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="97" />
        <source>Face too dark (luma {level:.0f}): raise key light or exposure by ~{stops:g} {stops_word}</source>
        <translation>脸部太暗（亮度 {level:.0f}）：把主光或曝光提高约 {stops:g} 档</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="101" />
        <source>Image too dark (luma {level:.0f}): raise key light or exposure by ~{stops:g} {stops_word}</source>
        <translation>画面太暗（亮度 {level:.0f}）：把主光或曝光提高约 {stops:g} 档</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="105" />
        <source>Face too bright (luma {level:.0f}): lower key light or exposure by ~{stops:g} {stops_word}</source>
        <translation>脸部太亮（亮度 {level:.0f}）：把主光或曝光降低约 {stops:g} 档</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="110" />
        <source>Image too bright (luma {level:.0f}): lower key light or exposure by ~{stops:g} {stops_word}</source>
        <translation>画面太亮（亮度 {level:.0f}）：把主光或曝光降低约 {stops:g} 档</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="115" />
        <source>Highlights clipped on {pct:.1f}% of the picture: lower exposure or take light off the brightest areas</source>
        <translation>画面 {pct:.1f}% 的高光过曝：降低曝光，或减少最亮区域的光</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="120" />
        <source>Shadows crushed on {pct:.1f}% of the picture: add fill light or lift the background</source>
        <translation>画面 {pct:.1f}% 的暗部死黑：加补光或提亮背景</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="124" />
        <source>Exposure good (face luma {level:.0f})</source>
        <translation>曝光正常（脸部亮度 {level:.0f}）</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="127" />
        <source>Exposure good (image luma {level:.0f})</source>
        <translation>曝光正常（画面亮度 {level:.0f}）</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="130" />
        <source>Colour temperature not measured: picture too dark, clipped or far off white</source>
        <translation>未测量色温：画面太暗、过曝或严重偏色</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="134" />
        <source>Picture looks warm (orange), ~{cct:.0f} K: set the camera's white balance on a grey card under the show lights, and don't mix daylight with tungsten</source>
        <translation>画面偏暖（偏橙），约 {cct:.0f} K：在直播灯光下用灰卡设置摄像头白平衡，不要混用日光和钨丝灯</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="139" />
        <source>Picture looks cool (blue), ~{cct:.0f} K: set the camera's white balance on a grey card under the show lights, and don't mix daylight with tungsten</source>
        <translation>画面偏冷（偏蓝），约 {cct:.0f} K：在直播灯光下用灰卡设置摄像头白平衡，不要混用日光和钨丝灯</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="144" />
        <source>Green tint (Duv {duv:+.3f}): correct the tint in the camera, or check the LED panels' green shift</source>
        <translation>偏绿（Duv {duv:+.3f}）：在摄像头里校正色调，或检查 LED 灯板是否偏绿</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="149" />
        <source>Magenta tint (Duv {duv:+.3f}): correct the tint in the camera, or check the LED panels' magenta shift</source>
        <translation>偏品红（Duv {duv:+.3f}）：在摄像头里校正色调，或检查 LED 灯板是否偏品红</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="154" />
        <source>Neutral white balance (~{cct:.0f} K)</source>
        <translation>白平衡中性（约 {cct:.0f} K）</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="155" />
        <source>Too short a run to judge flicker (needs {secs:g} s)</source>
        <translation>检查时间太短，无法判断频闪（需要 {secs:g} 秒）</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="158" />
        <source>No light flicker seen</source>
        <translation>未发现灯光频闪</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="159" />
        <source>Light flicker: picture pulses at {hz:.1f} Hz ({depth:.1f}% deep), the alias of {light} Hz light flicker from {mains} Hz mains: set the camera shutter to 1/{s1} or 1/{s2} s (anti-flicker {mains} Hz)</source>
        <translation>灯光频闪：画面以 {hz:.1f} Hz 闪动（幅度 {depth:.1f}%），是 {mains} Hz 市电下 {light} Hz 灯光频闪的混叠：把摄像头快门设为 1/{s1} 或 1/{s2} 秒（抗闪烁 {mains} Hz）</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="165" />
        <source>Rolling bands from {light} Hz light flicker on {mains} Hz mains ({depth:.1f}% deep, ~{hz:.0f} Hz): set the camera shutter to 1/{s1} or 1/{s2} s (anti-flicker {mains} Hz)</source>
        <translation>{mains} Hz 市电下 {light} Hz 灯光频闪造成滚动条纹（幅度 {depth:.1f}%，约 {hz:.0f} Hz）：把摄像头快门设为 1/{s1} 或 1/{s2} 秒（抗闪烁 {mains} Hz）</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="171" />
        <source>Standing bands: {bands:.1f} horizontal stripes per frame that stay put ({depth:.1f}% deep), from {light} Hz light flicker on {mains} Hz mains at {fps:g} fps: set the camera shutter to 1/{s1} or 1/{s2} s (anti-flicker {mains} Hz), or use flicker-free lights</source>
        <translation>静止条纹：每帧 {bands:.1f} 条不动的横向条纹（深 {depth:.1f}%），来自 {mains} Hz 市电下 {light} Hz 的灯光频闪（{fps:g} fps）：把相机快门设为 1/{s1} 或 1/{s2} 秒（抗闪烁 {mains} Hz），或换用无频闪灯具</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="178" />
        <source>Standing bands: {bands:.1f} horizontal stripes per frame that stay put ({depth:.1f}% deep), from light flicker at a multiple of {fps:g} fps: set the camera shutter to 1/50 or 1/100 s on 50 Hz mains, 1/60 or 1/120 s on 60 Hz, or use flicker-free lights</source>
        <translation>静止条纹：每帧 {bands:.1f} 条不动的横向条纹（深 {depth:.1f}%），来自频率为 {fps:g} fps 整数倍的灯光频闪：50 Hz 市电下把快门设为 1/50 或 1/100 秒，60 Hz 市电下设为 1/60 或 1/120 秒，或换用无频闪灯具</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="184" />
        <source>Light flicker: picture pulses at {hz:.1f} Hz ({depth:.1f}% deep) from a light not on mains frequency (PWM dimmer?): set the dimmers to 100% or use flicker-free LED drivers</source>
        <translation>灯光频闪：画面以 {hz:.1f} Hz 闪动（幅度 {depth:.1f}%），来源不是市电频率的灯（调光器 PWM？）：把调光开到 100%，或换用无频闪 LED 驱动</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="190" />
        <source>Rolling bands ({depth:.1f}% deep, ~{hz:.0f} Hz) from a light not on mains frequency (PWM dimmer?): set the dimmers to 100% or use flicker-free LED drivers</source>
        <translation>滚动条纹（幅度 {depth:.1f}%，约 {hz:.0f} Hz），来源不是市电频率的灯（调光器 PWM？）：把调光开到 100%，或换用无频闪 LED 驱动</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="195" />
        <source>Picture is live (no frozen frames)</source>
        <translation>画面正常刷新（无冻结帧）</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="196" />
        <source>{n} repeated frame(s), none held long</source>
        <translation>{n} 个重复帧，均未长时间停留</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="197" />
        <source>Picture froze for {secs:.1f} s ({n} identical frames): check the capture box/encoder and restart the source</source>
        <translation>画面冻结 {secs:.1f} 秒（{n} 个相同帧）：检查采集卡/编码器并重启信号源</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="202" />
        <source>No black frames</source>
        <translation>无黑帧</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="203" />
        <source>{n} black frame(s), longest {secs:.1f} s: check the lens cap, the camera's HDMI output and the capture box input</source>
        <translation>{n} 个黑帧，最长 {secs:.1f} 秒：检查镜头盖、摄像头 HDMI 输出和采集卡输入</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="208" />
        <source>Lighting balance not measured: no usable picture</source>
        <translation>未测量光线均衡：没有可用画面</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="211" />
        <source>Even light on the face ({stops:.1f} stops left/right; frame evenness {even:.2f})</source>
        <translation>脸部光线均匀（左右相差 {stops:.1f} 档；画面均匀度 {even:.2f}）</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="215" />
        <source>Even light on the frame, no face found ({stops:.1f} stops left/right; frame evenness {even:.2f})</source>
        <translation>画面光线均匀，未检测到人脸（左右相差 {stops:.1f} 档；画面均匀度 {even:.2f}）</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="220" />
        <source>Uneven light on the face: camera-left side ~{stops:g} {stops_word} darker — add fill light on that side or move the key light towards the camera</source>
        <translation>脸部光线不均：画面左侧暗约 {stops:g} 档 —— 在该侧加补光，或把主光移向摄像头方向</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="225" />
        <source>Uneven light on the face: camera-right side ~{stops:g} {stops_word} darker — add fill light on that side or move the key light towards the camera</source>
        <translation>脸部光线不均：画面右侧暗约 {stops:g} 档 —— 在该侧加补光，或把主光移向摄像头方向</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="230" />
        <source>Uneven light on the frame (no face found): camera-left side ~{stops:g} {stops_word} darker — add fill light on that side or move the key light towards the camera</source>
        <translation>画面光线不均（未检测到人脸）：画面左侧暗约 {stops:g} 档 —— 在该侧加补光，或把主光移向摄像头方向</translation>
    </message>
    <message>
        <location filename="../../studio/devices/camera/evaluate.py" line="235" />
        <source>Uneven light on the frame (no face found): camera-right side ~{stops:g} {stops_word} darker — add fill light on that side or move the key light towards the camera</source>
        <translation>画面光线不均（未检测到人脸）：画面右侧暗约 {stops:g} 档 —— 在该侧加补光，或把主光移向摄像头方向</translation>
    </message>
</context>
<context>
    <name>CardHeader</name>
    <message>
        <location filename="../../studio/ui/checks/check_card.py" line="75" />
        <source>Not checked</source>
        <translation>未检查</translation>
    </message>
</context>
<context>
    <name>CheckCard</name>
    <message>
        <location filename="../../studio/commands/checks/__init__.py" line="56" />
        <location filename="../../studio/ui/checks/check_card.py" line="23" />
        <source>PASS</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../studio/commands/checks/__init__.py" line="57" />
        <location filename="../../studio/ui/checks/check_card.py" line="24" />
        <source>WARN</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../studio/commands/checks/__init__.py" line="58" />
        <location filename="../../studio/ui/checks/check_card.py" line="25" />
        <source>FAIL</source>
        <translation>不通过</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/check_card.py" line="26" />
        <source>NOT RUN</source>
        <translation>未检查</translation>
    </message>
</context>
<context>
    <name>CheckCommand</name>
    <message>
        <location filename="../../studio/commands/checks/__init__.py" line="70" />
        <source>queued offline</source>
        <translation>已离线排队</translation>
    </message>
    <message>
        <location filename="../../studio/commands/checks/__init__.py" line="72" />
        <source>saved as check #{id}</source>
        <translation>已保存为第 {id} 次检查</translation>
    </message>
    <message>
        <location filename="../../studio/commands/checks/__init__.py" line="73" />
        <source>Overall: {status} ({saved})</source>
        <translation>总体：{status}（{saved}）</translation>
    </message>
</context>
<context>
    <name>Compliance</name>
    <message>
        <location filename="../../studio/compliance/labels.py" line="11" />
        <source>absolute claim</source>
        <translation>绝对化用语</translation>
    </message>
    <message>
        <location filename="../../studio/compliance/labels.py" line="12" />
        <source>price claim</source>
        <translation>价格宣传</translation>
    </message>
    <message>
        <location filename="../../studio/compliance/labels.py" line="13" />
        <source>medical or efficacy claim</source>
        <translation>医疗/功效宣称</translation>
    </message>
    <message>
        <location filename="../../studio/compliance/labels.py" line="14" />
        <source>guarantee</source>
        <translation>保证性承诺</translation>
    </message>
    <message>
        <location filename="../../studio/compliance/labels.py" line="15" />
        <source>inducement</source>
        <translation>诱导</translation>
    </message>
    <message>
        <location filename="../../studio/compliance/labels.py" line="16" />
        <source>off-platform dealing</source>
        <translation>站外交易</translation>
    </message>
    <message>
        <location filename="../../studio/compliance/labels.py" line="17" />
        <source>platform rule</source>
        <translation>平台规则</translation>
    </message>
    <message>
        <location filename="../../studio/compliance/labels.py" line="20" />
        <source>banned</source>
        <translation>违禁</translation>
    </message>
    <message>
        <location filename="../../studio/compliance/labels.py" line="21" />
        <source>risky</source>
        <translation>风险</translation>
    </message>
    <message>
        <location filename="../../studio/compliance/labels.py" line="23" />
        <source>{term}: {category}, {severity}. Say instead: {suggestion}</source>
        <translation>{term}：{category}（{severity}）。建议改为：{suggestion}</translation>
    </message>
    <message>
        <location filename="../../studio/compliance/labels.py" line="24" />
        <source>{term}: {category}, {severity}</source>
        <translation>{term}：{category}（{severity}）</translation>
    </message>
</context>
<context>
    <name>FindingText</name>
    <message>
        <location filename="../../studio/texts.py" line="96" />
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>MicConditions</name>
    <message>
        <location filename="../../studio/devices/audio/monitor.py" line="41" />
        <source>microphone lost: {detail}</source>
        <translation>麦克风断开：{detail}</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/monitor.py" line="42" />
        <source>microphone is back</source>
        <translation>麦克风已恢复</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/monitor.py" line="43" />
        <source>microphone silent for {secs:.0f} s</source>
        <translation>麦克风已静音 {secs:.0f} 秒</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/monitor.py" line="44" />
        <source>microphone signal is back</source>
        <translation>麦克风信号已恢复</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/monitor.py" line="45" />
        <source>microphone clipping: {runs} clipped runs in {secs:g} s; lower the gain</source>
        <translation>麦克风削波：{secs:g} 秒内 {runs} 段削波；请调低增益</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/monitor.py" line="48" />
        <source>microphone no longer clipping</source>
        <translation>麦克风不再削波</translation>
    </message>
</context>
<context>
    <name>MicFindings</name>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="55" />
        <source>silence</source>
        <translation>静音</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="56" />
        <source>Digital silence: every sample is zero. The input is muted in the system mixer or the wrong device is selected.</source>
        <translation>数字静音：所有采样都是零。系统混音器里把输入静音了，或者选错了设备。</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="61" />
        <source>No signal: the input peaks at {peak} dBFS. Check the mic is plugged in and unmuted, the right input is selected, and 48 V phantom power is on for a condenser mic.</source>
        <translation>没有信号：输入峰值仅 {peak} dBFS。检查麦克风已插好且未静音、选对了输入；电容麦需打开 48 V 幻象电源。</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="66" />
        <source>DC offset of {dc:+.3f} full scale: the interface or mic has a DC fault; enable a high-pass / low-cut filter.</source>
        <translation>直流偏移 {dc:+.3f}（满刻度）：声卡或麦克风有直流故障；请开启高通 / 低切滤波。</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="71" />
        <source>Signal present (peak {peak:.1f} dBFS).</source>
        <translation>有信号（峰值 {peak:.1f} dBFS）。</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="72" />
        <source>Clipping: {runs} run(s) of full-scale samples (longest {longest} samples). Lower the gain on the interface until the loudest words peak around -6 dBFS.</source>
        <translation>削波：出现 {runs} 段满刻度采样（最长 {longest} 个采样）。调低声卡增益，直到最响的字峰值在 -6 dBFS 左右。</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="77" />
        <source>No clipping.</source>
        <translation>无削波。</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="78" />
        <source>Too quiet to measure loudness (target {target:g} LUFS): raise the gain a lot or check the input.</source>
        <translation>声音太小，无法测量响度（目标 {target:g} LUFS）：大幅调高增益，或检查输入。</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="83" />
        <source>Loudness {lufs:.1f} LUFS, on target ({target:g} LUFS).</source>
        <translation>响度 {lufs:.1f} LUFS，达到目标（{target:g} LUFS）。</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="86" />
        <source>Loudness {lufs:.1f} LUFS is too quiet: raise gain by about {db:.0f} dB to reach {target:g} LUFS.</source>
        <translation>响度 {lufs:.1f} LUFS，偏小：把增益调高约 {db:.0f} dB，达到 {target:g} LUFS。</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="91" />
        <source>Loudness {lufs:.1f} LUFS is too loud: lower gain by about {db:.0f} dB to reach {target:g} LUFS.</source>
        <translation>响度 {lufs:.1f} LUFS，偏大：把增益调低约 {db:.0f} dB，达到 {target:g} LUFS。</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="107" />
        <source>No peaks (no signal).</source>
        <translation>无峰值（没有信号）。</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="108" />
        <source>True peak {tp:.1f} dBTP is above {limit:g} dBTP: lower gain by about {db:.0f} dB or add a limiter.</source>
        <translation>真峰值 {tp:.1f} dBTP，超过 {limit:g} dBTP：把增益调低约 {db:.0f} dB，或加限幅器。</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="113" />
        <source>True peak {tp:.1f} dBTP is fine now, but raising the gain to reach {target:g} LUFS would put peaks at {after:+.1f} dBTP: add a compressor / limiter before raising the gain.</source>
        <translation>真峰值 {tp:.1f} dBTP 目前正常，但把增益调高到 {target:g} LUFS 后峰值会到 {after:+.1f} dBTP：调高增益前先加压缩器 / 限幅器。</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="118" />
        <source>True peak {tp:.1f} dBTP (below {limit:g} dBTP).</source>
        <translation>真峰值 {tp:.1f} dBTP（低于 {limit:g} dBTP）。</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="119" />
        <source>Noise floor {floor} dBFS (during the quiet step).</source>
        <translation>底噪 {floor} dBFS（安静步骤中测得）。</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="122" />
        <source>Noise floor {floor} dBFS (estimated from pauses).</source>
        <translation>底噪 {floor} dBFS（由说话间隙估算）。</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="125" />
        <source>Noise floor {floor} dBFS (during the quiet step), speech-to-noise {snr:.0f} dB.</source>
        <translation>底噪 {floor} dBFS（安静步骤中测得），信噪比 {snr:.0f} dB。</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="128" />
        <source>Turn off fans / air conditioning near the mic, close windows, move the mic closer and lower the gain.</source>
        <translation>关掉麦克风附近的风扇 / 空调，关好窗户，把麦克风靠近嘴边并调低增益。</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="143" />
        <source>Could not measure the noise floor: the recording has no pauses (quietest parts {floor} dBFS). Run the guided check with a quiet step.</source>
        <translation>无法测量底噪：录音中没有停顿（最安静处 {floor} dBFS）。请运行带安静步骤的引导检查。</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="148" />
        <source>No mains hum.</source>
        <translation>无交流哼声。</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="149" />
        <source>Hum at {hz:g} Hz ({level:.0f} dBFS; lines at {harmonics}): check the cable / ground loop. Try another power socket, a ground-lift DI box, and keep audio cables away from power cables.</source>
        <translation>{hz:g} Hz 交流哼声（{level:.0f} dBFS；谱线在 {harmonics}）：检查线缆 / 接地环路。换一个电源插座，用带接地断开的 DI 盒，音频线远离电源线。</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="155" />
        <source>Mono input: no balance to check.</source>
        <translation>单声道输入：无需检查左右平衡。</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="156" />
        <source>No signal: balance not checked.</source>
        <translation>没有信号：未检查左右平衡。</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="157" />
        <source>Only the left channel carries signal: set the audio source to mono in OBS (or use a mono input) so the mic is heard on both sides.</source>
        <translation>只有左声道有信号：在 OBS 里把该音频源设为单声道（或改用单声道输入），让两边都能听到麦克风。</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="162" />
        <source>Only the right channel carries signal: set the audio source to mono in OBS (or use a mono input) so the mic is heard on both sides.</source>
        <translation>只有右声道有信号：在 OBS 里把该音频源设为单声道（或改用单声道输入），让两边都能听到麦克风。</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="167" />
        <source>Channels are out of phase (correlation {corr:+.2f}): a mono downmix will cancel the voice. Check the polarity switch / wiring.</source>
        <translation>左右声道反相（相关系数 {corr:+.2f}）：混成单声道时人声会被抵消。检查极性开关 / 接线。</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="172" />
        <source>The left channel is {db:.1f} dB louder: check the gain and pan of each input channel.</source>
        <translation>左声道响 {db:.1f} dB：检查各输入通道的增益和声像。</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="176" />
        <source>The right channel is {db:.1f} dB louder: check the gain and pan of each input channel.</source>
        <translation>右声道响 {db:.1f} dB：检查各输入通道的增益和声像。</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="180" />
        <source>Channels balanced ({db:+.1f} dB, correlation {corr:+.2f}).</source>
        <translation>左右声道平衡（{db:+.1f} dB，相关系数 {corr:+.2f}）。</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="183" />
        <source>The device disappeared during the check: check the USB cable / connection and run the check again.</source>
        <translation>检查过程中设备断开：检查 USB 线 / 连接后重新检查。</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="188" />
        <source>{count} input overflow(s) (dropped audio): close other audio apps, use a different USB port or raise the buffer size.</source>
        <translation>{count} 次输入溢出（丢失音频）：关闭其他音频软件，换一个 USB 口，或加大缓冲区。</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="193" />
        <source>No dropouts.</source>
        <translation>无丢音。</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="96" />
        <source>Loudness {lufs:.1f} LUFS is too quiet for {target:g} LUFS, but the peaks leave no room to raise the level: add a compressor (OBS: Compressor filter) or keep the mic at an even distance from the mouth, so the quiet words come up and the peaks do not.</source>
        <translation>响度 {lufs:.1f} LUFS，低于 {target:g} LUFS 的目标，但峰值已没有余量，不能再提高电平：加一个压缩器（OBS：“压缩器”滤镜），或让麦克风与嘴保持固定距离，让轻声的词变响而峰值不变。</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="102" />
        <source>Too quiet to measure loudness, yet the input clips: check the input (a faulty cable or connector, or the wrong input selected, can do both).</source>
        <translation>声音太小无法测量响度，输入却有削波：请检查输入（线缆或接头故障、选错输入都会同时造成这两种情况）。</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="133" />
        <source>Turn off fans / air conditioning near the mic, close windows and move the mic closer to the speaker.</source>
        <translation>关掉麦克风附近的风扇 / 空调，关好窗户，并把麦克风靠近说话的人。</translation>
    </message>
    <message>
        <location filename="../../studio/devices/audio/mic_check.py" line="138" />
        <source>Could not measure the noise floor: there was sound during the quiet step (talking, music, a door?). Run the check again and stay silent while it says so.</source>
        <translation>无法测量底噪：安静步骤中有声音（说话、音乐、关门声？）。请重新运行检查，并在提示安静时保持安静。</translation>
    </message>
</context>
<context>
    <name>ObsMessages</name>
    <message>
        <location filename="../../studio/obs/client.py" line="31" />
        <source>OBS asks for a password: enter the one shown in OBS under Tools &gt; WebSocket Server Settings</source>
        <translation>OBS 需要密码：请输入 OBS 中“工具 &gt; WebSocket 服务器设置”里显示的密码</translation>
    </message>
    <message>
        <location filename="../../studio/obs/client.py" line="35" />
        <source>OBS refused the password: check it against Tools &gt; WebSocket Server Settings in OBS</source>
        <translation>OBS 拒绝了密码：请与 OBS 中“工具 &gt; WebSocket 服务器设置”里的密码核对</translation>
    </message>
    <message>
        <location filename="../../studio/obs/alarms.py" line="36" />
        <source>OBS connected</source>
        <translation>OBS 已连接</translation>
    </message>
    <message>
        <location filename="../../studio/obs/alarms.py" line="37" />
        <source>OBS refused the password ({detail}): the stream and recording cannot be watched</source>
        <translation>OBS 拒绝了密码（{detail}）：无法监看推流和录制</translation>
    </message>
    <message>
        <location filename="../../studio/obs/alarms.py" line="40" />
        <source>Lost the connection to OBS ({detail}): the stream and recording cannot be watched</source>
        <translation>与 OBS 的连接中断（{detail}）：无法监看推流和录制</translation>
    </message>
    <message>
        <location filename="../../studio/obs/alarms.py" line="44" />
        <source>OBS is reconnecting the stream: the link to the platform dropped</source>
        <translation>OBS 正在重连推流：与平台的连接断了</translation>
    </message>
    <message>
        <location filename="../../studio/obs/alarms.py" line="47" />
        <source>The stream is stopped in OBS during the live show: start streaming</source>
        <translation>直播中 OBS 推流已停止：请开始推流</translation>
    </message>
    <message>
        <location filename="../../studio/obs/alarms.py" line="50" />
        <source>stream {state}</source>
        <translation>推流：{state}</translation>
    </message>
    <message>
        <location filename="../../studio/obs/alarms.py" line="51" />
        <source>Dropped frames {drop:.1f}% over the last {secs:g} s (network {net}, encoder {enc}): the upload is congested: lower the bitrate or check the network</source>
        <translation>最近 {secs:g} 秒丢帧 {drop:.1f}%（网络 {net}，编码 {enc}）：上行网络拥塞：降低码率或检查网络</translation>
    </message>
    <message>
        <location filename="../../studio/obs/alarms.py" line="56" />
        <source>Dropped frames {drop:.1f}% over the last {secs:g} s (network {net}, encoder {enc}): the encoder is overloaded: use a faster preset or a lower resolution</source>
        <translation>最近 {secs:g} 秒丢帧 {drop:.1f}%（网络 {net}，编码 {enc}）：编码器过载：换更快的预设或降低分辨率</translation>
    </message>
    <message>
        <location filename="../../studio/obs/alarms.py" line="61" />
        <source>dropped frames {drop}</source>
        <translation>丢帧 {drop}</translation>
    </message>
    <message>
        <location filename="../../studio/obs/alarms.py" line="62" />
        <source>OBS renders {fps:.1f} fps, target {target:g} ({ratio:.0%}): close other programs or lower the output resolution</source>
        <translation>OBS 渲染 {fps:.1f} fps，目标 {target:g}（{ratio:.0%}）：关闭其他程序或降低输出分辨率</translation>
    </message>
    <message>
        <location filename="../../studio/obs/alarms.py" line="67" />
        <source>fps {fps}</source>
        <translation>帧率 {fps}</translation>
    </message>
    <message>
        <location filename="../../studio/obs/alarms.py" line="68" />
        <source>Render time {ms:.1f} ms is {load:.0%} of the {interval:.1f} ms frame interval: remove heavy sources/filters or check the GPU</source>
        <translation>渲染耗时 {ms:.1f} ms，占 {interval:.1f} ms 帧间隔的 {load:.0%}：移除占用大的来源 / 滤镜，或检查显卡</translation>
    </message>
    <message>
        <location filename="../../studio/obs/alarms.py" line="73" />
        <source>render {ms} ms</source>
        <translation>渲染 {ms} ms</translation>
    </message>
    <message>
        <location filename="../../studio/obs/alarms.py" line="74" />
        <source>recording</source>
        <translation>录制中</translation>
    </message>
    <message>
        <location filename="../../studio/obs/alarms.py" line="75" />
        <source>show not live</source>
        <translation>未在直播</translation>
    </message>
    <message>
        <location filename="../../studio/obs/alarms.py" line="76" />
        <source>The recording stopped during the live show (disk full, or stopped in OBS): start it again for the review</source>
        <translation>直播中录制停止了（磁盘已满，或在 OBS 中被停止）：请重新开始录制，以便复盘</translation>
    </message>
    <message>
        <location filename="../../studio/obs/alarms.py" line="81" />
        <source>Only {gb:.1f} GB free for recordings: free space or record to another disk</source>
        <translation>录制可用空间仅剩 {gb:.1f} GB：清理空间，或录制到其他磁盘</translation>
    </message>
    <message>
        <location filename="../../studio/obs/alarms.py" line="84" />
        <source>{gb:.1f} GB free</source>
        <translation>剩余 {gb:.1f} GB</translation>
    </message>
    <message>
        <location filename="../../studio/obs/alarms.py" line="87" />
        <source>n/a</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location filename="../../studio/obs/alarms.py" line="88" />
        <source>live</source>
        <translation>直播中</translation>
    </message>
    <message>
        <location filename="../../studio/obs/alarms.py" line="89" />
        <source>reconnecting</source>
        <translation>重连中</translation>
    </message>
    <message>
        <location filename="../../studio/obs/alarms.py" line="90" />
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../studio/obs/alarms.py" line="91" />
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../studio/obs/obs_check.py" line="57" />
        <source>Connected: OBS {obs}, obs-websocket {ws}</source>
        <translation>已连接：OBS {obs}，obs-websocket {ws}</translation>
    </message>
    <message>
        <location filename="../../studio/obs/obs_check.py" line="58" />
        <source>Not checked: {error}</source>
        <translation>未检查：{error}</translation>
    </message>
    <message>
        <location filename="../../studio/obs/obs_check.py" line="59" />
        <source>Not checked: OBS did not answer in time</source>
        <translation>未检查：OBS 没有及时响应</translation>
    </message>
    <message>
        <location filename="../../studio/obs/obs_check.py" line="60" />
        <source>OBS not reachable at {address} ({detail}). Start OBS and enable Tools &gt; WebSocket Server Settings &gt; Enable WebSocket server</source>
        <translation>无法连接 {address} 上的 OBS（{detail}）。请启动 OBS，并在“工具 &gt; WebSocket 服务器设置”中勾选“开启 WebSocket 服务器”</translation>
    </message>
    <message>
        <location filename="../../studio/obs/obs_check.py" line="65" />
        <source>Not checked: OBS is not connected</source>
        <translation>未检查：OBS 未连接</translation>
    </message>
    <message>
        <location filename="../../studio/obs/obs_check.py" line="66" />
        <source>Output is {w}x{h}, the studio profile expects {ew}x{eh}: set Settings &gt; Video in OBS (Output resolution, FPS)</source>
        <translation>输出为 {w}x{h}，直播间配置要求 {ew}x{eh}：请在 OBS“设置 &gt; 视频”中调整（输出分辨率、帧率）</translation>
    </message>
    <message>
        <location filename="../../studio/obs/obs_check.py" line="71" />
        <source>Output {w}x{h} is below {min}p: set Settings &gt; Video in OBS (Output resolution, FPS)</source>
        <translation>输出 {w}x{h} 低于 {min}p：请在 OBS“设置 &gt; 视频”中调整（输出分辨率、帧率）</translation>
    </message>
    <message>
        <location filename="../../studio/obs/obs_check.py" line="75" />
        <source>{fps:g} fps, the studio profile expects {efps:g}: set Settings &gt; Video in OBS (Output resolution, FPS)</source>
        <translation>{fps:g} fps，直播间配置要求 {efps:g}：请在 OBS“设置 &gt; 视频”中调整（输出分辨率、帧率）</translation>
    </message>
    <message>
        <location filename="../../studio/obs/obs_check.py" line="80" />
        <source>Output is {w}x{h}, the studio profile expects {ew}x{eh}; {fps:g} fps, the studio profile expects {efps:g}: set Settings &gt; Video in OBS (Output resolution, FPS)</source>
        <translation>输出为 {w}x{h}，直播间配置要求 {ew}x{eh}；{fps:g} fps，直播间配置要求 {efps:g}：请在 OBS“设置 &gt; 视频”中调整（输出分辨率、帧率）</translation>
    </message>
    <message>
        <location filename="../../studio/obs/obs_check.py" line="85" />
        <source>Output {w}x{h} is below {min}p; {fps:g} fps, the studio profile expects {efps:g}: set Settings &gt; Video in OBS (Output resolution, FPS)</source>
        <translation>输出 {w}x{h} 低于 {min}p；{fps:g} fps，直播间配置要求 {efps:g}：请在 OBS“设置 &gt; 视频”中调整（输出分辨率、帧率）</translation>
    </message>
    <message>
        <location filename="../../studio/obs/obs_check.py" line="90" />
        <source>{w}x{h} portrait, {fps:g} fps</source>
        <translation>{w}x{h} 竖屏，{fps:g} fps</translation>
    </message>
    <message>
        <location filename="../../studio/obs/obs_check.py" line="91" />
        <source>{w}x{h} landscape, {fps:g} fps</source>
        <translation>{w}x{h} 横屏，{fps:g} fps</translation>
    </message>
    <message>
        <location filename="../../studio/obs/obs_check.py" line="92" />
        <source>Not checked: OBS has no program scene</source>
        <translation>未检查：OBS 没有节目场景</translation>
    </message>
    <message>
        <location filename="../../studio/obs/obs_check.py" line="93" />
        <source>The program scene {scene!r} is black: check its sources (camera/capture card unplugged or hidden, wrong scene)</source>
        <translation>节目场景“{scene}”黑屏：检查其中的来源（摄像头 / 采集卡未接或被隐藏，或场景选错）</translation>
    </message>
    <message>
        <location filename="../../studio/obs/obs_check.py" line="98" />
        <source>Program scene {scene!r} has a picture</source>
        <translation>节目场景“{scene}”有画面</translation>
    </message>
    <message>
        <location filename="../../studio/obs/obs_check.py" line="99" />
        <source>Not judged: the program is black</source>
        <translation>未判断：节目画面黑屏</translation>
    </message>
    <message>
        <location filename="../../studio/obs/obs_check.py" line="100" />
        <source>The program picture did not change over {secs:.1f} s: fine for a still graphic, but a live camera scene should move — check the capture source</source>
        <translation>节目画面 {secs:.1f} 秒内没有变化：静态图片没问题，但摄像头直播场景应该有动作 —— 检查采集来源</translation>
    </message>
    <message>
        <location filename="../../studio/obs/obs_check.py" line="105" />
        <source>Program picture is live</source>
        <translation>节目画面正常变化</translation>
    </message>
    <message>
        <location filename="../../studio/obs/obs_check.py" line="106" />
        <source>OBS did not report the free disk space</source>
        <translation>OBS 没有报告剩余磁盘空间</translation>
    </message>
    <message>
        <location filename="../../studio/obs/obs_check.py" line="107" />
        <source>{gb:.1f} GB free for recordings</source>
        <translation>录制可用空间 {gb:.1f} GB</translation>
    </message>
    <message>
        <location filename="../../studio/obs/obs_check.py" line="108" />
        <source>Only {gb:.1f} GB free for recordings (about {hours:.1f} h at 6 Mbit/s): free space or set another recording path in OBS</source>
        <translation>录制可用空间仅剩 {gb:.1f} GB（按 6 Mbit/s 约可录 {hours:.1f} 小时）：清理空间，或在 OBS 中换一个录制路径</translation>
    </message>
    <message>
        <location filename="../../studio/obs/obs_check.py" line="113" />
        <source>No streaming server set: paste the platform's push URL in OBS Settings &gt; Stream</source>
        <translation>未设置推流服务器：把平台的推流地址粘贴到 OBS“设置 &gt; 直播”中</translation>
    </message>
    <message>
        <location filename="../../studio/obs/obs_check.py" line="116" />
        <source>Streaming to {where} but no stream key is set: paste today's key from the platform's live console</source>
        <translation>推流到“{where}”，但未设置推流码：从平台直播后台复制今天的推流码粘贴进去</translation>
    </message>
    <message>
        <location filename="../../studio/obs/obs_check.py" line="121" />
        <source>Streaming to {where}, key set (hidden)</source>
        <translation>推流到“{where}”，推流码已设置（已隐藏）</translation>
    </message>
    <message>
        <location filename="../../studio/obs/obs_check.py" line="122" />
        <source>a custom server</source>
        <translation>自定义服务器</translation>
    </message>
    <message>
        <location filename="../../studio/obs/stream_test.py" line="33" />
        <source>OBS is already recording: stop that recording first (a test recording would end it)</source>
        <translation>OBS 正在录制：请先停止该录制（测试录制会把它结束）</translation>
    </message>
    <message>
        <location filename="../../studio/obs/stream_test.py" line="37" />
        <source>The test recording is on the OBS computer ({path}): run the stream test on that computer</source>
        <translation>测试录制保存在 OBS 所在的电脑上（{path}）：请在那台电脑上运行推流测试</translation>
    </message>
    <message>
        <location filename="../../studio/obs/stream_test.py" line="41" />
        <source>Test recording: {seconds:.1f} s, {w}x{h} at {fps:.1f} fps</source>
        <translation>测试录制：{seconds:.1f} 秒，{w}x{h}，{fps:.1f} fps</translation>
    </message>
    <message>
        <location filename="../../studio/obs/stream_test.py" line="44" />
        <source>The recording is {w}x{h} at {fps:.1f} fps, OBS outputs {ow}x{oh} at {ofps:g} fps: check Settings &gt; Output &gt; Recording (rescale output, frame rate)</source>
        <translation>录制为 {w}x{h}、{fps:.1f} fps，而 OBS 输出为 {ow}x{oh}、{ofps:g} fps：请检查“设置 &gt; 输出 &gt; 录像”（缩放输出、帧率）</translation>
    </message>
    <message>
        <location filename="../../studio/obs/stream_test.py" line="49" />
        <source>Sync not measured: no flashes or claps in the recording (play the sync pattern in OBS, or clap in front of the camera, during the test)</source>
        <translation>未测量音画同步：录制中没有闪光或拍板（测试时在 OBS 中播放同步测试图案，或在摄像头前拍板）</translation>
    </message>
</context>
<context>
    <name>ProductChanges</name>
    <message>
        <location filename="../../studio/products/changes.py" line="66" />
        <source>{sku}: {price} is below the floor {floor} (force to sell at a loss)</source>
        <translation>{sku}：{price} 低于底价 {floor}（确认后才能亏本售卖）</translation>
    </message>
    <message>
        <location filename="../../studio/products/changes.py" line="69" />
        <source>{sku}: the price moves by {pct:.0f}% ({old} to {new})</source>
        <translation>{sku}：价格变动 {pct:.0f}%（{old} → {new}）</translation>
    </message>
</context>
<context>
    <name>ProductFlags</name>
    <message>
        <location filename="../../studio/products/flags.py" line="17" />
        <source>Oversold</source>
        <translation>超卖</translation>
    </message>
    <message>
        <location filename="../../studio/products/flags.py" line="18" />
        <source>Low stock</source>
        <translation>库存紧张</translation>
    </message>
    <message>
        <location filename="../../studio/products/flags.py" line="19" />
        <source>Sold out</source>
        <translation>已售罄</translation>
    </message>
    <message>
        <location filename="../../studio/products/flags.py" line="20" />
        <source>Price below floor</source>
        <translation>低于底价</translation>
    </message>
    <message>
        <location filename="../../studio/products/flags.py" line="21" />
        <source>Coupons take the price below floor</source>
        <translation>叠券后低于底价</translation>
    </message>
    <message>
        <location filename="../../studio/products/flags.py" line="22" />
        <source>Coupon used up</source>
        <translation>优惠券已领完</translation>
    </message>
</context>
<context>
    <name>ProductStates</name>
    <message>
        <location filename="../../studio/products/changes.py" line="60" />
        <source>Pending</source>
        <translation>待上架</translation>
    </message>
    <message>
        <location filename="../../studio/products/changes.py" line="61" />
        <source>Listed</source>
        <translation>已上架</translation>
    </message>
    <message>
        <location filename="../../studio/products/changes.py" line="62" />
        <source>Presenting</source>
        <translation>讲解中</translation>
    </message>
    <message>
        <location filename="../../studio/products/changes.py" line="63" />
        <source>Sold out</source>
        <translation>已售罄</translation>
    </message>
    <message>
        <location filename="../../studio/products/changes.py" line="64" />
        <source>Unlisted</source>
        <translation>已下架</translation>
    </message>
</context>
</TS>