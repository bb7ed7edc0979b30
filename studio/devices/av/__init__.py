"""Audio-video sync: the app's sync test pattern, sync events in picture and sound, the offset
between them and its verdict against ITU-R BT.1359.

Layout: `pattern` (the flash-and-beep pattern, written as a real mp4 through ffmpeg), `media`
(reading a recording's picture and sound with their timestamps), `events` (flashes, claps and
beeps found in them), `sync` (events paired into an offset, its confidence and the findings),
`check` (a check over a source), `thresholds`, `synthetic` (clap-style test clips).
Nothing here imports Qt.
"""
