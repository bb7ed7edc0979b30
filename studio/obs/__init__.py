"""The encoder link: OBS Studio over obs-websocket 5 (connection, stream health, cue-driven
scenes, the pre-show encoder check). Nothing here imports Qt; `studio.ui.obs.qt_obs` adapts it."""
