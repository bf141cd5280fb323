"""``argmap serve`` end to end, in a real headless Chromium: load the page,
type, see the map and the messages change, save.

Needs Debian's ``chromium`` and ``chromium-driver`` and selenium; without
them these tests are skipped with the reason (``ARGMAP_REQUIRE_BROWSER=1``,
set by CI, makes that a failure instead)."""

from __future__ import annotations

import os
import time

import pytest

from tests.serve_browser_support import browser_missing, chromium, editor_server, node_ids

pytestmark = pytest.mark.dot

MAP = "title: Handys\nlang: de\n\nclaim ban: Schulen sollten Handys verbieten.\n  + focus: Ohne Handy lernen Schüler besser.\n"


@pytest.fixture(scope="module")
def browser_ok():
    missing = browser_missing()
    if missing:
        if os.environ.get("ARGMAP_REQUIRE_BROWSER"):
            pytest.fail(f"ARGMAP_REQUIRE_BROWSER is set, but {missing}")
        pytest.skip(missing)


@pytest.fixture
def map_file(tmp_path):
    path = tmp_path / "karte.argmap"
    path.write_text(MAP, "utf-8")
    return path


@pytest.fixture
def page(browser_ok, map_file, tmp_path):
    """The editor of map_file, open in Chromium (English), the first drawing done."""
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    with editor_server(map_file, map_file.parent) as server, chromium("en", str(downloads)) as driver:
        driver.get(server.url)
        wait(lambda: "focus" in node_ids(driver))
        driver.downloads = downloads
        yield driver


def wait(condition, timeout: float = 15.0):
    """Wait until ``condition()`` is true; fail with what it was at the end."""
    end = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > end:
            pytest.fail(f"waited {timeout} s in vain: {condition.__code__.co_names} -> {value!r}")
        time.sleep(0.1)


def type_at_start(driver, text: str) -> None:
    """Put the cursor at the start of the text and type ``text`` as a user does."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    content = driver.find_element(By.CSS_SELECTOR, ".cm-content")
    content.click()
    content.send_keys(Keys.CONTROL, Keys.HOME)
    content.send_keys(text)


def messages(driver) -> list[str]:
    return driver.execute_script("return [...document.querySelectorAll('#messages li')].map(li => li.textContent)")


def editor_text(driver) -> str:
    return driver.execute_script("return window.argmapEditor.text()")


def test_the_page_shows_the_text_and_the_map(page, map_file):
    """The editor holds the file's text with line numbers and highlighting; the map has a node per claim."""
    from selenium.webdriver.common.by import By

    assert editor_text(page) == MAP
    assert sorted(node_ids(page)) == ["ban", "focus"]
    gutter = page.find_element(By.CSS_SELECTOR, ".cm-lineNumbers").text.split()
    assert gutter[:5] == ["1", "2", "3", "4", "5"]
    keyword = page.find_element(By.XPATH, "//div[contains(@class,'cm-line')][4]/span[1]")
    assert keyword.text == "claim" and keyword.value_of_css_property("font-weight") in ("700", "bold")
    assert page.find_element(By.ID, "file").text == str(map_file)
    assert messages(page) == ["No messages: the map is fine."]


def test_typing_a_claim_draws_it(page):
    """A claim typed into the editor appears as a node of the drawn map, without saving."""
    type_at_start(page, "claim neu: Eine ganz neue Aussage.\n")
    wait(lambda: "neu" in node_ids(page))
    assert page.find_element("id", "state").text == "changes not saved"


def test_a_syntax_error_is_listed_with_its_line_and_marked(page):
    """A mistake is listed under the editor with its line, marked in the text; a click on it moves the cursor there."""
    from selenium.webdriver.common.by import By

    type_at_start(page, "claim x: X.\nx suports ban\n")
    found = wait(lambda: [m for m in messages(page) if "E101" in m])
    assert found[0].startswith("line 2: E101 unexpected `suports`")
    wait(lambda: page.find_elements(By.CSS_SELECTOR, ".cm-lintRange-error"))
    page.find_element(By.CSS_SELECTOR, "#messages li.error").click()
    line = page.execute_script("const s = window.argmapEditor.view.state; return s.doc.lineAt(s.selection.main.head).number")
    assert line == 2


def test_save_writes_the_file(page, map_file):
    """Ctrl+S saves the editor's text to the file; the page says it is saved."""
    from selenium.webdriver.common.keys import Keys

    type_at_start(page, "claim neu: Neu.\n")
    wait(lambda: "neu" in node_ids(page))
    page.find_element("css selector", ".cm-content").send_keys(Keys.CONTROL, "s")
    wait(lambda: map_file.read_text("utf-8") == "claim neu: Neu.\n" + MAP)
    wait(lambda: page.find_element("id", "state").text == "saved")


def test_text_that_does_not_parse_is_saved_only_when_confirmed(page, map_file):
    """With a syntax error, Save asks first: cancel leaves the file alone, OK saves."""
    type_at_start(page, "claim : kaputt\n")
    wait(lambda: [m for m in messages(page) if "E1" in m])
    page.find_element("id", "save").click()
    alert = wait(lambda: _alert(page))
    assert "errors" in alert.text
    alert.dismiss()
    time.sleep(0.5)
    assert map_file.read_text("utf-8") == MAP
    page.find_element("id", "save").click()
    wait(lambda: _alert(page)).accept()
    wait(lambda: map_file.read_text("utf-8") == "claim : kaputt\n" + MAP)


def test_a_file_changed_by_another_program_is_offered_for_reload(page, map_file):
    """Another program writes the file: the page notices and loads the new text when asked."""
    from selenium.webdriver.common.by import By

    map_file.write_text(MAP + "  - costs: Das kostet.\n", "utf-8")
    wait(lambda: page.find_element(By.ID, "notice").is_displayed(), timeout=10)
    page.find_element(By.ID, "reload").click()
    wait(lambda: editor_text(page) == MAP + "  - costs: Das kostet.\n")
    wait(lambda: "costs" in node_ids(page))


def test_download_svg(page):
    """The SVG button downloads the drawing, named after the file."""
    page.find_element("css selector", "[data-download=svg]").click()
    target = page.downloads / "karte.svg"
    wait(lambda: target.exists() and target.read_bytes().rstrip().endswith(b"</svg>"))
    assert b"<title>focus</title>" in target.read_bytes()


def test_a_view_control_redraws(page):
    """Choosing a focus redraws the map with only the claims near it."""
    from selenium.webdriver.support.ui import Select

    type_at_start(page, "claim weit: Weit weg.\n")
    wait(lambda: "weit" in node_ids(page))
    Select(page.find_element("name", "focus")).select_by_value("focus")
    wait(lambda: "weit" not in node_ids(page))
    assert "focus" in node_ids(page)


def test_a_new_map_is_saved_under_the_name_given(browser_ok, tmp_path):
    """Without FILE the page starts from the example in the browser's language; Save asks for a name in the folder."""
    with editor_server(None, tmp_path) as server, chromium("de") as driver:
        driver.get(server.url)
        wait(lambda: "ban" in node_ids(driver))
        assert "lang: de" in editor_text(driver)
        assert driver.find_element("id", "save").text == "Speichern"
        driver.find_element("id", "save").click()
        prompt = wait(lambda: _alert(driver))
        prompt.send_keys("unsere_karte")
        prompt.accept()
        saved = tmp_path / "unsere_karte.argmap"
        wait(lambda: saved.exists())
        assert saved.read_text("utf-8") == editor_text(driver)
        wait(lambda: driver.find_element("id", "file").text == str(saved))


def _alert(driver):
    from selenium.common.exceptions import NoAlertPresentException

    try:
        alert = driver.switch_to.alert
        alert.text  # raises when there is none
        return alert
    except NoAlertPresentException:
        return None


def test_a_file_that_is_not_utf8_says_so_until_saved(browser_ok, tmp_path):
    """A Latin-1 file: the page lists E001 from reading it (before, only the decoded text's
    messages showed, so the warning was lost); saving writes UTF-8 and the message goes."""
    from selenium.webdriver.common.keys import Keys

    path = tmp_path / "latin1.argmap"
    path.write_bytes(MAP.encode("latin-1"))
    with editor_server(path, tmp_path) as server, chromium("en") as driver:
        driver.get(server.url)
        wait(lambda: "focus" in node_ids(driver))
        assert [m for m in messages(driver) if "E001" in m and "UTF-8" in m]
        driver.find_element("css selector", ".cm-content").send_keys(Keys.CONTROL, "s")
        wait(lambda: path.read_bytes() == MAP.encode("utf-8"))
        type_at_start(driver, "claim neu: Neu.\n")
        wait(lambda: "neu" in node_ids(driver))
        assert not [m for m in messages(driver) if "E001" in m]


def test_the_name_offered_for_a_new_map_is_in_the_pages_language(browser_ok, tmp_path):
    """Save on a new map offers `map.argmap` on an English page (before: the German `karte.argmap`)."""
    with editor_server(None, tmp_path) as server, chromium("en") as driver:
        driver.get(server.url)
        wait(lambda: "ban" in node_ids(driver))
        driver.find_element("id", "save").click()
        wait(lambda: _alert(driver)).accept()
        wait(lambda: (tmp_path / "map.argmap").exists())
        assert not (tmp_path / "karte.argmap").exists()


def test_the_evaluation_choices_say_what_grounded_does(browser_ok, map_file):
    """The German page offers grounded with a German explanation first and groups the other
    semantics under a German heading (before: thirteen bare English names)."""
    from selenium.webdriver.support.ui import Select

    with editor_server(map_file, map_file.parent) as server, chromium("de") as driver:
        driver.get(server.url)
        wait(lambda: "focus" in node_ids(driver))
        choices = Select(driver.find_element("name", "evaluate"))
        texts = [o.text for o in choices.options]
        assert texts[:2] == ["keine Auswertung", "grounded: welche Aussagen stehen, welche fallen"]
        assert driver.execute_script("return document.querySelector('select[name=evaluate] optgroup').label") == "weitere Semantiken (docs/semantics.md)"
        assert "preferred" in texts and "dfquad" in texts
        choices.select_by_value("grounded")
        wait(lambda: driver.execute_script("return document.querySelector('#map svg').textContent.includes('grounded')"))
