<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AudioMeters</name>
    <message>
        <location filename="../../studio/ui/devices/audio_meters.py" line="154"/>
        <source>Audio level meters</source>
        <translation>音频电平表</translation>
    </message>
    <message>
        <location filename="../../studio/ui/devices/audio_meters.py" line="169"/>
        <source>LUFS momentary
short-term %1</source>
        <translation>LUFS 瞬时
短期 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/devices/audio_meters.py" line="273"/>
        <source>Mic</source>
        <translation>麦</translation>
    </message>
    <message>
        <location filename="../../studio/ui/devices/audio_meters.py" line="182"/>
        <location filename="../../studio/ui/devices/audio_meters.py" line="298"/>
        <source>CLIP</source>
        <translation>削波</translation>
    </message>
    <message>
        <location filename="../../studio/ui/devices/audio_meters.py" line="181"/>
        <location filename="../../studio/ui/devices/audio_meters.py" line="303"/>
        <source>dBFS  (bar: RMS · light: peak · line: peak hold)</source>
        <translation>dBFS（实条：RMS · 浅色：峰值 · 竖线：峰值保持）</translation>
    </message>
</context>
<context>
    <name>MicCheckCard</name>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="91"/>
        <source>Microphone</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="102"/>
        <source>Microphone device</source>
        <translation>麦克风设备</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="106"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="107"/>
        <source>Scan for audio input devices again</source>
        <translation>重新扫描音频输入设备</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="110"/>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="111"/>
        <source>Check a recording (WAV/FLAC) instead of a live input</source>
        <translation>检查一段录音（WAV/FLAC），而不是实时输入</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="116"/>
        <source>Looking for microphones…</source>
        <translation>正在查找麦克风…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="125"/>
        <location filename="../../studio/ui/checks/mic_card.py" line="367"/>
        <location filename="../../studio/ui/checks/mic_card.py" line="386"/>
        <source>Run guided check</source>
        <translation>开始引导检查</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="136"/>
        <source>Pick a microphone, then run the guided check.</source>
        <translation>选择麦克风，然后开始引导检查。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="154"/>
        <source>The verdict appears here: signal, clipping, loudness, true peak, noise, hum, balance and dropouts, each with advice.</source>
        <translation>检查结果将显示在这里：信号、削波、响度、真峰值、噪声、交流声、声道平衡和掉帧，每项附带建议。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="166"/>
        <source>Signal</source>
        <translation>信号</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="167"/>
        <source>Clipping</source>
        <translation>削波</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="168"/>
        <source>Loudness</source>
        <translation>响度</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="169"/>
        <source>True peak</source>
        <translation>真峰值</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="170"/>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="171"/>
        <source>Hum</source>
        <translation>交流声</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="172"/>
        <source>Balance</source>
        <translation>声道平衡</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="173"/>
        <source>Dropouts</source>
        <translation>掉帧</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="179"/>
        <source>Microphone check: %1</source>
        <translation>麦克风检查：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="209"/>
        <location filename="../../studio/ui/checks/mic_card.py" line="251"/>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="215"/>
        <source>No microphone found. Connect one and press Refresh, or check a recording with File…</source>
        <translation>未找到麦克风。请连接麦克风后点击“刷新”，或用“文件…”检查一段录音</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="246"/>
        <source>Check a recording</source>
        <translation>检查录音</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="262"/>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="295"/>
        <source>Cannot open the microphone: %1</source>
        <translation>无法打开麦克风：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="319"/>
        <source>Device lost: %1</source>
        <translation>设备已断开：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="321"/>
        <source>Device error: %1</source>
        <translation>设备错误：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="323"/>
        <source>%1: waiting for audio…</source>
        <translation>%1：等待音频…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="326"/>
        <source>%1 · %2 kHz · %3 ch · dropouts %4</source>
        <translation>%1 · %2 kHz · %3 声道 · 掉帧 %4</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="348"/>
        <source>Check cancelled.</source>
        <translation>检查已取消。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="359"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="378"/>
        <source>Stay quiet… %1 s</source>
        <translation>请保持安静… %1 秒</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="381"/>
        <source>Speak normally, as in the show… %1 s</source>
        <translation>请像直播时一样正常说话… %1 秒</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="395"/>
        <source>Analysing…</source>
        <translation>正在分析…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="424"/>
        <source>The check could not be saved: %1</source>
        <translation>检查结果无法保存：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="463"/>
        <source>All good: the microphone is ready.</source>
        <translation>一切正常：麦克风已就绪。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="464"/>
        <source>Usable, but see the advice below.</source>
        <translation>可以使用，但请查看下面的建议。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="465"/>
        <source>Not ready: fix the failed items and check again.</source>
        <translation>未就绪：请修复失败的项目后重新检查。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/checks/mic_card.py" line="468"/>
        <source>Speech %1 LUFS (target %2).</source>
        <translation>语音 %1 LUFS（目标 %2）。</translation>
    </message>
</context>
</TS>
