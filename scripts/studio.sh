#!/usr/bin/env bash
# One entry point for a fresh Debian machine (run as root, or with sudo available):
#   scripts/studio.sh demo   set up and open the control room on the built-in demo show
#   scripts/studio.sh test   set up and run lint, type checks, layer contracts and the test suite
#   scripts/studio.sh setup  only set up (system packages, .venv, the package)
set -euo pipefail
cd "$(dirname "$0")/.."

# Qt offscreen/X11 libraries, CJK fonts, PortAudio; and for the tests: a PulseAudio server with a
# null sink (real microphone path), ffmpeg (live camera streams), Xvfb, poppler (PDF pages) and a
# PostgreSQL server (multi-station store), and OBS Studio (the encoder link is tested against a
# real OBS under Xvfb), and chromium + its driver (browser views of the remote-control server).
APP_PACKAGES="libgl1 libegl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3 libxcb-cursor0
 libxcb-icccm4 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0
 fonts-noto-cjk fonts-wqy-microhei libportaudio2 ffmpeg xvfb xauth"
TEST_PACKAGES="pulseaudio pulseaudio-utils libasound2-plugins ffmpeg poppler-utils postgresql
 obs-studio obs-plugins libgl1-mesa-dri chromium chromium-driver"

install_packages() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    if ! python3 -m venv --help >/dev/null 2>&1; then missing+=(python3-venv); fi
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing system packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Install the package into .venv once; again only when pyproject.toml changed (or when the test
# extras are wanted and were not installed). A stamp in .venv records what was installed.
setup_venv() {
    local extras="$1"
    local spec="."
    [ -n "$extras" ] && spec=".[$extras]"
    local stamp=".venv/.studio-installed"
    local want
    want="$(sha256sum pyproject.toml | cut -d' ' -f1) ${extras:-app}"
    if [ -x .venv/bin/studio ] && [ -f "$stamp" ] && grep -qxF "$want" "$stamp"; then
        return 0
    fi
    # The test set-up includes the app's; a later demo does not need to reinstall.
    if [ -z "$extras" ] && [ -f "$stamp" ] && grep -qxF "$(sha256sum pyproject.toml | cut -d' ' -f1) test" "$stamp"; then
        return 0
    fi
    [ -x .venv/bin/python ] || python3 -m venv .venv
    echo "Installing studio into .venv (once; again only when pyproject.toml changes)"
    # pip's and setuptools' chatter goes to a log, shown only when the install fails.
    if ! { .venv/bin/python -m pip install -q --upgrade pip \
           && .venv/bin/python -m pip install -q -e "$spec"; } > .venv/pip.log 2>&1; then
        cat .venv/pip.log >&2
        echo "studio: installing into .venv failed (log above, also in .venv/pip.log)" >&2
        exit 1
    fi
    echo "$want" >> "$stamp"
}

case "${1:-}" in
    setup)
        install_packages $APP_PACKAGES $TEST_PACKAGES
        setup_venv test
        ;;
    demo)
        install_packages $APP_PACKAGES
        setup_venv ""
        shift
        if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
            echo "No screen found: running on a virtual screen (Xvfb). Use --seconds N --screenshot out.png to see it."
            exec xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/studio demo "$@"
        fi
        exec .venv/bin/studio demo "$@"
        ;;
    test)
        install_packages $APP_PACKAGES $TEST_PACKAGES
        setup_venv test
        shift
        echo "== ruff"; .venv/bin/ruff check studio tests benchmarks scripts
        .venv/bin/ruff format --check studio tests benchmarks scripts
        echo "== mypy (strict, the UI included)"; .venv/bin/mypy
        echo "== import-linter (layers, no Qt below the UI, no SQL in the UI)"; .venv/bin/lint-imports
        if [ $# -gt 0 ]; then  # given tests: run just those
            echo "== pytest $*"; QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -n 2 "$@"
            exit $?
        fi
        # The core tests run with Qt blocked (as on a machine without PySide6: any import of
        # Qt or studio.ui fails); tests/test_architecture.py imports every core module so.
        echo "== core tests (no Qt, no display)"
        env -u DISPLAY STUDIO_TESTS_WITHOUT_QT=1 .venv/bin/python -m pytest -p no:pytest-qt \
            --ignore=tests/ui -n 2
        echo "== UI tests (Qt offscreen)"
        QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest tests/ui -n 2
        ;;
    *)
        echo "usage: $0 demo|test|setup" >&2
        exit 2
        ;;
esac
