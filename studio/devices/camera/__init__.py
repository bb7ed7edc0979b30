"""Camera and lighting checks: capture worker, pure frame analysis, thresholds, findings.

Layout: `sources` (what to open), `capture` (worker thread, newest frame wins), the analysis
modules (`framerate`, `focus`, `exposure`, `colour`, `lighting`, `flicker`) composed per frame by
`analyzer`, `thresholds` + `check` (measurements -> findings), `monitor` (live conditions) and
`live` (capture -> analysis thread for the GUI). Nothing here imports Qt.
"""
