"""One button per OBS scene for manual switching; the program scene's button is lit.

The list comes from OBS when the link connects (and after each switch); a click asks the
link's worker thread to switch, so the rundown never waits for OBS.
"""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QWidget

from studio.ui.obs.qt_obs import QtObsLink


class SceneButtons(QWidget):
    def __init__(self, link: QtObsLink, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.link = link
        self.buttons: dict[str, QPushButton] = {}
        self.current = ""
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self.tr("OBS scene:"))
        self.title.setStyleSheet("font-weight: 600;")
        self._layout.addWidget(self.title)
        self.empty = QLabel(self.tr("Connect OBS to switch scenes here"))
        self._layout.addWidget(self.empty)
        self._layout.addStretch(1)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        link.scenes_changed.connect(self.set_scenes)
        link.sample.connect(self._on_sample)
        link.state_changed.connect(self._on_state)
        if link.client.connected:
            link.refresh_scenes()

    def set_scenes(self, names: list[str], current: str) -> None:
        if list(self.buttons) != names:
            for button in self.buttons.values():
                self.group.removeButton(button)
                self._layout.removeWidget(button)
                button.deleteLater()
            self.buttons = {}
            for i, name in enumerate(names):
                button = QPushButton(name)
                button.setCheckable(True)
                button.setMinimumHeight(36)
                button.setAccessibleName(self.tr("Switch OBS to scene %1").replace("%1", name))
                button.clicked.connect(lambda _checked=False, n=name: self.link.switch_scene(n))
                self.group.addButton(button)
                # After the title and before the stretch.
                self._layout.insertWidget(1 + i, button)
                self.buttons[name] = button
        self.empty.setVisible(not names)
        self._mark(current)

    def _mark(self, current: str) -> None:
        self.current = current
        for name, button in self.buttons.items():
            button.setChecked(name == current)
            button.setText(f"● {name}" if name == current else name)

    def _on_sample(self, sample: object) -> None:
        scene = getattr(sample, "scene", None)
        if scene and scene != self.current:
            self._mark(scene)

    def _on_state(self, state: str, _message: str) -> None:
        connected = state == "connected"
        for button in self.buttons.values():
            button.setEnabled(connected)
        if not connected and not self.buttons:
            self.empty.setVisible(True)
