"""A headless Chromium driven by selenium, and an editor server to point it
at: shared by tests/test_serve.py, tests/test_serve_browser.py and
scripts/editor_screenshots.py.

Debian's ``chromium`` and ``chromium-driver`` packages (``.ci/run`` installs
them). :func:`browser_missing` says why a browser cannot be started, or None.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator

from argmap.serve import Document, make_server

CHROMIUM = os.environ.get("ARGMAP_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("ARGMAP_CHROMEDRIVER", "/usr/bin/chromedriver")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--hide-scrollbars",
)


def browser_missing() -> str | None:
    """Why no browser can be driven here (None: it can)."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    for path in (CHROMIUM, CHROMEDRIVER):
        if not (os.path.isfile(path) or shutil.which(path)):
            return f"{path} is missing (apt-get install chromium chromium-driver)"
    return None


@contextlib.contextmanager
def chromium(lang: str = "en", downloads: str | None = None, size: tuple[int, int] = (1400, 860)) -> Iterator:
    """A headless Chromium whose browser language is ``lang``; files it
    downloads go to ``downloads``."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="argmap-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--window-size={size[0]},{size[1]}")
    options.add_argument(f"--lang={lang}")
    options.add_argument(f"--user-data-dir={profile}")
    options.add_experimental_option("prefs", {"intl.accept_languages": lang})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        driver.set_page_load_timeout(30)
        if downloads:
            driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@contextlib.contextmanager
def editor_server(path, folder, **options) -> Iterator:
    """An editor server for the map at ``path`` (None: a new map in ``folder``),
    serving in a thread; ``options`` as for :func:`argmap.serve.make_server`."""
    server = make_server(Document(path, folder), port=0, **options)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def node_ids(driver) -> list[str]:
    """The ids of the claims drawn in the page's map (Graphviz's node titles;
    internal nodes such as the legend have a `-` in theirs, which no id has)."""
    titles = driver.execute_script("return [...document.querySelectorAll('#map svg g.node > title')].map(t => t.textContent)")
    return [t for t in titles if "-" not in t]
