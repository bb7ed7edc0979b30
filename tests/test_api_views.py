"""The browser views (prompter, stage timer, controller status) in a real headless Chromium, in
Chinese and English, at phone and tablet sizes: they show the show's figures, follow a cue
change pushed over the WebSocket, mirror on request, and carry no English in the Chinese view.

Screenshots go to $STUDIO_VIEW_SCREENSHOTS (docs/screens/browser/ when refreshing the docs),
else to the test's temporary folder."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from studio.api.server import ApiServer, ServerConfig
from studio.demo import demo_script_path
from studio.metrics.samples import parse_object
from studio.metrics.writer import write_samples
from studio.script.store_io import create_show_from_script_file
from studio.store.store import Store

CHROMIUM = "/usr/bin/chromium"
DRIVER = "/usr/bin/chromedriver"

pytestmark = pytest.mark.skipif(
    not (os.path.exists(CHROMIUM) and os.path.exists(DRIVER)), reason="chromium not installed"
)

SIZES = {"phone": (390, 844), "tablet": (1024, 768)}


@pytest.fixture
def live_server(store: Store) -> Iterator[ApiServer]:
    from studio.products.changes import present
    from studio.products.reader import derive_show
    from studio.timeutil import utcnow

    show = create_show_from_script_file(store, demo_script_path())
    srv = ApiServer(store, show, ServerConfig(port=0, token="t" * 40)).start()
    assert srv.rundown is not None
    srv.rundown.act("start")
    sku = derive_show(store, show, utcnow())[0].sku
    present(store, show, sku)
    now = int(time.time())
    sample = {"ts": now, "gmv_cents": 1_234_500, "online_viewers": 812, "orders": 57}
    write_samples(store, parse_object(sample, show, "sim"))
    yield srv
    srv.stop()


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        opts.add_argument(arg)
    opts.add_argument(f"--user-data-dir={tmp_path / 'chromium'}")
    driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    yield driver
    driver.quit()


def _shots(tmp_path: Path) -> Path:
    out = Path(os.environ.get("STUDIO_VIEW_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    return out


def _text(driver: Any, css: str) -> str:
    """The element's visible text, read in one script call (the views re-render every second,
    so a found element can be replaced before it is read)."""
    js = "const e = document.querySelector(arguments[0]); return e ? e.innerText : '';"
    return str(driver.execute_script(js, css)).strip()


def _wait(driver: Any, check: Any, timeout: float = 20) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, timeout, poll_frequency=0.1).until(lambda d: check(d))


def _has(css: str) -> Any:
    from selenium.webdriver.common.by import By

    return lambda d: bool(d.find_elements(By.CSS_SELECTOR, css))


EXPECT = {
    "zh": {"state": "直播中", "viewers": "在线人数", "gmv": "成交金额", "next": "下一条"},
    "en": {"state": "Live", "viewers": "Online viewers", "gmv": "GMV", "next": "Next"},
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_views_render_in_both_languages(
    live_server: ApiServer, browser: Any, tmp_path: Path, lang: str
) -> None:
    """Every view shows the show's state, cue, countdown, product and figures in the asked
    language at phone and tablet sizes; screenshots are saved."""
    out = _shots(tmp_path)
    status = live_server.builder.status() if live_server.builder else {}
    cue = status["runner"]["cue"]["text"]
    words = EXPECT[lang]
    base = f"http://127.0.0.1:{live_server.port}/view"
    for size, (w, h) in SIZES.items():
        browser.set_window_size(w, h)
        browser.get(f"{base}/prompter?lang={lang}")
        _wait(browser, _has("#cue"))
        assert _text(browser, "#cue") == cue
        assert _text(browser, "#state") == words["state"]
        assert ":" in _text(browser, "#countdown")
        assert status["product"]["name"] in _text(browser, "#product")
        assert _text(browser, "#next").startswith(words["next"])
        browser.save_screenshot(str(out / f"prompter-{lang}-{size}.png"))
        browser.get(f"{base}/timer?lang={lang}")
        _wait(browser, _has("#countdown"))
        assert ":" in _text(browser, "#countdown") and _text(browser, "#overunder")
        browser.save_screenshot(str(out / f"timer-{lang}-{size}.png"))
        browser.get(f"{base}/controller?lang={lang}")
        _wait(browser, _has("#viewers"))
        _wait(browser, lambda d: "812" in _text(d, "#viewers"))
        assert words["viewers"] in _text(browser, "#viewers")
        assert words["gmv"] in _text(browser, "#gmv")
        assert "¥" in _text(browser, "#gmv")
        browser.save_screenshot(str(out / f"controller-{lang}-{size}.png"))
    browser.get(f"{base}/?lang={lang}")
    _wait(browser, _has("a[href*=prompter]"))
    browser.save_screenshot(str(out / f"index-{lang}.png"))
    if lang == "zh":
        # No English words in the Chinese views (the show's own texts are Chinese).
        for view in ("prompter", "timer", "controller"):
            browser.get(f"{base}/{view}?lang=zh")
            _wait(browser, _has("#state"))
            body = _text(browser, "main")
            latin = [w for w in body.replace("¥", " ").split() if w.isascii() and w.isalpha()]
            assert latin == ["English"] or latin == [], (view, latin)


def test_prompter_follows_a_cue_change_and_mirrors(live_server: ApiServer, browser: Any) -> None:
    """A cue turned through the API reaches an open prompter over the WebSocket; ?mirror=1
    flips the prompter horizontally."""
    import http.client

    browser.set_window_size(1024, 768)
    browser.get(f"http://127.0.0.1:{live_server.port}/view/prompter?lang=zh&mirror=1")
    _wait(browser, _has("#cue"))
    before = _text(browser, "#cue")
    transform = browser.execute_script(
        "return getComputedStyle(document.getElementById('app')).transform"
    )
    assert transform.startswith("matrix(-1")
    conn = http.client.HTTPConnection("127.0.0.1", live_server.port, timeout=20)
    conn.request("POST", "/api/v1/rundown/next", body=b"{}")
    assert conn.getresponse().status == 200
    conn.close()
    status = live_server.builder.status() if live_server.builder else {}
    after = status["runner"]["cue"]["text"]
    assert after != before
    _wait(browser, lambda d: _text(d, "#cue") == after)


def test_prompter_banners_for_lucky_bag_and_flash_sale(
    live_server: ApiServer, browser: Any, tmp_path: Path
) -> None:
    """Jumped into a lucky-bag segment the prompter counts down to the draw; in a flash-sale
    segment to the sale's end, and the card shows the sale's product with its quota (Chinese)."""
    import http.client
    import json

    def jump(key: str) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", live_server.port, timeout=20)
        conn.request("POST", "/api/v1/rundown/jump", body=json.dumps({"segment": key}))
        assert conn.getresponse().status == 200
        conn.close()

    browser.set_window_size(1024, 768)
    browser.get(f"http://127.0.0.1:{live_server.port}/view/prompter?lang=zh")
    _wait(browser, _has("#cue"))
    jump("lucky-bag-1")
    _wait(browser, lambda d: _text(d, "#banner").startswith("福袋开奖倒计时"))
    jump("flash-lipstick")
    _wait(browser, lambda d: _text(d, "#banner").startswith("秒杀倒计时"))
    # The segment's product presents itself and its sale starts: pushed to the card as well.
    _wait(
        browser, lambda d: "限量剩余" in _text(d, "#product") and "限量剩余" in _text(d, "#banner")
    )
    browser.save_screenshot(str(_shots(tmp_path) / "prompter-flash-zh.png"))


def test_views_need_the_token_beyond_loopback(store: Store, browser: Any) -> None:
    """On the LAN a view opened with ?token= works (the cookie carries the token to the status
    and WebSocket requests); without it the page is refused."""
    show = create_show_from_script_file(store, demo_script_path())
    srv = ApiServer(store, show, ServerConfig(host="0.0.0.0", port=0, token="k" * 40)).start()
    try:
        browser.get(f"http://127.0.0.1:{srv.port}/view/timer?lang=en")
        assert "missing or wrong bearer token" in browser.page_source
        browser.get(f"http://127.0.0.1:{srv.port}/view/timer?lang=en&token={'k' * 40}")
        _wait(browser, _has("#countdown"))
        assert _text(browser, "#state") == "Ready — the show has not started"
    finally:
        srv.stop()


def test_screenshot_folder_is_clean() -> None:
    """The docs folder holds only the screenshots this module makes (no stale names)."""
    folder = Path(__file__).resolve().parent.parent / "docs" / "screens" / "browser"
    if not folder.exists():
        pytest.skip("screenshots not made yet")
    names = {p.name for p in folder.glob("*.png")}
    expected = {
        f"{v}-{lang}-{size}.png"
        for v in ("prompter", "timer", "controller")
        for lang in ("zh", "en")
        for size in SIZES
    } | {"index-zh.png", "index-en.png", "prompter-flash-zh.png"}
    assert names <= expected, names - expected
